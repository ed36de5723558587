package io.jornado.websocket;

import io.jornado.ioloop.IOLoop;
import io.jornado.escape.Escape;
import io.jornado.log.Log;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * An open client WebSocket, from {@link WebSocket#connect(String)}. Read with {@link #readMessage()}
 * (or give {@link WebSocketClientOptions#onMessage(Consumer)} a callback), write with
 * {@code writeMessage}, end with {@link #close()}.
 *
 * <p>Every method is safe from any thread: off the connection's event loop it hops onto it. Message
 * callbacks and the futures' completions run on that loop. At most one message waits unread: while it
 * does, the socket is not read further, so a slow reader slows the server down instead of filling
 * memory.
 *
 * <p>Tornado: tornado.websocket.WebSocketClientConnection.
 */
public final class WebSocketClientConnection {
  private static final int MAX_CONTROL_PAYLOAD = 125;

  private final io.vertx.core.http.WebSocket ws;
  private final ContextInternal context;
  private final Consumer<Object> onMessage;
  private final int maxMessageSize;
  private final WebSocketClientOptions options;
  private final String subprotocol;
  private final MultiMap headers;

  // Loop-confined state.
  private final ArrayDeque<Object> messages = new ArrayDeque<>(2);
  private final ArrayDeque<Promise<Optional<Object>>> readers = new ArrayDeque<>(2);
  private boolean paused;
  private boolean draining;
  private boolean transportClosed;
  private boolean ended;
  private boolean discarding;
  private WebSocketFrameType fragmentType;
  private Buffer fragments;
  private Pinger pinger;

  // Read from any thread.
  private volatile boolean closeRequested;
  private volatile int closeCode = -1;
  private volatile String closeReason;

  WebSocketClientConnection(io.vertx.core.http.WebSocket ws, ContextInternal context, WebSocketClientOptions options) {
    this.ws = ws;
    this.context = context;
    this.onMessage = options.onMessage();
    this.maxMessageSize = options.maxMessageSize();
    this.options = options;
    this.subprotocol = ws.subProtocol();
    this.headers = ws.headers();
  }

  /** Registers the handlers; on the connection's context, before Vert.x delivers any frame. */
  void start() {
    try {
      ws.frameHandler(this::onFrame);
      ws.closeHandler(v -> onTransportClosed());
      ws.exceptionHandler(this::onException);
      ws.pongHandler(data -> {
        if (pinger != null) {
          pinger.pongReceived();
        }
      });
    } catch (IllegalStateException alreadyClosed) {
      // Vert.x refuses handlers once it has processed a close frame, which happens when the server
      // closes in the same packet as its 101: what came before the close frame cannot be read.
      Short code = ws.closeStatusCode();
      if (code != null && code != 1006 && code != 1005) {
        closeCode = code & 0xFFFF;
        closeReason = ws.closeReason();
      }
      transportClosed = true;
      context.runOnContext(v -> end());
      return;
    }
    pinger = Pinger.start(IOLoop.of(context), options.pingInterval(), options.pingTimeout(), new Pinger.Target() {
      @Override
      public void sendPing() {
        if (!isClosing()) {
          ws.writePing(Buffer.buffer());
        }
      }

      @Override
      public void pingTimedOut() {
        if (!isClosing()) {
          closeOnLoop(1000, "ping timed out");
        }
      }
    });
  }

  // ---------------------------------------------------------------- writing

  /**
   * Sends a text message. The future completes when the frame is handed to the socket, and fails with
   * {@link WebSocketClosedError} once the connection is closed or closing.
   *
   * <p>Tornado: WebSocketClientConnection.write_message(str).
   *
   * @param message the text
   * @return completes when written
   */
  public Future<Void> writeMessage(String message) {
    Objects.requireNonNull(message, "message");
    return write(WebSocketFrame.textFrame(message, true));
  }

  /**
   * Sends a binary message.
   *
   * <p>Tornado: WebSocketClientConnection.write_message(bytes, binary=True).
   *
   * @param message the bytes
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   */
  public Future<Void> writeMessage(Buffer message) {
    Objects.requireNonNull(message, "message");
    return write(WebSocketFrame.binaryFrame(message, true));
  }

  /**
   * Sends a binary message.
   *
   * <p>Tornado: WebSocketClientConnection.write_message(bytes).
   *
   * @param message the bytes (not copied; do not change them until the future completes)
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   */
  public Future<Void> writeMessage(byte[] message) {
    Objects.requireNonNull(message, "message");
    return writeMessage(Buffer.buffer(message));
  }

  /**
   * Sends a map as a JSON text message, encoded as {@link Escape#jsonEncode(Object)} does.
   *
   * <p>Tornado: WebSocketClientConnection.write_message(dict).
   *
   * @param message the map
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   */
  public Future<Void> writeMessage(Map<?, ?> message) {
    Objects.requireNonNull(message, "message");
    return writeMessage(Escape.jsonEncode(message));
  }

  /**
   * Sends a JSON object as a text message, encoded as {@link Escape#jsonEncode(Object)} does.
   *
   * <p>Tornado: WebSocketClientConnection.write_message(dict).
   *
   * @param message the object
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   */
  public Future<Void> writeMessage(JsonObject message) {
    Objects.requireNonNull(message, "message");
    return writeMessage(Escape.jsonEncode(message));
  }

  private Future<Void> write(WebSocketFrame frame) {
    if (closeRequested) {
      return Future.failedFuture(new WebSocketClosedError());
    }
    if (context.inThread()) {
      return writeOnLoop(frame);
    }
    Promise<Void> result = Promise.promise();
    context.runOnContext(v -> writeOnLoop(frame).onComplete(result));
    return result.future();
  }

  private Future<Void> writeOnLoop(WebSocketFrame frame) {
    if (isClosing()) {
      return Future.failedFuture(new WebSocketClosedError());
    }
    return ws.writeFrame(frame).recover(WebSocketClientConnection::closedError);
  }

  private boolean isClosing() {
    return closeRequested || ended || transportClosed || ws.isClosed();
  }

  private static <T> Future<T> closedError(Throwable cause) {
    WebSocketClosedError error = new WebSocketClosedError();
    error.initCause(cause);
    return Future.failedFuture(error);
  }

  /**
   * Sends a ping with no data.
   *
   * <p>Tornado: WebSocketClientConnection.ping().
   *
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   */
  public Future<Void> ping() {
    return ping(Buffer.buffer());
  }

  /**
   * Sends a ping; the server answers with a pong carrying the same data.
   *
   * <p>Tornado: WebSocketClientConnection.ping(data).
   *
   * @param data at most 125 bytes
   * @return completes when written; fails with {@link WebSocketClosedError} once closed
   * @throws IllegalArgumentException if data is longer than 125 bytes
   */
  public Future<Void> ping(Buffer data) {
    Objects.requireNonNull(data, "data");
    if (data.length() > MAX_CONTROL_PAYLOAD) {
      throw new IllegalArgumentException("Ping data must be at most 125 bytes, got " + data.length());
    }
    return write(WebSocketFrame.pingFrame(data));
  }

  // ---------------------------------------------------------------- reading

  /**
   * The next message: a {@code String} for text, a {@link Buffer} for binary, or empty once the
   * connection is closed (and every later call is empty too). With an
   * {@link WebSocketClientOptions#onMessage(Consumer) onMessage} callback, messages go to the callback
   * and this only reports the close.
   *
   * <p>Tornado: WebSocketClientConnection.read_message() (None there is empty here).
   *
   * @return the next message, or empty when closed
   */
  public Future<Optional<Object>> readMessage() {
    if (context.inThread()) {
      return readOnLoop();
    }
    Promise<Optional<Object>> result = Promise.promise();
    context.runOnContext(v -> readOnLoop().onComplete(result));
    return result.future();
  }

  private Future<Optional<Object>> readOnLoop() {
    Object message = messages.poll();
    if (message != null) {
      if (messages.isEmpty() && paused) {
        paused = false;
        ws.resume();
      }
      return Future.succeededFuture(Optional.of(message));
    }
    if (ended) {
      return Future.succeededFuture(Optional.empty());
    }
    Promise<Optional<Object>> reader = Promise.promise();
    readers.add(reader);
    return reader.future();
  }

  private void onFrame(WebSocketFrame frame) {
    if (ended) {
      return;
    }
    switch (frame.type()) {
      case TEXT:
      case BINARY:
      case CONTINUATION:
        onDataFrame(frame);
        break;
      case CLOSE:
        Buffer payload = frame.binaryData();
        if (payload.length() >= 2) {
          closeCode = payload.getUnsignedShort(0);
          closeReason = payload.length() > 2
              ? payload.getString(2, payload.length(), StandardCharsets.UTF_8.name())
              : null;
        }
        end();
        break;
      default:
        // Vert.x answers pings itself, and reports pongs to the pong handler.
        break;
    }
  }

  private void onDataFrame(WebSocketFrame frame) {
    if (discarding) {
      return;
    }
    Buffer data = frame.binaryData();
    boolean first = frame.type() != WebSocketFrameType.CONTINUATION;
    if (first == (fragmentType != null)) {
      // A continuation with nothing to continue, or a new message inside a fragmented one (the
      // decoder refuses both; kept as a guard).
      failConnection(1002, null);
      return;
    }
    long size = (first ? 0 : fragments.length()) + (long) data.length();
    if (size > maxMessageSize) {
      failConnection(1009, "message too big");
      return;
    }
    if (!frame.isFinal()) {
      if (first) {
        fragmentType = frame.type();
        fragments = Buffer.buffer((int) Math.min(size * 2, maxMessageSize)).appendBuffer(data);
      } else {
        fragments.appendBuffer(data);
      }
      return;
    }
    WebSocketFrameType type = first ? frame.type() : fragmentType;
    Buffer whole = first ? data : fragments.appendBuffer(data);
    fragmentType = null;
    fragments = null;
    if (type == WebSocketFrameType.TEXT) {
      String text = io.jornado.util.Utf8Text.decode(whole.getBytes()).orElse(null);
      if (text == null) {
        failConnection(1007, "invalid UTF-8");
        return;
      }
      deliver(text);
    } else {
      deliver(whole);
    }
  }

  private void deliver(Object message) {
    if (onMessage != null) {
      runCallback(message);
      return;
    }
    Promise<Optional<Object>> reader = readers.poll();
    if (reader != null) {
      reader.complete(Optional.of(message));
      return;
    }
    messages.add(message);
    if (!paused && !draining) {
      // Tornado's read queue holds one message: stop reading the socket until it is taken.
      paused = true;
      ws.pause();
    }
  }

  private void runCallback(Object message) {
    try {
      onMessage.accept(message);
    } catch (Throwable t) {
      Log.APPLICATION.error("Uncaught exception {}", t.getMessage() != null ? t.getMessage() : t.toString(), t);
      if (message != null) {
        failConnection(1011, null);
      }
    }
  }

  private void failConnection(int code, String reason) {
    discarding = true;
    fragmentType = null;
    fragments = null;
    cancelPing();
    if (!ws.isClosed() && !transportClosed) {
      ws.close((short) code, reason);
    }
  }

  private void onException(Throwable error) {
    if (error instanceof CorruptedWebSocketFrameException && !ended) {
      int code = ((CorruptedWebSocketFrameException) error).closeStatus().code();
      // Vert.x closes the connection right after this handler returns; closing first sends our code.
      failConnection(code, code == 1009 ? "message too big" : null);
    }
    // Other errors end in the close handler.
  }

  private void onTransportClosed() {
    transportClosed = true;
    cancelPing();
    if (ended) {
      return;
    }
    // Let frames that were held back by flow control through, then report the end after them.
    draining = true;
    if (paused) {
      paused = false;
      ws.resume();
    }
    context.runOnContext(v -> end());
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    cancelPing();
    fragmentType = null;
    fragments = null;
    if (onMessage != null) {
      runCallback(null);
    }
    Promise<Optional<Object>> reader;
    while ((reader = readers.poll()) != null) {
      reader.complete(Optional.empty());
    }
  }

  // ---------------------------------------------------------------- pings

  private void cancelPing() {
    if (pinger != null) {
      pinger.stop();
    }
  }

  // ---------------------------------------------------------------- closing

  /**
   * Closes with code 1000. The future completes when the connection is closed: after the server's
   * answering close frame, or at most 5 seconds after ours.
   *
   * <p>Tornado: WebSocketClientConnection.close().
   *
   * @return completes when closed
   */
  public Future<Void> close() {
    return close(1000, null);
  }

  /**
   * Closes with a status code.
   *
   * <p>Tornado: WebSocketClientConnection.close(code).
   *
   * @param code the close code, such as 1000 or an application code from 4000 to 4999
   * @return completes when closed
   */
  public Future<Void> close(int code) {
    return close(code, null);
  }

  /**
   * Closes with a status code and a reason.
   *
   * <p>Tornado: WebSocketClientConnection.close(code, reason).
   *
   * @param code the close code, such as 1000 or an application code from 4000 to 4999
   * @param reason the reason, at most 123 bytes of UTF-8, or null
   * @return completes when closed
   * @throws IllegalArgumentException if the code is not 0 to 65535 or the reason is too long
   */
  public Future<Void> close(int code, String reason) {
    if (code < 0 || code > 0xFFFF) {
      throw new IllegalArgumentException("Close code must be 0 to 65535, got " + code);
    }
    if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > MAX_CONTROL_PAYLOAD - 2) {
      throw new IllegalArgumentException("Close reason must be at most 123 bytes of UTF-8, got "
          + reason.getBytes(StandardCharsets.UTF_8).length);
    }
    closeRequested = true;
    if (context.inThread()) {
      return closeOnLoop(code, reason);
    }
    Promise<Void> result = Promise.promise();
    context.runOnContext(v -> closeOnLoop(code, reason).onComplete(result));
    return result.future();
  }

  private Future<Void> closeOnLoop(int code, String reason) {
    closeRequested = true;
    cancelPing();
    if (transportClosed) {
      return Future.succeededFuture();
    }
    return ws.close((short) code, reason).otherwiseEmpty();
  }

  // ---------------------------------------------------------------- state

  /**
   * The subprotocol the server selected from those offered.
   *
   * <p>Tornado: WebSocketClientConnection.selected_subprotocol.
   *
   * @return the subprotocol, or empty if none
   */
  public Optional<String> selectedSubprotocol() {
    return Optional.ofNullable(subprotocol);
  }

  /**
   * The code of the server's close frame, once it has been read.
   *
   * <p>Tornado: WebSocketClientConnection.close_code.
   *
   * @return the code, or empty (not closed, or closed without a code)
   */
  public OptionalInt closeCode() {
    int code = closeCode;
    return code < 0 ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /**
   * The reason in the server's close frame, once it has been read.
   *
   * <p>Tornado: WebSocketClientConnection.close_reason.
   *
   * @return the reason, or empty
   */
  public Optional<String> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  /**
   * The headers of the server's 101 answer.
   *
   * <p>Tornado: WebSocketClientConnection.headers.
   *
   * @return the response headers
   */
  public MultiMap headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "WebSocketClientConnection(" + ws.remoteAddress() + (ended ? ", closed" : "") + ")";
  }
}
