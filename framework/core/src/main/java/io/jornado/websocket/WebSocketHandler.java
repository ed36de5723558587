package io.jornado.websocket;

import io.jornado.escape.Escape;
import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.jornado.pubsub.PubSub;
import io.jornado.pubsub.Subscription;
import io.jornado.util.HookQueue;
import io.jornado.util.VirtualThreads;
import io.jornado.web.RequestHandler;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A WebSocket endpoint, routed like any handler: {@code url("/chatsocket", ChatSocket.class)}.
 * Override {@link #open(String...)}, {@link #onMessage(String)}, {@link #onMessage(Buffer)} and
 * {@link #onClose()}; send with {@link #writeMessage(String)}.
 *
 * <pre>{@code
 * public class EchoSocket extends WebSocketHandler {
 *   public void onMessage(String message) { writeMessage("You said: " + message); }
 * }
 * }</pre>
 *
 * <p>The handshake is checked in Tornado's order and answered with its statuses and bodies; then the
 * request is logged with status 101 and {@code open} runs. Hooks run on the connection's event loop,
 * or for a {@link io.jornado.gen.Coroutine} class on its virtual thread, one at a time: the next
 * message is read once {@code onMessage} has returned.
 * Beyond Tornado, {@link #writeMessage(String)}, {@link #ping(Buffer)} and {@link #close(int, String)}
 * are safe from any thread: off the loop they hop onto it. Protocol errors close with RFC 6455 codes
 * (1002, 1007, 1009, 1011) where Tornado drops the connection.
 *
 * <p>Tornado: tornado.websocket.WebSocketHandler.
 */
public class WebSocketHandler extends RequestHandler {
  private static final Set<String> VERSIONS = Set.of("7", "8", "13");
  private static final int INTERNAL_ERROR = 1011;

  private ServerWebSocket socket;
  private String[] openArgs = new String[0];
  private String selectedSubprotocol;
  private MessageAssembler assembler;
  private Pinger pinger;
  private volatile boolean closed;
  private boolean closeHandled;
  private List<Promise<Void>> drainWaiters;
  private List<Subscription> subscriptions;
  /** For a {@code @Coroutine} class: runs the hooks, in order, on the connection's virtual thread. */
  private HookQueue hooks;

  /** Tornado: WebSocketHandler.__init__. */
  public WebSocketHandler() {}

  // ---- hooks ---------------------------------------------------------------------------------

  /**
   * Runs once the connection is open, with the route's path groups; may return a future, and no
   * message is delivered before it completes.
   *
   * <p>Tornado: WebSocketHandler.open.
   *
   * @param pathArgs the decoded path groups
   * @return a future to wait for, or null
   */
  public Future<?> open(String... pathArgs) {
    return null;
  }

  /**
   * A text message arrived (whole, valid UTF-8).
   *
   * <p>Tornado: WebSocketHandler.on_message (str).
   *
   * @param message the text
   */
  public void onMessage(String message) {}

  /**
   * A binary message arrived.
   *
   * <p>Tornado: WebSocketHandler.on_message (bytes).
   *
   * @param message the bytes
   */
  public void onMessage(Buffer message) {}

  /**
   * A ping arrived (the pong is sent automatically).
   *
   * <p>Tornado: WebSocketHandler.on_ping.
   *
   * @param data the ping's payload
   */
  public void onPing(Buffer data) {}

  /**
   * A pong arrived.
   *
   * <p>Tornado: WebSocketHandler.on_pong.
   *
   * @param data the pong's payload
   */
  public void onPong(Buffer data) {}

  /**
   * The connection closed; called once. {@link #closeCode()} and {@link #closeReason()} hold what the
   * peer sent, if it sent a close frame.
   *
   * <p>Tornado: WebSocketHandler.on_close.
   */
  public void onClose() {}

  /**
   * Whether to accept a connection from this Origin. The default accepts an Origin whose host and
   * port (lower-cased) equal the request's {@code Host} header exactly, as Tornado does.
   *
   * <p>Tornado: WebSocketHandler.check_origin.
   *
   * @param origin the Origin header's value
   * @return true to accept
   */
  public boolean checkOrigin(String origin) {
    return Origins.netloc(origin).equals(request().headers().get("Host"));
  }

  /**
   * Chooses a subprotocol among those the client offered (called once, with an empty list when none
   * were offered). The choice must be one of them.
   *
   * <p>Tornado: WebSocketHandler.select_subprotocol.
   *
   * @param subprotocols what the client offered, in its order
   * @return the choice, or empty for none
   */
  public Optional<String> selectSubprotocol(List<String> subprotocols) {
    return Optional.empty();
  }

  /**
   * permessage-deflate for this connection: empty (the default) refuses it; a map (possibly empty)
   * accepts it. The server-wide Vert.x compression level applies.
   *
   * <p>Tornado: WebSocketHandler.get_compression_options.
   *
   * @return compression options, or empty for none
   */
  public Optional<Map<String, Object>> getCompressionOptions() {
    return Optional.empty();
  }

  // ---- handshake -----------------------------------------------------------------------------

  /**
   * Answers the upgrade request: checks it in Tornado's order, then switches protocols.
   *
   * <p>Tornado: WebSocketHandler.get.
   *
   * @param pathArgs the path groups, passed on to {@link #open(String...)}
   * @return completes when the handshake is done
   */
  public final Future<?> get(String... pathArgs) {
    if (VirtualThreads.inVirtualThreadContext()) {
      hooks = new HookQueue(Vertx.currentContext());
    }
    openArgs = pathArgs;
    MultiMap headers = request().headers();
    if (!"websocket".equalsIgnoreCase(headers.get("Upgrade"))) {
      return refuse(400, "Can \"Upgrade\" only to \"WebSocket\".");
    }
    if (!Origins.hasToken(headers.get("Connection"), "upgrade")) {
      return refuse(400, "\"Connection\" must be \"Upgrade\".");
    }
    String origin = headers.contains("Origin") ? headers.get("Origin") : headers.get("Sec-Websocket-Origin");
    if (origin != null && !checkOrigin(origin)) {
      return refuse(403, "Cross origin websockets not allowed");
    }
    if (!VERSIONS.contains(headers.get("Sec-WebSocket-Version"))) {
      setStatus(426, "Upgrade Required");
      setHeader("Sec-WebSocket-Version", "7, 8, 13");
      return null;
    }
    if (isBlank(headers.get("Host")) || isBlank(headers.get("Sec-WebSocket-Key"))) {
      return refuse(400, "Missing/Invalid WebSocket headers");
    }
    List<String> offered = Origins.tokens(headers.get("Sec-WebSocket-Protocol"));
    Optional<String> selected = selectSubprotocol(offered);
    if (selected.isPresent()) {
      if (!offered.contains(selected.get())) {
        throw new IllegalStateException("selectSubprotocol chose " + selected.get()
            + ", which the client did not offer: " + offered);
      }
      selectedSubprotocol = selected.get();
      setHeader("Sec-WebSocket-Protocol", selectedSubprotocol);
    }
    boolean compress = getCompressionOptions().isPresent();
    clearHeader("Content-Type");
    prepareTakeOverHeaders();
    Promise<Void> upgraded = Promise.promise();
    onLoop(() -> upgrade(compress, upgraded));
    return upgraded.future();
  }

  private void upgrade(boolean compress, Promise<Void> upgraded) {
    if (!compress) {
      VertxInternals.refuseCompression(request().vertxRequest());
    }
    request().vertxRequest().toWebSocket().onComplete(ar -> {
      if (ar.succeeded()) {
        if (!compress) {
          VertxInternals.refuseReservedBits(request().vertxRequest(), maxMessageSize());
        }
        accept(ar.result());
      } else {
        Log.GENERAL.debug("WebSocket handshake failed for {}", requestSummary(), ar.cause());
        detach();
      }
      upgraded.complete();
    });
  }

  private Future<?> refuse(int status, String message) {
    setStatus(status);
    finish(message);
    Log.GENERAL.debug(message);
    return null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private void accept(ServerWebSocket ws) {
    socket = ws;
    finishTakenOver(101);
    assembler = new MessageAssembler(maxMessageSize());
    ws.pause();
    ws.frameHandler(this::onFrame);
    ws.exceptionHandler(this::onSocketError);
    ws.closeHandler(v -> onConnectionClosed());
    ws.drainHandler(v -> releaseDrainWaiters(null));
    startPinging();
    hook(() -> {
      Future<?> opened = open(openArgs);
      if (opened == null) {
        onLoop(ws::resume);
      } else {
        opened.onComplete(ar -> onLoop(() -> {
          if (ar.failed()) {
            failWith(ar.cause());
          } else if (!closed) {
            ws.resume();
          }
        }));
      }
    });
  }

  /**
   * Runs a hook where this handler's hooks run: here on the loop, or queued for the virtual thread of
   * a {@code @Coroutine} class; what it throws is logged and closes the connection with 1011.
   */
  private void hook(Runnable action) {
    if (hooks == null) {
      try {
        action.run();
      } catch (Throwable t) {
        failWith(t);
      }
    } else {
      hooks.execute(() -> {
        try {
          action.run();
        } catch (Throwable t) {
          failWith(t);
        }
      });
    }
  }

  private void startPinging() {
    pinger = Pinger.start(ioLoop(), settings().websocketPingInterval().orElse(null),
        settings().websocketPingTimeout().orElse(null),
        new Pinger.Target() {
          @Override
          public void sendPing() {
            if (!closed) {
              socket.writePing(Buffer.buffer());
            }
          }

          @Override
          public void pingTimedOut() {
            close(1000, "ping timed out");
          }
        });
  }

  /**
   * The largest message accepted, from the {@code websocket_max_message_size} setting (10 MiB by
   * default); a bigger one closes the connection with 1009 {@code message too big}.
   *
   * <p>Tornado: WebSocketHandler.max_message_size.
   *
   * @return the limit in bytes
   */
  public long maxMessageSize() {
    return settings().websocketMaxMessageSize();
  }

  // ---- incoming ------------------------------------------------------------------------------

  private void onFrame(WebSocketFrame frame) {
    if (closed) {
      return;
    }
    try {
      switch (frame.type()) {
        case PING:
          hook(() -> onPing(frame.binaryData()));
          return;
        case PONG:
          if (pinger != null) {
            pinger.pongReceived();
          }
          hook(() -> onPong(frame.binaryData()));
          return;
        case CLOSE:
          return;
        default:
          deliver(assembler.accept(frame));
      }
    } catch (Throwable t) {
      failWith(t);
    }
  }

  private void deliver(MessageAssembler.Result result) {
    if (result.isFailure()) {
      close(result.closeCode(), result.closeReason());
    } else if (result.isMessage()) {
      Object message = result.message();
      if (hooks != null) {
        socket.pause(); // Tornado reads the next message once on_message's coroutine is done
      }
      hook(() -> {
        try {
          if (message instanceof String) {
            onMessage((String) message);
          } else {
            onMessage((Buffer) message);
          }
        } finally {
          if (hooks != null) {
            onLoop(socket::resume); // also once closed: the peer's close frame is still to be read
          }
        }
      });
    }
  }

  private void failWith(Throwable error) {
    logException(error);
    close(INTERNAL_ERROR, "Internal error");
  }

  private void onSocketError(Throwable error) {
    int code = VertxInternals.protocolErrorCode(error);
    if (code != 0) {
      close(code, VertxInternals.protocolErrorReason(error));
    } else {
      Log.GENERAL.debug("WebSocket error on {}", requestSummary(), error);
    }
  }

  private void onConnectionClosed() {
    closed = true;
    if (closeHandled) {
      return;
    }
    closeHandled = true;
    if (pinger != null) {
      pinger.stop();
    }
    releaseDrainWaiters(new WebSocketClosedError());
    if (subscriptions != null) {
      subscriptions.forEach(Subscription::close);
      subscriptions = null;
    }
    hook(() -> {
      try {
        onClose();
      } catch (Throwable t) {
        logException(t);
      }
    });
  }

  // ---- outgoing ------------------------------------------------------------------------------

  /**
   * Sends a text message. Safe from any thread. The future completes when the frame is handed to the
   * connection or, when Vert.x's write queue is full, once it has drained (backpressure); it fails
   * with {@link WebSocketClosedError} once the connection is closed.
   *
   * <p>Tornado: WebSocketHandler.write_message(str).
   *
   * @param message the text
   * @return completes when written
   */
  public Future<Void> writeMessage(String message) {
    return write(() -> socket.writeTextMessage(message));
  }

  /**
   * Sends a binary message.
   *
   * <p>Tornado: WebSocketHandler.write_message(bytes, binary=True).
   *
   * @param message the bytes
   * @return completes when written
   */
  public Future<Void> writeMessage(Buffer message) {
    return write(() -> socket.writeBinaryMessage(message));
  }

  /**
   * Sends a map as JSON text, as Tornado sends a dict.
   *
   * <p>Tornado: WebSocketHandler.write_message(dict).
   *
   * @param message the map
   * @return completes when written
   */
  public Future<Void> writeMessage(Map<?, ?> message) {
    return writeMessage(Escape.jsonEncode(message));
  }

  /**
   * Sends a JSON object as text.
   *
   * <p>Tornado: WebSocketHandler.write_message(dict).
   *
   * @param message the object
   * @return completes when written
   */
  public Future<Void> writeMessage(JsonObject message) {
    return writeMessage(Escape.jsonEncode(message));
  }

  private Future<Void> write(Supplier<Future<Void>> send) {
    if (!ioLoop().inLoop()) {
      Promise<Void> result = Promise.promise();
      ioLoop().context().runOnContext(v -> write(send).onComplete(result));
      return result.future();
    }
    if (socket == null || closed || socket.isClosed()) {
      return Future.failedFuture(new WebSocketClosedError());
    }
    Future<Void> written = send.get().recover(e -> Future.failedFuture(new WebSocketClosedError()));
    if (!socket.writeQueueFull()) {
      return written;
    }
    Promise<Void> drained = Promise.promise();
    if (drainWaiters == null) {
      drainWaiters = new ArrayList<>();
    }
    drainWaiters.add(drained);
    return written.compose(v -> drained.future());
  }

  private void releaseDrainWaiters(Throwable failure) {
    List<Promise<Void>> waiters = drainWaiters;
    drainWaiters = null;
    if (waiters != null) {
      for (Promise<Void> waiter : waiters) {
        if (failure == null) {
          waiter.tryComplete();
        } else {
          waiter.tryFail(failure);
        }
      }
    }
  }

  /**
   * Sends an empty ping.
   *
   * <p>Tornado: WebSocketHandler.ping().
   */
  public void ping() {
    ping(Buffer.buffer());
  }

  /**
   * Sends a ping with a payload of at most 125 bytes. Safe from any thread.
   *
   * <p>Tornado: WebSocketHandler.ping(data).
   *
   * @param data the payload
   * @throws IllegalArgumentException when the payload is over 125 bytes
   * @throws WebSocketClosedError when the connection is closed
   */
  public void ping(Buffer data) {
    if (data.length() > 125) {
      throw new IllegalArgumentException("ping data must be 125 bytes or less, got " + data.length());
    }
    if (socket == null || closed) {
      throw new WebSocketClosedError();
    }
    onLoop(() -> {
      if (!closed) {
        socket.writePing(data);
      }
    });
  }

  /**
   * Closes with code 1000.
   *
   * <p>Tornado: WebSocketHandler.close().
   */
  public void close() {
    close(1000, null);
  }

  /**
   * Closes with a code.
   *
   * <p>Tornado: WebSocketHandler.close(code).
   *
   * @param code the close code
   */
  public void close(int code) {
    close(code, null);
  }

  /**
   * Closes with a code and reason; harmless when already closed. Safe from any thread.
   *
   * <p>Tornado: WebSocketHandler.close(code, reason).
   *
   * @param code the close code
   * @param reason the reason, or null
   */
  public void close(int code, String reason) {
    onLoop(() -> {
      if (socket != null && !closed) {
        closed = true;
        socket.close((short) code, reason);
      }
    });
  }

  /**
   * Tornado: WebSocketHandler.close_code.
   *
   * @return the code of the peer's close frame, if any
   */
  public OptionalInt closeCode() {
    Short code = socket == null ? null : socket.closeStatusCode();
    return code == null || code == 1005 ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /**
   * Tornado: WebSocketHandler.close_reason.
   *
   * @return the reason of the peer's close frame, if any
   */
  public Optional<String> closeReason() {
    String reason = socket == null ? null : socket.closeReason();
    return reason == null || reason.isEmpty() ? Optional.empty() : Optional.of(reason);
  }

  /**
   * Tornado: WebSocketHandler.selected_subprotocol.
   *
   * @return the subprotocol chosen, if any
   */
  public Optional<String> selectedSubprotocol() {
    return Optional.ofNullable(selectedSubprotocol);
  }

  /**
   * Tornado: WebSocketHandler.ws_connection is None.
   *
   * @return whether the connection is closed
   */
  public boolean isClosed() {
    return socket == null || closed;
  }

  /**
   * Sets TCP_NODELAY on the connection (Vert.x servers set it by default).
   *
   * <p>Tornado: WebSocketHandler.set_nodelay.
   *
   * @param value whether to disable Nagle's algorithm
   */
  public void setNodelay(boolean value) {
    VertxInternals.setNoDelay(request().vertxRequest(), value);
  }

  /**
   * Subscribes this connection to a topic until it closes.
   *
   * <p>Tornado: (none; Jornado's pub/sub across event loops and nodes).
   *
   * @param topic the topic
   * @param callback receives each message (String or Buffer) on this connection's loop, or for a
   *     {@code @Coroutine} class on its virtual thread, in order with the other hooks
   * @return the subscription, which also ends when the connection closes
   */
  public Subscription subscribe(String topic, Consumer<Object> callback) {
    Consumer<Object> receiver = hooks == null ? callback : message -> hook(() -> callback.accept(message));
    Subscription subscription = PubSub.of(ioLoop().vertx()).subscribe(ioLoop(), topic, receiver);
    if (closed) {
      subscription.close();
      return subscription;
    }
    if (subscriptions == null) {
      subscriptions = new ArrayList<>();
    }
    subscriptions.add(subscription);
    return subscription;
  }

  private void onLoop(Runnable action) {
    IOLoop loop = ioLoop();
    if (loop.inLoop()) {
      action.run();
    } else {
      loop.context().runOnContext(v -> action.run());
    }
  }
}
