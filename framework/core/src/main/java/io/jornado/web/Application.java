package io.jornado.web;

import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.httputil.ServerRequest;
import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import org.slf4j.Logger;

/**
 * A web application: routing rules, settings, and the entry point that serves Vert.x requests.
 *
 * <pre>{@code
 * Application app = new Application(List.of(url("/", MainHandler.class)), Map.of("debug", true));
 * app.listen(8888);
 * IOLoop.current().start();
 * }</pre>
 *
 * <p>Rules are compiled when the application is built: patterns, handler constructors and verb
 * methods are looked up once and each verb method's arity is checked against its pattern, so a
 * mismatch fails here with a message naming class, method and pattern. The application is a
 * Vert.x {@code Handler<HttpServerRequest>}, so it can also be mounted in any Vert.x server.
 *
 * <p>Tornado: tornado.web.Application.
 */
public class Application implements Handler<HttpServerRequest> {
  private static final String WILDCARD_HOST = ".*$";
  private static final String[] NO_GROUPS = new String[0];
  private static final ServerOptions DEFAULT_SERVER_OPTIONS = new ServerOptions();

  private final Settings settings;
  private final Consumer<RequestHandler> logFunction;
  private final Route defaultRoute;
  private final TemplateSupport templates;
  private volatile HostRules[] hostRules;
  private final Map<String, Route> namedRoutes = new HashMap<>();

  /**
   * An application with rules and no settings.
   *
   * <p>Tornado: Application(handlers).
   *
   * @param handlers the rules, made with {@code url(...)}
   */
  public Application(List<UrlSpec> handlers) {
    this(handlers, Settings.empty());
  }

  /**
   * An application with rules and settings under Tornado's key names.
   *
   * <p>Tornado: Application(handlers, **settings).
   *
   * @param handlers the rules
   * @param settings settings such as {@code Map.of("debug", true)}
   */
  public Application(List<UrlSpec> handlers, Map<String, ?> settings) {
    this(handlers, Settings.of(settings));
  }

  /**
   * An application with rules and settings.
   *
   * <p>Tornado: Application(handlers, **settings).
   *
   * @param handlers the rules
   * @param settings the settings
   */
  public Application(List<UrlSpec> handlers, Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.logFunction = settings.logFunction().orElse(null);
    this.templates = new TemplateSupport(settings);
    this.hostRules = new HostRules[] {new HostRules(WILDCARD_HOST, compile(StaticFileHandler.withStaticRules(handlers, settings)))};
    this.defaultRoute = settings.defaultHandlerClass()
        .map(cls -> Route.compile(UrlSpec.url(".*", cls, settings.defaultHandlerArgs())))
        .orElseGet(() -> Route.compile(UrlSpec.url(".*", ErrorHandler.class, Map.of("status_code", 404))));
  }

  final TemplateSupport templates() {
    return templates;
  }

  private List<Route> compile(List<UrlSpec> specs) {
    List<Route> routes = new ArrayList<>(specs.size());
    for (UrlSpec spec : specs) {
      Route route = Route.compile(spec);
      routes.add(route);
      if (route.name != null) {
        synchronized (namedRoutes) {
          if (namedRoutes.containsKey(route.name)) {
            Log.APPLICATION.warn("Multiple handlers named {}; replacing previous value", route.name);
          }
          namedRoutes.put(route.name, route);
        }
      }
    }
    return List.copyOf(routes);
  }

  /**
   * Adds rules for a host pattern (matched against the lower-cased host name without port, implicit
   * {@code $}). Host rules are tried in the order added, before the rules given to the constructor;
   * a host that matches but has no matching path falls through to the next host rule.
   *
   * <p>Tornado: Application.add_handlers.
   *
   * @param hostPattern a regex for the host name
   * @param handlers the rules for that host
   */
  public void addHandlers(String hostPattern, List<UrlSpec> handlers) {
    HostRules added = new HostRules(hostPattern, compile(handlers));
    synchronized (this) {
      HostRules[] old = hostRules;
      HostRules[] updated = new HostRules[old.length + 1];
      System.arraycopy(old, 0, updated, 0, old.length - 1);
      updated[old.length - 1] = added;
      updated[old.length] = old[old.length - 1];
      hostRules = updated;
    }
  }

