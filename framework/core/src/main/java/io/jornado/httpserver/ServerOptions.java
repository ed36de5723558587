package io.jornado.httpserver;

import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /** Tornado: HTTPServer max_body_size / max_buffer_size default (100 MiB). */
  public static final long DEFAULT_MAX_BODY_SIZE = 100L * 1024 * 1024;

  /** Tornado: HTTPServer idle_connection_timeout default (3600 s). */
  public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(3600);

  private int processes = 1;
  private HttpServerOptions vertxOptions;
  private long webSocketMaxMessageSize = DEFAULT_WEBSOCKET_MAX_MESSAGE_SIZE;
  private boolean webSocketCompression;
  private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
  private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
  private Duration idleConnectionTimeout = DEFAULT_IDLE_CONNECTION_TIMEOUT;
  private Duration bodyTimeout;
  private boolean noKeepAlive;
  private boolean xheaders;
  private List<String> trustedDownstream = List.of();
  private boolean decompressRequest;

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
    this.maxBodySize = other.maxBodySize;
    this.maxHeaderSize = other.maxHeaderSize;
    this.idleConnectionTimeout = other.idleConnectionTimeout;
    this.bodyTimeout = other.bodyTimeout;
    this.noKeepAlive = other.noKeepAlive;
    this.xheaders = other.xheaders;
    this.trustedDownstream = other.trustedDownstream;
    this.decompressRequest = other.decompressRequest;
  }

  /**
   * The largest request body accepted; a larger declared Content-Length is refused with 413 before
   * any of the body is read, and a chunked or streamed body that grows past it is cut off with 413
   * and the connection closed.
   *
   * <p>Tornado: HTTPServer(max_body_size=...) (Tornado answers 400 where we answer 413).
   *
   * @param bytes the limit, positive
   * @return these options
   * @throws IllegalArgumentException when not positive
   */
  public ServerOptions maxBodySize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max_body_size must be positive, got " + bytes);
    }
    this.maxBodySize = bytes;
    return this;
  }

  /**
   * Tornado: HTTPServer.max_body_size.
   *
   * @return the body limit in bytes (100 MiB by default)
   */
  public long maxBodySize() {
    return maxBodySize;
  }

  /**
   * The largest request head (request line and headers) accepted; a larger one is answered with 431
   * (a request line over it with 414) and the connection closed.
   *
   * <p>Tornado: HTTPServer(max_header_size=...) (Tornado closes without an answer).
   *
   * @param bytes the limit, at least 1 KiB
   * @return these options
   * @throws IllegalArgumentException when below 1024
   */
  public ServerOptions maxHeaderSize(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("max_header_size must be at least 1024, got " + bytes);
    }
    this.maxHeaderSize = bytes;
    return this;
  }

  /**
   * Tornado: HTTPServer.max_header_size.
   *
   * @return the head limit in bytes (64 KiB by default)
   */
  public int maxHeaderSize() {
    return maxHeaderSize;
  }

  /**
   * How long a connection may stay without traffic, including while a request's headers are being
   * read; then it is closed.
   *
   * <p>Tornado: HTTPServer(idle_connection_timeout=...).
   *
   * @param timeout positive, whole seconds or more precise
   * @return these options
   * @throws IllegalArgumentException when not positive
   */
  public ServerOptions idleConnectionTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idle_connection_timeout must be positive, got " + timeout);
    }
    this.idleConnectionTimeout = timeout;
    return this;
  }

  /**
   * Tornado: HTTPServer.idle_connection_timeout.
   *
   * @return the idle timeout (3600 s by default)
   */
  public Duration idleConnectionTimeout() {
    return idleConnectionTimeout;
  }

  /**
   * How long reading one request body may take in all; past it the connection is closed.
   *
   * <p>Tornado: HTTPServer(body_timeout=...).
   *
   * @param timeout positive, or null for no limit (the default)
   * @return these options
   * @throws IllegalArgumentException when zero or negative
   */
  public ServerOptions bodyTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("body_timeout must be positive, got " + timeout);
    }
    this.bodyTimeout = timeout;
    return this;
  }

  /**
   * Tornado: HTTPServer.body_timeout.
   *
   * @return the body timeout, empty for none
   */
  public Optional<Duration> bodyTimeout() {
    return Optional.ofNullable(bodyTimeout);
  }

  /**
   * Closes every connection after its response.
   *
   * <p>Tornado: HTTPServer(no_keep_alive=True).
   *
   * @param value whether to close after each response
   * @return these options
   */
  public ServerOptions noKeepAlive(boolean value) {
    this.noKeepAlive = value;
    return this;
  }

  /**
   * Tornado: HTTPServer.no_keep_alive.
   *
   * @return whether connections close after each response
   */
  public boolean noKeepAlive() {
    return noKeepAlive;
  }

  /**
   * Takes the client's address and scheme from {@code X-Real-Ip}/{@code X-Forwarded-For} and
   * {@code X-Scheme}/{@code X-Forwarded-Proto}, for a server behind a reverse proxy.
   *
   * <p>Tornado: HTTPServer(xheaders=True).
   *
   * @param value whether to trust the proxy headers
   * @return these options
   */
  public ServerOptions xheaders(boolean value) {
    this.xheaders = value;
    return this;
  }

  /**
   * Tornado: HTTPServer.xheaders.
   *
   * @return whether proxy headers are trusted
   */
  public boolean xheaders() {
    return xheaders;
  }

  /**
   * Proxy addresses skipped when taking the client from {@code X-Forwarded-For}.
   *
   * <p>Tornado: HTTPServer(trusted_downstream=[...]).
   *
   * @param addresses the trusted proxies' IP addresses
   * @return these options
   */
  public ServerOptions trustedDownstream(List<String> addresses) {
    this.trustedDownstream = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
    return this;
  }

  /**
   * Tornado: HTTPServer.trusted_downstream.
   *
   * @return the trusted proxies (empty by default)
   */
  public List<String> trustedDownstream() {
    return trustedDownstream;
  }

  /**
   * Inflates request bodies sent with {@code Content-Encoding: gzip} before they are parsed.
   *
   * <p>Tornado: HTTPServer(decompress_request=True).
   *
   * @param value whether to decompress
   * @return these options
   */
  public ServerOptions decompressRequest(boolean value) {
    this.decompressRequest = value;
    return this;
  }

  /**
   * Tornado: HTTPServer.decompress_request.
   *
   * @return whether gzip request bodies are inflated
   */
  public boolean decompressRequest() {
    return decompressRequest;
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
   * request line and headers; 100-continue is answered by the framework when it starts reading a body;
   * no cleartext HTTP/2 unless {@link #vertxOptions} turns it on, so {@code Upgrade: h2c} is an
   * ordinary header as in Tornado; HTTP/2 over TLS is unaffected). The head limit always comes from
   * {@link #maxHeaderSize(int)}. With cleartext HTTP/2 on, a request carrying both Content-Length and
   * Transfer-Encoding is read as chunked instead of refused with 400 (Vert.x only hands the
   * connection over once it has begun decoding).
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @return a fresh copy
   */
  public HttpServerOptions toVertxOptions() {
    HttpServerOptions options = vertxOptions != null ? new HttpServerOptions(vertxOptions) : new HttpServerOptions()
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setHttp2ClearTextEnabled(false);
    options.setMaxHeaderSize(maxHeaderSize)
        .setMaxInitialLineLength(maxHeaderSize)
        .setHandle100ContinueAutomatically(false);
    int frameLimit = webSocketFrameLimit(webSocketMaxMessageSize);
    return options
        .setMaxWebSocketFrameSize(frameLimit)
        .setMaxWebSocketMessageSize(frameLimit)
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(webSocketCompression)
        .setWebSocketClosingTimeout(5);
  }
}
