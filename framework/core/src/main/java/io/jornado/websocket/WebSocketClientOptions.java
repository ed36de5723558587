package io.jornado.websocket;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link WebSocket#connect(String, WebSocketClientOptions)} connects and how the connection
 * behaves: offered subprotocols, compression, timeouts, pings, the message size limit, extra headers
 * and an optional message callback. Setters return these options; getters have the same name without
 * an argument.
 *
 * <p>Tornado: the keyword arguments of tornado.websocket.websocket_connect ({@code subprotocols},
 * {@code compression_options}, {@code connect_timeout}, {@code ping_interval}, {@code ping_timeout},
 * {@code max_message_size}, {@code on_message_callback}) and of the HTTPRequest it builds
 * ({@code headers}, {@code request_timeout}).
 */
public final class WebSocketClientOptions {
  /** Tornado: websocket_connect max_message_size default (10 MiB). */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 10 * 1024 * 1024;

  /** Tornado: HTTPRequest connect_timeout and request_timeout defaults (20 seconds). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private List<String> subprotocols = List.of();
  private boolean compression;
  private Duration connectTimeout = DEFAULT_TIMEOUT;
  private Duration requestTimeout = DEFAULT_TIMEOUT;
  private Duration pingInterval = Duration.ZERO;
  private Duration pingTimeout;
  private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
  private Consumer<Object> onMessage;
  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

  /**
   * Default options: no subprotocols, no compression, 20 s timeouts, no pings, 10 MiB messages.
   *
   * <p>Tornado: websocket_connect(url) with its defaults.
   */
  public WebSocketClientOptions() {}

  /**
   * A copy of other options (the headers are copied; the callback is shared).
   *
   * <p>Tornado: (none; Java copy constructor).
   *
   * @param other the options to copy
   */
  public WebSocketClientOptions(WebSocketClientOptions other) {
    this.subprotocols = other.subprotocols;
    this.compression = other.compression;
    this.connectTimeout = other.connectTimeout;
    this.requestTimeout = other.requestTimeout;
    this.pingInterval = other.pingInterval;
    this.pingTimeout = other.pingTimeout;
    this.maxMessageSize = other.maxMessageSize;
    this.onMessage = other.onMessage;
    this.headers.addAll(other.headers);
  }

  /**
   * Subprotocols to offer in {@code Sec-WebSocket-Protocol}, in order of preference; the server picks
   * one, which {@link WebSocketClientConnection#selectedSubprotocol()} reports. Empty (the default)
   * offers none.
   *
   * <p>Tornado: websocket_connect(subprotocols=...).
   *
   * @param subprotocols the offered subprotocols
   * @return these options
   */
  public WebSocketClientOptions subprotocols(List<String> subprotocols) {
    Objects.requireNonNull(subprotocols, "subprotocols");
    for (String protocol : subprotocols) {
      if (protocol == null || protocol.isBlank() || protocol.contains(",")) {
        throw new IllegalArgumentException("Invalid subprotocol: " + protocol);
      }
    }
    this.subprotocols = List.copyOf(subprotocols);
    return this;
  }

  /**
   * Tornado: websocket_connect(subprotocols=...).
   *
   * @return the offered subprotocols, possibly empty
   */
  public List<String> subprotocols() {
    return subprotocols;
  }

  /**
   * Whether to offer permessage-deflate ({@code Sec-WebSocket-Extensions: permessage-deflate;
   * client_max_window_bits}); off by default, as Tornado's {@code compression_options=None}.
   *
   * <p>Tornado: websocket_connect(compression_options={}) (on) or None (off).
   *
   * @param enabled whether to offer compression
   * @return these options
   */
  public WebSocketClientOptions compression(boolean enabled) {
    this.compression = enabled;
    return this;
  }

  /**
   * Tornado: websocket_connect(compression_options=...) is not None.
   *
   * @return whether compression is offered
   */
  public boolean compression() {
    return compression;
  }