  /**
   * Tornado: Application.settings.
   *
   * @return the settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * The path of a named rule with arguments substituted, each percent-encoded with {@code /} kept
   * and space as {@code %20}.
   *
   * <p>Tornado: Application.reverse_url.
   *
   * @param name the rule's name
   * @param args values for its groups, turned into strings
   * @return the path
   * @throws IllegalArgumentException when no rule has that name, or the arguments do not fit
   */
  public String reverseUrl(String name, Object... args) {
    Route route;
    synchronized (namedRoutes) {
      route = namedRoutes.get(name);
    }
    if (route == null) {
      throw new IllegalArgumentException(name + " not found in named urls");
    }
    return route.pattern.reverse(args);
  }

  /**
   * Serves on a port on all interfaces, on the current loop.
   *
   * <p>Tornado: Application.listen(port).
   *
   * @param port the port, or 0 for any free port
   * @return the server, once listening
   */
  public Future<HttpServer> listen(int port) {
    return listen(port, null, new ServerOptions());
  }

  /**
   * Serves on a port and address.
   *
   * <p>Tornado: Application.listen(port, address).
   *
   * @param port the port, or 0 for any free port
   * @param address the address to bind, or null for all
   * @return the server, once listening
   */
  public Future<HttpServer> listen(int port, String address) {
    return listen(port, address, new ServerOptions());
  }

  /**
   * Serves with server options, such as {@code new ServerOptions().processes(0)} for one event loop
   * per core.
   *
   * <p>Tornado: Application.listen(port, address, **httpserver_kwargs).
   *
   * @param port the port, or 0 for any free port
   * @param address the address to bind, or null for all
   * @param options the server options
   * @return the server, once listening
   */
  public Future<HttpServer> listen(int port, String address, ServerOptions options) {
    ServerOptions effective = new ServerOptions(options == null ? new ServerOptions() : options)
        .webSocketMaxMessageSize(settings.websocketMaxMessageSize())
        .webSocketCompression(wantsWebSocketCompression());
    return HttpServer.listen(IOLoop.current(), serving(effective), port, address, effective);
  }

