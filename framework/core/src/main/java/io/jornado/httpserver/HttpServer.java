package io.jornado.httpserver;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening HTTP server: the first instance runs on the loop that called {@code listen}, further
 * ones (with {@code processes(n)}) on other event loops, all sharing one port.
 *
 * <p>Tornado: tornado.httpserver.HTTPServer.
 */
public final class HttpServer {
  private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

  private final Vertx vertx;
  private final io.vertx.core.http.HttpServer first;
  private final List<String> deployments;
  private final int port;
  private final int processes;

  private HttpServer(Vertx vertx, io.vertx.core.http.HttpServer first, List<String> deployments, int processes) {
    this.vertx = vertx;
    this.first = first;
    this.deployments = deployments;
    this.port = first.actualPort();
    this.processes = processes;
  }

  /**
   * Starts serving requests with a handler, such as a Jornado {@code Application}.
   *
   * <p>Tornado: HTTPServer(request_callback).listen(port, address).
   *
   * @param loop the loop the first server instance runs on
   * @param handler serves each request
   * @param port the port, or 0 for any free one
   * @param address the address, or null for all interfaces
   * @param options the server options
   * @return the server, once every instance listens
   */
  public static Future<HttpServer> listen(IOLoop loop, Handler<HttpServerRequest> handler, int port, String address,
      ServerOptions options) {
    Objects.requireNonNull(handler, "handler");
    ServerOptions opts = options == null ? new ServerOptions() : options;
    HttpServerOptions vertxOptions = opts.toVertxOptions().setHost(address == null ? "0.0.0.0" : address);
    int processes = opts.effectiveProcesses();
    // Vert.x shares a listening socket between servers on the same host and port, but not for port 0:
    // a negative port means "any free port, shared by every server given this same negative port".
    int bindPort = port == 0 && processes > 1 ? -SHARED_RANDOM_PORTS.incrementAndGet() : port;
    HttpServerOptions bindOptions = new HttpServerOptions(vertxOptions).setPort(bindPort);
    Promise<io.vertx.core.http.HttpServer> started = Promise.promise();
    Context context = loop.context();
    context.runOnContext(v -> guarded(loop.vertx().createHttpServer(bindOptions), opts, bindOptions)
        .requestHandler(handler).listen().onComplete(started));
    return started.future().compose(server -> {
      if (processes <= 1) {
        return Future.succeededFuture(new HttpServer(loop.vertx(), server, List.of(), 1));
      }
      HttpServerOptions shared = new HttpServerOptions(bindOptions);
      DeploymentOptions deployment = new DeploymentOptions().setInstances(processes - 1);
      return loop.vertx().deployVerticle(() -> new ServerVerticle(handler, opts, shared), deployment)
          .map(id -> new HttpServer(loop.vertx(), server, List.of(id), processes))
          .recover(err -> server.close().transform(ignored -> Future.failedFuture(err)));
    });
  }

  /**
   * Tornado: HTTPServer's bound port (sockets[0].getsockname()[1]).
   *
   * @return the port actually bound
   */
  public int port() {
    return port;
  }

  /**
   * Tornado: num_processes.
   *
   * @return the number of event loops serving
   */
  public int processes() {
    return processes;
  }

  /**
   * Stops listening and closes the server's connections.
   *
   * <p>Tornado: HTTPServer.stop (plus close_all_connections).
   *
   * @return completes when closed
   */
  public Future<Void> stop() {
    List<Future<?>> closing = new ArrayList<>();
    closing.add(first.close());
    for (String id : deployments) {
      closing.add(vertx.undeploy(id));
    }
    return Future.join(closing).mapEmpty();
  }

  /**
   * Same as {@link #stop()}.
   *
   * <p>Tornado: HTTPServer.stop.
   *
   * @return completes when closed
   */
  public Future<Void> close() {
    return stop();
  }

  /** One further server instance on its own event loop. */
  private static io.vertx.core.http.HttpServer guarded(io.vertx.core.http.HttpServer server, ServerOptions options,
      HttpServerOptions vertxOptions) {
    return server.connectionHandler(connection -> {
      if (connection instanceof ConnectionBase) {
        WireGuard.install(((ConnectionBase) connection).channel(), options, vertxOptions);
      }
    });
  }

  private static final class ServerVerticle extends VerticleBase {
    private final Handler<HttpServerRequest> handler;
    private final ServerOptions serverOptions;
    private final HttpServerOptions options;

    ServerVerticle(Handler<HttpServerRequest> handler, ServerOptions serverOptions, HttpServerOptions options) {
      this.handler = handler;
      this.serverOptions = serverOptions;
      this.options = options;
    }

    @Override
    public Future<?> start() {
      return guarded(vertx.createHttpServer(options), serverOptions, options).requestHandler(handler).listen();
    }
  }
}
