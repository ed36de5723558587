package io.jornado.websocket;

import io.jornado.httpclient.HttpClientError;
import io.jornado.ioloop.IOLoop;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The handshake of a client WebSocket: Vert.x's WebSocketClient, with Tornado's timeouts and errors. */
final class ClientConnect {
  private static final String DEFAULT_USER_AGENT = "Jornado/0.1";
  private static final String CLIENTS_KEY = "io.jornado.websocket.clients";
  /** Seconds Vert.x waits for the server to close TCP after a close frame (Tornado waits 5). */
  private static final int CLOSING_TIMEOUT_SECONDS = 5;

  private ClientConnect() {}

  static Future<WebSocketClientConnection> connect(String url, MultiMap headers, String userAgent,
      Duration connectTimeout, Duration requestTimeout, WebSocketClientOptions options) {
    WebSocketConnectOptions connect = new WebSocketConnectOptions().setAbsoluteURI(url);
    MultiMap sent = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    if (userAgent != null) {
      sent.set("User-Agent", userAgent);
    } else if (!sent.contains("User-Agent")) {
      sent.set("User-Agent", DEFAULT_USER_AGENT);
    }
    connect.setHeaders(sent);
    // Tornado sends no Origin of its own; Vert.x would.
    connect.setAllowOriginHeader(sent.contains("Origin"));
    if (!options.subprotocols().isEmpty()) {
      connect.setSubProtocols(new ArrayList<>(options.subprotocols()));
    }
    long requestMillis = millis(requestTimeout);
    connect.setConnectTimeout(Math.min(millis(connectTimeout), requestMillis));
    connect.setTimeout(requestMillis);

    IOLoop loop = IOLoop.current();
    Promise<WebSocketClientConnection> result = Promise.promise();
    if (Vertx.currentContext() == null) {
      // From outside Vert.x each call would get a context of its own; issuing the connect from the
      // loop keeps the connection's handlers on the loop, registered before any frame is delivered.
      loop.context().runOnContext(v -> start(loop, connect, requestMillis, options, result));
    } else {
      start(loop, connect, requestMillis, options, result);
    }
    return result.future();
  }

  private static void start(IOLoop loop, WebSocketConnectOptions connect, long requestMillis,
      WebSocketClientOptions options, Promise<WebSocketClientConnection> result) {
    ContextInternal context = (ContextInternal) Vertx.currentContext();
    WebSocketClient client;
    try {
      client = client(loop, options);
    } catch (RuntimeException e) {
      result.fail(e);
      return;
    }
    AtomicBoolean done = new AtomicBoolean();
    long timer = context.setTimer(requestMillis, id -> {
      if (done.compareAndSet(false, true)) {
        result.fail(new HttpClientError(599, "Timeout during request", null,
            new TimeoutException("WebSocket handshake took longer than " + requestMillis + " ms")));
      }
    });
    client.connect(connect).onComplete(ar -> {
      context.owner().cancelTimer(timer);
      if (!done.compareAndSet(false, true)) {
        if (ar.succeeded()) {
          ar.result().close();
        }
        return;
      }
      if (ar.failed()) {
        result.fail(failure(ar.cause()));
        return;
      }
      WebSocketClientConnection connection = new WebSocketClientConnection(ar.result(), context, options);
      connection.start();
      result.complete(connection);
    });
  }

  /** One Vert.x client per loop and configuration, closed with the loop's Vert.x instance. */
  private static WebSocketClient client(IOLoop loop, WebSocketClientOptions options) {
    Context home = loop.context();
    // Frames past the limit are refused by the decoder before their payload is read (close 1009);
    // control frames may always carry 125 bytes.
    int maxFrame = Math.max(options.maxMessageSize(), 125);
    String key = options.compression() + ":" + maxFrame;
    Map<String, WebSocketClient> clients = home.get(CLIENTS_KEY);
    if (clients == null) {
      synchronized (ClientConnect.class) {
        clients = home.get(CLIENTS_KEY);
        if (clients == null) {
          clients = new ConcurrentHashMap<>();
          home.put(CLIENTS_KEY, clients);
        }
      }
    }
    return clients.computeIfAbsent(key, k -> loop.vertx().createWebSocketClient(
        new io.vertx.core.http.WebSocketClientOptions()
            .setMaxFrameSize(maxFrame)
            .setTryUsePerMessageCompression(options.compression())
            .setClosingTimeout(CLOSING_TIMEOUT_SECONDS)
            .setMaxConnections(Integer.MAX_VALUE)));
  }

  /** Tornado's errors for a handshake that did not give a WebSocket. */
  static Throwable failure(Throwable cause) {
    if (cause instanceof UpgradeRejectedException) {
      int status = ((UpgradeRejectedException) cause).getStatus();
      if (status >= 200 && status < 300) {
        return new WebSocketError("Non-websocket response", cause);
      }
      return new HttpClientError(status, null, null, cause);
    }
    if (cause instanceof WebSocketHandshakeException) {
      String message = String.valueOf(cause.getMessage());
      if (message.startsWith("Connection closed")) {
        return new HttpClientError(599, "Stream closed", null, cause);
      }
      return new WebSocketError(message, cause);
    }
    if (cause instanceof ConnectTimeoutException) {
      return new HttpClientError(599, "Timeout while connecting", null, cause);
    }
    if (cause instanceof TimeoutException) {
      return new HttpClientError(599, "Timeout during request", null, cause);
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new HttpClientError(599, message, null, cause);
  }

  private static long millis(Duration duration) {
    return Math.max(1, duration.toMillis());
  }

}