  private boolean wantsWebSocketCompression() {
    for (HostRules rules : hostRules) {
      for (Route route : rules.routes) {
        if (route.type.wantsWebSocketCompression) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Serves one Vert.x request: routes it, makes the handler and runs its lifecycle.
   *
   * <p>Tornado: Application.__call__ / Application.find_handler.
   *
   * @param vertxRequest the request
   */
  @Override
  public void handle(HttpServerRequest vertxRequest) {
    handle(vertxRequest, DEFAULT_SERVER_OPTIONS);
  }

  /**
   * This application as the request handler of a server with the given options (body and header
   * limits, proxy headers, request decompression); {@link #listen} uses it.
   *
   * <p>Tornado: HTTPServer(app, **kwargs) (the server's settings reaching each request).
   *
   * @param options the server's options
   * @return a Vert.x request handler
   */
  public Handler<HttpServerRequest> serving(ServerOptions options) {
    ServerOptions fixed = new ServerOptions(Objects.requireNonNull(options, "options"));
    return vertxRequest -> handle(vertxRequest, fixed);
  }

  /**
   * This application as a vertx-web route handler: {@code router.route("/app/*").handler(app.asRouteHandler())}.
   * The application serves the request whole, with Tornado's routing on the raw, full path (the
   * route's prefix included) and its own 404s; the vertx-web context's next handlers are not called.
   * Mount it before any {@code BodyHandler} that would match the same requests: the application reads
   * the body itself, and a request whose body a BodyHandler already read fails the context with 500.
   *
   * <p>Tornado: (none: Tornado's nearest is an Application as a FallbackHandler's fallback).
   *
   * @return a handler for vertx-web routes
   */
  public Handler<RoutingContext> asRouteHandler() {
    return ctx -> {
      if (ctx.body().available()) {
        ctx.fail(500, new IllegalStateException("Jornado application mounted behind a BodyHandler, which has read "
            + ctx.request().uri() + "'s body already: mount asRouteHandler() before it, or restrict the BodyHandler to other routes"));
        return;
      }
      handle(ctx.request(), DEFAULT_SERVER_OPTIONS);
    };
  }

  void handle(HttpServerRequest vertxRequest, ServerOptions serverOptions) {
    ServerRequest request = new ServerRequest(vertxRequest, System.nanoTime(), serverOptions);
    RequestHandler handler;
    try {
      handler = findHandler(request);
    } catch (RuntimeException e) {
      Log.APPLICATION.error("Uncaught exception creating handler for {}", request, e);
      vertxRequest.response().setStatusCode(500).end();
      return;
    }
    if (handler.takesRawRequest()) {
      handler.execute(); // its fallback reads the body (and answers an upgrade) itself
      return;
    }
    boolean hasBody = BodyReader.hasBody(vertxRequest);
    if (handler.route.type.streamRequestBody) {
      vertxRequest.pause();
      BodyReader reader = hasBody ? BodyReader.openDeferred(request) : null;
      if (!hasBody || reader != null) {
        handler.executeStreaming(reader);
      }
    } else if (hasBody) {
      vertxRequest.pause();
      BodyReader reader = BodyReader.open(request);
      if (reader != null) {
        Buffer body = Buffer.buffer();
        reader.read(chunk -> {
          body.appendBuffer(chunk);
          return null;
        }, () -> {
          request.body(body.getBytes());
          handler.execute();
        }, handler::handleRequestException);
      }
    } else {
      if (vertxRequest.headers().contains(HttpHeaders.UPGRADE)) {
        // Hold the request's end until the handler decides: a WebSocket handshake must still see it.
        vertxRequest.pause();
        handler.requestPaused = true;
      }
      handler.execute();
    }
  }

  private RequestHandler findHandler(ServerRequest request) {
    RouteMatch match = findRoute(request.path(), request::hostName);
    RequestHandler handler = match.route.factory.get();
    handler.attach(this, request, match.route, match.args, match.kwargs);
    return handler;
  }

  /** The rule for a raw path, or the default rule; the host name is asked for only when host rules exist. */
  RouteMatch findRoute(String path, Supplier<String> hostNames) {
    String hostName = null;
    for (HostRules rules : hostRules) {
      if (!rules.wildcard) {
        if (hostName == null) {
          hostName = hostNames.get();
        }
        if (!rules.host.matcher(hostName).matches()) {
          continue;
        }
      }
      RouteMatch match = matchPath(rules, path);
      if (match != null) {
        return match;
      }
    }
    return new RouteMatch(defaultRoute, NO_GROUPS, Map.of());
  }

  private static RouteMatch matchPath(HostRules rules, String path) {
    for (Route route : rules.routes) {
      PathPattern pattern = route.pattern;
      if (pattern.literal != null) {
        if (pattern.literal.equals(path)) {
          return new RouteMatch(route, NO_GROUPS, Map.of());
        }
        continue;
      }
      Matcher m = pattern.match(path);
      if (m != null) {
        String[] args = new String[pattern.groupCount];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.group(i + 1);
        }
        Map<String, String> kwargs = Map.of();
        if (!pattern.groupNames.isEmpty()) {
          kwargs = new java.util.LinkedHashMap<>();
          for (int i = 0; i < pattern.groupNames.size(); i++) {
            kwargs.put(pattern.groupNames.get(i), m.group(pattern.javaGroupNames.get(i)));
          }
        }
        return new RouteMatch(route, args, kwargs);
      }
    }
    return null;
  }

  /** A matched rule with its raw (still %-encoded) groups. */
  static final class RouteMatch {
    final Route route;
    final String[] args;
    final Map<String, String> kwargs;

    RouteMatch(Route route, String[] args, Map<String, String> kwargs) {
      this.route = route;
      this.args = args;
      this.kwargs = kwargs;
    }
  }

  /**
   * Writes the access-log line for a finished request ({@code 200 GET / (127.0.0.1) 0.52ms}) on
   * {@code jornado.access}: INFO below 400, WARN below 500, ERROR otherwise; or calls the
   * {@code log_function} setting instead.
   *
   * <p>Tornado: Application.log_request.
   *
   * @param handler the finished handler
   */
  public void logRequest(RequestHandler handler) {
    if (logFunction != null) {
      logFunction.accept(handler);
      return;
    }
    int status = handler.getStatus();
    Logger log = Log.ACCESS;
    boolean enabled = status < 400 ? log.isInfoEnabled() : status < 500 ? log.isWarnEnabled() : log.isErrorEnabled();
    if (!enabled) {
      return;
    }
    String line = status + " " + handler.requestSummary() + " " + millis(handler.request().requestTime());
    if (status < 400) {
      log.info(line);
    } else if (status < 500) {
      log.warn(line);
    } else {
      log.error(line);
    }
  }

  static String millis(double seconds) {
    long hundredths = Math.round(seconds * 100_000);
    long whole = hundredths / 100;
    long frac = hundredths % 100;
    return whole + (frac < 10 ? ".0" : ".") + frac + "ms";
  }
}