  /**
   * How long the TCP connection may take (default 20 s); past it the connect fails with
   * {@code HttpClientError} 599 {@code Timeout while connecting}.
   *
   * <p>Tornado: websocket_connect(connect_timeout=...).
   *
   * @param timeout the connect timeout, positive
   * @return these options
   */
  public WebSocketClientOptions connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * Tornado: websocket_connect(connect_timeout=...).
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long the whole handshake may take, from the call to the 101 answer (default 20 s); past it the
   * connect fails with {@code HttpClientError} 599 {@code Timeout during request}.
   *
   * <p>Tornado: HTTPRequest.request_timeout (websocket_connect(HTTPRequest(url,
   * request_timeout=...))).
   *
   * @param timeout the handshake timeout, positive
   * @return these options
   */
  public WebSocketClientOptions requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * Tornado: HTTPRequest.request_timeout.
   *
   * @return the handshake timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sends a ping this often once connected (the first after one interval); zero (the default) sends
   * none.
   *
   * <p>Tornado: websocket_connect(ping_interval=...).
   *
   * @param interval the ping interval, zero or positive
   * @return these options
   */
  public WebSocketClientOptions pingInterval(Duration interval) {
    this.pingInterval = notNegative(interval, "pingInterval");
    return this;
  }

  /**
   * Tornado: websocket_connect(ping_interval=...).
   *
   * @return the ping interval, zero for none
   */
  public Duration pingInterval() {
    return pingInterval;
  }

  /**
   * How long to wait for the pong to each ping before closing with reason {@code ping timed out}.
   * Unset, it is the ping interval; longer than the interval, the interval is used (with a warning on
   * {@code jornado.general}); zero waits for no pong.
   *
   * <p>Tornado: websocket_connect(ping_timeout=...) (Tornado 6.5 semantics).
   *
   * @param timeout the pong timeout, zero or positive, or null for the interval
   * @return these options
   */
  public WebSocketClientOptions pingTimeout(Duration timeout) {
    this.pingTimeout = timeout == null ? null : notNegative(timeout, "pingTimeout");
    return this;
  }

  /**
   * Tornado: websocket_connect(ping_timeout=...).
   *
   * @return the pong timeout as set, or null when it follows the ping interval
   */
  public Duration pingTimeout() {
    return pingTimeout;
  }

  /**
   * The largest message accepted from the server (default 10 MiB); a bigger one closes the connection
   * with code 1009 and reason {@code message too big}.
   *
   * <p>Tornado: websocket_connect(max_message_size=...).
   *
   * @param bytes the limit, positive
   * @return these options
   */
  public WebSocketClientOptions maxMessageSize(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive, got " + bytes);
    }
    this.maxMessageSize = bytes;
    return this;
  }

  /**
   * Tornado: websocket_connect(max_message_size=...).
   *
   * @return the message size limit in bytes
   */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /**
   * A callback for each incoming message instead of {@link WebSocketClientConnection#readMessage()}:
   * called on the connection's loop with a {@code String} (text) or a {@link Buffer} (binary), and
   * once with {@code null} when the connection closes. An exception it throws is logged on
   * {@code jornado.application} and closes the connection with 1011.
   *
   * <p>Tornado: websocket_connect(on_message_callback=...).
   *
   * @param callback the callback, or null to read with readMessage
   * @return these options
   */
  public WebSocketClientOptions onMessage(Consumer<Object> callback) {
    this.onMessage = callback;
    return this;
  }

  /**
   * Tornado: websocket_connect(on_message_callback=...).
   *
   * @return the message callback, or null
   */
  public Consumer<Object> onMessage() {
    return onMessage;
  }

  /**
   * Adds a header to the handshake request.
   *
   * <p>Tornado: HTTPRequest(headers=...) passed to websocket_connect.
   *
   * @param name the header name
   * @param value its value
   * @return these options
   */
  public WebSocketClientOptions header(String name, String value) {
    headers.add(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Replaces the handshake request's extra headers with a copy of these.
   *
   * <p>Tornado: HTTPRequest(headers=...) passed to websocket_connect.
   *
   * @param headers the headers
   * @return these options
   */
  public WebSocketClientOptions headers(MultiMap headers) {
    Objects.requireNonNull(headers, "headers");
    this.headers.clear().addAll(headers);
    return this;
  }

  /**
   * The extra headers of the handshake request (live and mutable).
   *
   * <p>Tornado: HTTPRequest.headers.
   *
   * @return the headers
   */
  public MultiMap headers() {
    return headers;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  private static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }
}
