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

  /** Tornado: websocket_max_message_size default (10 MiB). */
  public static final long DEFAULT_WEBSOCKET_MAX_MESSAGE_SIZE = 10L * 1024 * 1024;

  private int processes = 1;
  private HttpServerOptions vertxOptions;
  private long webSocketMaxMessageSize = DEFAULT_WEBSOCKET_MAX_MESSAGE_SIZE;
  private boolean webSocketCompression;

  /** Default options: one event loop. Tornado: HTTPServer(app). */
  public ServerOptions() {}

  /**
   * A copy of other options.
   *
   * <p>Tornado: (none; Java copy constructor).
   *
   * @param other the options to copy
   */
  public ServerOptions(ServerOptions other) {
    this.processes = other.processes;
    this.vertxOptions = other.vertxOptions == null ? null : new HttpServerOptions(other.vertxOptions);
    this.webSocketMaxMessageSize = other.webSocketMaxMessageSize;
    this.webSocketCompression = other.webSocketCompression;
  }

  /**
   * The largest WebSocket message the server reads (an Application sets it from its
   * {@code websocket_max_message_size} setting); frames up to one byte more reach the handler, which
   * closes with 1009 past the limit.
   *
   * <p>Tornado: websocket_max_message_size.
   *
   * @param bytes the limit
   * @return these options
   */
  public ServerOptions webSocketMaxMessageSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("websocket_max_message_size must be positive, got " + bytes);
    }
    this.webSocketMaxMessageSize = bytes;
    return this;
  }

  /**
   * The largest WebSocket frame Vert.x reads for a message limit: one byte more than the limit (so the
   * handler sees the excess and answers 1009 itself), at least Vert.x's default 64 KiB.
   *
   * <p>Tornado: (none; Vert.x frame-size setting derived from websocket_max_message_size).
   *
   * @param maxMessageSize the message limit in bytes
   * @return the frame limit in bytes
   */
  public static int webSocketFrameLimit(long maxMessageSize) {
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(65536, maxMessageSize + 1));
  }

  /**
   * Tornado: websocket_max_message_size.
   *
   * @return the WebSocket message limit in bytes
   */
  public long webSocketMaxMessageSize() {
    return webSocketMaxMessageSize;
  }

  /**
   * Whether the server can negotiate permessage-deflate at all (an Application turns it on when one
   * of its WebSocket handlers overrides {@code getCompressionOptions}; each handshake still decides).
   *
   * <p>Tornado: (get_compression_options decides per handler; Vert.x needs it per server too).
   *
   * @param enabled whether compression can be negotiated
   * @return these options
   */
  public ServerOptions webSocketCompression(boolean enabled) {
    this.webSocketCompression = enabled;
    return this;
  }

  /**
   * Tornado: (see webSocketCompression(boolean)).
   *
   * @return whether compression can be negotiated
   */
  public boolean webSocketCompression() {
    return webSocketCompression;
  }

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
    HttpServerOptions options = vertxOptions != null ? new HttpServerOptions(vertxOptions) : new HttpServerOptions()
        .setMaxHeaderSize(DEFAULT_MAX_HEADER_SIZE)
        .setMaxInitialLineLength(DEFAULT_MAX_HEADER_SIZE)
        .setHandle100ContinueAutomatically(true)
        .setCompressionSupported(false)
        .setDecompressionSupported(false);
    int frameLimit = webSocketFrameLimit(webSocketMaxMessageSize);
    return options
        .setMaxWebSocketFrameSize(frameLimit)
        .setMaxWebSocketMessageSize(frameLimit)
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(webSocketCompression)
        .setWebSocketClosingTimeout(5);
  }
}
