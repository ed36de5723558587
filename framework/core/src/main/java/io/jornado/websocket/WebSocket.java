package io.jornado.websocket;

import io.jornado.httpclient.HttpRequest;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * Opens client WebSocket connections on the current {@link io.jornado.ioloop.IOLoop}.
 *
 * <pre>{@code
 * WebSocket.connect("ws://127.0.0.1:8888/echo").compose(conn ->
 *     conn.writeMessage("hello").compose(v -> conn.readMessage()));   // Optional.of("hello")
 * }</pre>
 *
 * <p>The returned future fails with {@link io.jornado.httpclient.HttpClientError} carrying the status
 * when the server answers anything but 101 (redirects are not followed), with
 * {@code HttpClientError} 599 when there is no answer (connection refused, timeouts), and with
 * {@link WebSocketError} when a 2xx answer is not an upgrade or the handshake is invalid.
 *
 * <p>Tornado: tornado.websocket.websocket_connect.
 */
public final class WebSocket {
  private WebSocket() {}

  /**
   * Connects to a {@code ws://} or {@code wss://} URL with default options.
   *
   * <p>Tornado: tornado.websocket.websocket_connect(url).
   *
   * @param url the URL
   * @return the open connection
   * @throws IllegalArgumentException if the URL is not a ws or wss URL
   */
  public static Future<WebSocketClientConnection> connect(String url) {
    return connect(url, new WebSocketClientOptions());
  }

  /**
   * Connects to a {@code ws://} or {@code wss://} URL.
   *
   * <p>Tornado: tornado.websocket.websocket_connect(url, connect_timeout=..., on_message_callback=...,
   * compression_options=..., ping_interval=..., ping_timeout=..., max_message_size=...,
   * subprotocols=...).
   *
   * @param url the URL
   * @param options how to connect
   * @return the open connection
   * @throws IllegalArgumentException if the URL is not a ws or wss URL
   */
  public static Future<WebSocketClientConnection> connect(String url, WebSocketClientOptions options) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(options, "options");
    return ClientConnect.connect(url, options.headers(), null, options.connectTimeout(),
        options.requestTimeout(), new WebSocketClientOptions(options));
  }

  /**
   * Connects with a request: its URL ({@code ws://} or {@code wss://}), headers, User-Agent,
   * {@code connectTimeout} and {@code requestTimeout} are used (the options' headers are sent too, the
   * request's winning on a clash, and the options' timeouts are ignored); its method, body and
   * redirect settings are not.
   *
   * <p>Tornado: tornado.websocket.websocket_connect(HTTPRequest(url, headers=..., ...), ...).
   *
   * @param request the handshake request
   * @param options how to connect
   * @return the open connection
   * @throws IllegalArgumentException if the URL is not a ws or wss URL
   */
  public static Future<WebSocketClientConnection> connect(HttpRequest request, WebSocketClientOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(options.headers());
    for (String name : request.headers().names()) {
      headers.remove(name);
    }
    headers.addAll(request.headers());
    return ClientConnect.connect(request.url(), headers, request.userAgent(), request.connectTimeout(),
        request.requestTimeout(), new WebSocketClientOptions(options));
  }
}
