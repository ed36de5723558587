package io.jornado.web;

import static io.jornado.bench.jmh.SetupChecks.check;

import static io.jornado.web.UrlSpec.url;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing against an application of 50 {@code url(...)} rules: the time to find the handler for a
 * path that matches the first rule, one that matches the 50th, and one that matches none (404).
 *
 * <p>The routes are the ones a real {@link Application} compiled (read from its private
 * {@code hostRules} and {@code defaultRoute} fields once, at setup, to check the matches), and
 * {@link #find(String)} calls the application's own package-private {@code findRoute} and makes the
 * handler with the route's factory, as {@code Application.findHandler} does; only
 * {@code RequestHandler.attach} (which needs a live Vert.x request) is left out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class RouterBenchmark {

  /** A handler that accepts any number of path arguments, so one class serves every rule. */
  public static class PageHandler extends RequestHandler {
    public void get(String... pathArgs) {}
  }

  /** 50 rules in the style of a real application: literals first, then parameterised pages. */
  static final List<String> PATTERNS = List.of(
      "/",
      "/about",
      "/contact",
      "/login",
      "/logout",
      "/signup",
      "/feed",
      "/search",
      "/settings",
      "/settings/profile",
      "/settings/password",
      "/notifications",
      "/help",
      "/terms",
      "/privacy",
      "/story/([0-9]+)",
      "/story/([0-9]+)/edit",
      "/story/([0-9]+)/comments",
      "/story/([0-9]+)/comments/([0-9]+)",
      "/user/(?P<name>[a-z]+)",
      "/user/(?P<name>[a-z]+)/(\\w+)",
      "/user/(?P<name>[a-z]+)/followers/page/([0-9]+)",
      "/tag/([^/]+)",
      "/tag/([^/]+)/page/([0-9]+)",
      "/archive/([0-9]{4})",
      "/archive/([0-9]{4})/([0-9]{2})",
      "/api/v1/stories",
      "/api/v1/stories/([0-9]+)",
      "/api/v1/users/([^/]+)",
      "/api/v1/users/([^/]+)/stories",
      "/api/v1/search",
      "/api/v1/auth/token",
      "/api/v1/auth/refresh",
      "/api/v1/comments/([0-9]+)",
      "/api/v2/(?P<resource>[a-z_]+)/(?P<id>[0-9a-f]{24})",
      "/static/(.*)",
      "/ws",
      "/chat",
      "/chat/room/([\\w-]+)",
      "/admin",
      "/admin/users",
      "/admin/users/([0-9]+)",
      "/admin/stories/([0-9]+)/(approve|reject)",
      "/feed\\.(rss|atom)",
      "/sitemap\\.xml",
      "/robots\\.txt",
      "/favicon\\.ico",
      "/healthz",
      "/files/(?P<path>.+)\\.(?P<ext>png|jpg|gif)",
      "/shop/(?P<category>[a-z-]+)/(?P<sku>[A-Z0-9]{8})");

  /** The matched route's handler and its path arguments, as Application passes them to attach. */
  static final class Found {
    final Route route;
    final RequestHandler handler;
    final String[] args;
    final Map<String, String> kwargs;

    Found(Route route, RequestHandler handler, String[] args, Map<String, String> kwargs) {
      this.route = route;
      this.handler = handler;
      this.args = args;
      this.kwargs = kwargs;
    }
  }

  private Application app;
  private HostRules[] hostRules;
  private Route defaultRoute;
  private String hostName;

  public String firstPath;
  public String lastPath;
  public String missingPath;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    io.jornado.bench.jmh.QuietLogging.apply();
    List<UrlSpec> specs = new ArrayList<>();
    for (String pattern : PATTERNS) {
      specs.add(url(pattern, PageHandler.class));
    }
    app = new Application(specs);
    hostRules = (HostRules[]) field("hostRules").get(app);
    defaultRoute = (Route) field("defaultRoute").get(app);
    hostName = "127.0.0.1";
    firstPath = "/";
    lastPath = "/shop/garden-tools/AB12CD34";
    missingPath = "/no/such/page/here";

    List<Route> routes = hostRules[hostRules.length - 1].routes;
    check(routes.size() == 50, "expected 50 rules, got " + routes.size());
    check(find(firstPath).route == routes.get(0), firstPath + " should match the first rule");
    Found last = find(lastPath);
    check(last.route == routes.get(49), lastPath + " should match the 50th rule");
    check(last.kwargs.equals(Map.of("category", "garden-tools", "sku", "AB12CD34")), "kwargs " + last.kwargs);
    Found missing = find(missingPath);
    check(missing.route == defaultRoute && missing.handler instanceof ErrorHandler, missingPath + " should 404");
  }

  private static Field field(String name) throws NoSuchFieldException {
    Field f = Application.class.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  @Benchmark
  public Found matchFirstRule() {
    return find(firstPath);
  }

  @Benchmark
  public Found matchFiftiethRule() {
    return find(lastPath);
  }

  @Benchmark
  public Found matchNone404() {
    return find(missingPath);
  }

  /** Application's own routing (findRoute), then the handler made by the route's factory, as findHandler does. */
  private Found find(String path) {
    Application.RouteMatch match = app.findRoute(path, () -> hostName);
    return new Found(match.route, match.route.factory.get(), match.args, match.kwargs);
  }
}
