package io.jornado.httpserver;

import io.vertx.core.http.HttpServerOptions;

/**
 * How an application's HTTP server runs: how many event loops serve it, and the underlying Vert.x
 * server options for anything else.
 *
 * <p>Tornado: the keyword arguments of tornado.httpserver.HTTPServer and Application.listen.
 */
public final class ServerOptions {
  /** Tornado: HTTPServer max_header_size default (64 KiB). */
  public static final int DEFAULT_MAX_HEADER_SIZE = 65536;

  private int processes = 1;
  private HttpServerOptions vertxOptions;

  /** Default options: one event loop. Tornado: HTTPServer(app). */
  public ServerOptions() {}

  /**
   * Serves on {@code n} event loops in this JVM, sharing the port; 0 means one per core. Handlers on
   * different loops run in parallel, so state they share must be thread-safe.
   *
   * <p>Tornado: HTTPServer.start(num_processes) / fork_processes (processes become event loops).
   *
   * @param n the number of loops, 0 for one per core
   * @return these options
   * @throws IllegalArgumentException for a negative number
   */
  public ServerOptions processes(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("processes must be 0 (one per core) or more, got " + n);
    }
    this.processes = n;
    return this;
  }

  /**
   * Tornado: num_processes.
   *
   * @return the requested number of loops (0 = one per core)
   */
  public int processes() {
    return processes;
  }

  /**
   * Tornado: (tornado.process.cpu_count() for 0).
   *
   * @return the number of loops that will serve
   */
  public int effectiveProcesses() {
    return processes == 0 ? Runtime.getRuntime().availableProcessors() : processes;
  }

  /**
   * Vert.x server options to start from (host and port are set by {@code listen}).
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @param options the Vert.x options
   * @return these options
   */
  public ServerOptions vertxOptions(HttpServerOptions options) {
    this.vertxOptions = options;
    return this;
  }

  /**
   * The Vert.x options a server will use, with Tornado's defaults where Vert.x's differ (64 KiB
   * request line and headers, 100-continue answered automatically).
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @return a fresh copy
   */
  public HttpServerOptions toVertxOptions() {
    if (vertxOptions != null) {
      return new HttpServerOptions(vertxOptions);
    }
    return new HttpServerOptions()
        .setMaxHeaderSize(DEFAULT_MAX_HEADER_SIZE)
        .setMaxInitialLineLength(DEFAULT_MAX_HEADER_SIZE)
        .setHandle100ContinueAutomatically(true)
        .setCompressionSupported(false)
        .setDecompressionSupported(false);
  }
}
