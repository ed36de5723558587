package io.jornado.samples.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client for the samples' tests, on Vert.x's client: connects on the test's loop, and
 * collects what arrives (text as {@code String}, binary as {@code Buffer}) in a queue the test thread
 * polls with a timeout.
 */
public final class TestSocket implements AutoCloseable {
  /** How long a test waits for anything from the server. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The peer's close frame. */
  public record Closed(Short code, String reason) {}

  private final WebSocket socket;
  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();

  private TestSocket(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(messages::add);
    socket.binaryMessageHandler(messages::add);
    socket.closeHandler(v -> closed.complete(new Closed(socket.closeStatusCode(), socket.closeReason())));
  }

  /**
   * A client for the loop's Vert.x instance that accepts frames and messages up to 1 MiB (Vert.x's
   * default is 64 KiB frames, and the server sends a message as one frame up to its own limit).
   *
   * @param loop the test's loop
   * @return the client; close it after the test
   */
  public static WebSocketClient newClient(IOLoop loop) {
    return loop.vertx().createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
  }

  /**
   * Connects to {@code ws://127.0.0.1:<port><uri>} from the loop's context and waits for the handshake.
   * The message handlers are set as the connection completes, on the loop, so nothing sent on open is
   * missed.
   *
   * @param loop the test's loop
   * @param client a client made from the loop's Vert.x instance
   * @param port the server's port
   * @param uri the path and query
   * @return the open socket
   */
  public static TestSocket connect(IOLoop loop, WebSocketClient client, int port, String uri) {
    CompletableFuture<TestSocket> result = new CompletableFuture<>();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    loop.context().runOnContext(v -> client.connect(options).onComplete(ar -> {
      if (ar.succeeded()) {
        result.complete(new TestSocket(ar.result()));
      } else {
        result.completeExceptionally(ar.cause());
      }
    }));
    return get(result);
  }

  /**
   * Sends a text message and waits until it is written.
   *
   * @param text the message
   */
  public void sendText(String text) {
    await(socket.writeTextMessage(text));
  }

  /**
   * Sends a binary message and waits until it is written.
   *
   * @param bytes the message
   */
  public void sendBinary(Buffer bytes) {
    await(socket.writeBinaryMessage(bytes));
  }

  /**
   * The next message, waiting up to {@link #TIMEOUT}; fails the test if none comes.
   *
   * @return a String or a Buffer
   */
  public Object next() {
    Object message = poll(TIMEOUT);
    assertNotNull(message, "no message within " + TIMEOUT);
    return message;
  }

  /**
   * The next message, which must be text.
   *
   * @return the text
   */
  public String nextText() {
    Object message = next();
    assertEquals(String.class, message.getClass(), "expected a text message, got " + message);
    return (String) message;
  }

  /**
   * The next {@code n} text messages.
   *
   * @param n how many
   * @return them, in order
   */
  public List<String> nextTexts(int n) {
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      texts.add(nextText());
    }
    return texts;
  }

  /**
   * The next message if one comes within a time.
   *
   * @param timeout how long to wait
   * @return the message, or null
   */
  public Object poll(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Checks that nothing more arrives within a short time.
   *
   * @param quiet how long to listen
   */
  public void assertNoMoreMessages(Duration quiet) {
    assertNull(poll(quiet), "unexpected message");
  }

  /**
   * Waits for the server to close the connection.
   *
   * @return its close code and reason
   */
  public Closed awaitClose() {
    return get(closed);
  }

  /** Closes the connection (harmless when already closed) without waiting. */
  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
  }

  private static void await(Future<?> future) {
    get(future.toCompletionStage().toCompletableFuture());
  }

  private static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("timed out after " + TIMEOUT, e);
    }
  }
}
