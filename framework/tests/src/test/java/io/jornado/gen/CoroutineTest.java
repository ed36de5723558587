package io.jornado.gen;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.jornado.websocket.WebSocket;
import io.jornado.websocket.WebSocketClientConnection;
import io.jornado.websocket.WebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Handlers on virtual threads: {@link Coroutine}, {@link Gen#await} and {@link Gen#coroutine} (Java 21+). */
class CoroutineTest extends AsyncHttpTestCase {
  static final int CONCURRENT = 200;
  static volatile CountDownLatch entered = new CountDownLatch(CONCURRENT);

  static Future<Long> timer(long millis) {
    Promise<Long> fired = Promise.promise();
    Vertx.currentContext().owner().setTimer(millis, fired::complete);
    return fired.future();
  }

  /** Vert.x names its virtual threads so (Thread.isVirtual is Java 21 API; the build targets 17). */
  static boolean onVirtualThread() {
    return Thread.currentThread().getName().startsWith("vert.x-virtual-thread");
  }

  @Coroutine
  public static class Slow extends RequestHandler {
    public void get() throws InterruptedException {
      entered.countDown();
      Gen.await(timer(200));
      Thread.sleep(50); // blocking is allowed on the virtual thread
      write("slow " + onVirtualThread());
    }
  }

  public static class Plain extends RequestHandler {
    public void get() {
      write("plain");
    }
  }

  @Coroutine
  public static class Buffered extends RequestHandler {
    @Override
    public void prepare() {
      Gen.await(timer(5));
      setHeader("X-Prepared", onVirtualThread() ? "virtual" : "loop");
    }

    public void get() {
      Gen.await(timer(5));
      setStatus(201);
      setHeader("X-Answer", "42");
      write(onVirtualThread() ? "on a virtual thread" : "elsewhere");
    }
  }

  @Coroutine
  public static class Boom extends RequestHandler {
    public void get() {
      Gen.await(timer(5));
      throw new IllegalStateException("after await");
    }

    public void post() throws IOException {
      Gen.await(Future.failedFuture(new IOException("checked")));
    }
  }

  @Coroutine
  public static class Echo extends WebSocketHandler {
    @Override
    public void onMessage(String message) {
      // Earlier messages wait longer: echoes still come back in order.
      if (message.equals("boom")) {
        Gen.await(timer(1));
        throw new IllegalStateException("boom after await");
      }
      int n = Integer.parseInt(message);
      Gen.await(timer(Math.max(1, 40 - 2L * n)));
      Gen.await(writeMessage(message + (onVirtualThread() ? " virtual" : " loop")));
    }

    @Override
    public void onClose() {
      Gen.await(timer(1));
      socketClosed.complete(onVirtualThread() ? "virtual thread" : "elsewhere");
    }
  }

  @Coroutine
  public static class Abandoned extends RequestHandler {
    private final Promise<Void> gone = Promise.promise();

    public void get() {
      waiting.complete(null);
      Gen.await(gone.future());
      events.add("verb resumed");
      resumed.complete(null);
    }

    @Override
    public void onConnectionClose() {
      events.add("connection closed, " + (onVirtualThread() ? "virtual thread" : "elsewhere"));
      gone.complete();
    }
  }

  static volatile CompletableFuture<String> socketClosed = new CompletableFuture<>();
  static volatile CompletableFuture<Void> waiting = new CompletableFuture<>();
  static volatile CompletableFuture<Void> resumed = new CompletableFuture<>();
  static final Queue<String> events = new ConcurrentLinkedQueue<>();

  @Override
  protected Application getApp() {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, running " + Runtime.version());
    return new Application(List.of(
        url("/slow", Slow.class),
        url("/plain", Plain.class),
        url("/buffered", Buffered.class),
        url("/boom", Boom.class),
        url("/echo", Echo.class),
        url("/abandoned", Abandoned.class)));
  }

  @Test
  void concurrentRequestsAwaitWithoutHoldingTheLoop() throws Exception {
    entered = new CountDownLatch(CONCURRENT);
    HttpClient client = ioLoop().vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(CONCURRENT));
    try {
      long start = System.nanoTime();
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        answers.add(client.request(HttpMethod.GET, getHttpPort(), "127.0.0.1", "/slow")
            .compose(request -> request.send())
            .compose(response -> response.body().map(body -> response.statusCode() + " " + body)));
      }
      assertTrue(entered.await(20, TimeUnit.SECONDS), "all requests reach the verb method while others await");
      long plainStart = System.nanoTime();
      assertEquals("plain", fetch("/plain").bodyAsString());
      long plainMillis = (System.nanoTime() - plainStart) / 1_000_000;
      for (Future<String> answer : answers) {
        assertEquals("200 slow true", await(answer));
      }
      long totalMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("CoroutineTest: " + CONCURRENT + " coroutine requests in " + totalMillis
          + " ms; plain request during the load " + plainMillis + " ms");
      assertTrue(totalMillis < 10_000, "took " + totalMillis + " ms, as if requests waited for each other");
      assertTrue(plainMillis < 1_000, "plain handler took " + plainMillis + " ms under load");
    } finally {
      await(client.close());
    }
  }

  @Test
  void prepareAndVerbRunOnTheVirtualThread() {
    HttpResponse response = fetch("/buffered");
    assertEquals(201, response.code());
    assertEquals("virtual", response.headers().get("X-Prepared"));
    assertEquals("42", response.headers().get("X-Answer"));
    assertEquals("on a virtual thread", response.bodyAsString());
    assertEquals("19", response.headers().get("Content-Length"));
  }

  @Test
  void exceptionAfterAwaitIs500AndLogged() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /boom \\(127\\.0\\.0\\.1\\)");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /boom")) {
      HttpResponse response = fetch("/boom");
      assertEquals(500, response.code());
      assertEquals("<html><title>500: Internal Server Error</title><body>500: Internal Server Error</body></html>",
          response.bodyAsString());
    }
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception POST /boom");
         ExpectLog access = new ExpectLog("jornado.access", "500 POST /boom")) {
      assertEquals(500, fetch("/boom", r -> r.method("POST").body("")).code());
    }
  }

  @Test
  void webSocketMessagesAwaitedInOnMessageEchoInOrder() throws Exception {
    socketClosed = new CompletableFuture<>();
    WebSocketClientConnection ws = await(WebSocket.connect("ws://127.0.0.1:" + getHttpPort() + "/echo"));
    try {
      for (int i = 0; i < 20; i++) {
        ws.writeMessage(Integer.toString(i));
      }
      for (int i = 0; i < 20; i++) {
        assertEquals(Optional.of(i + " virtual"), await(ws.readMessage()));
      }
    } finally {
      await(ws.close());
    }
    assertEquals("virtual thread", socketClosed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void exceptionInOnMessageAfterAwaitIsLoggedAndCloses1011() throws Exception {
    socketClosed = new CompletableFuture<>();
    WebSocketClientConnection ws = await(WebSocket.connect("ws://127.0.0.1:" + getHttpPort() + "/echo"));
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /echo \\(127\\.0\\.0\\.1\\)")) {
      ws.writeMessage("boom");
      assertEquals(Optional.empty(), await(ws.readMessage()));
      assertEquals(1011, ws.closeCode().getAsInt());
    }
    // onClose (which awaits a timer) has run to its end before the test's loop is closed.
    assertEquals("virtual thread", socketClosed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void onConnectionCloseRunsWhileTheVerbIsParked() throws Exception {
    waiting = new CompletableFuture<>();
    resumed = new CompletableFuture<>();
    events.clear();
    HttpClient client = ioLoop().vertx().createHttpClient();
    try {
      HttpClientRequest request = await(client.request(HttpMethod.GET, getHttpPort(), "127.0.0.1", "/abandoned"));
      request.end();
      waiting.get(5, TimeUnit.SECONDS);
      await(request.connection().close());
      resumed.get(5, TimeUnit.SECONDS);
      assertEquals(List.of("connection closed, virtual thread", "verb resumed"), List.copyOf(events));
    } finally {
      await(client.close());
    }
  }

  @Test
  void coroutineReturnsItsResultOrFailure() {
    Future<String> result = Gen.coroutine(() -> {
      Gen.await(timer(5));
      return "done on " + (onVirtualThread() ? "a virtual thread" : "another thread");
    });
    assertEquals("done on a virtual thread", await(result));
    IOException failure = new IOException("no");
    Future<String> failed = Gen.coroutine(() -> {
      Gen.await(timer(5));
      throw failure;
    });
    assertSame(failure, assertThrows(IOException.class, () -> Gen.await(failed)));
  }

  @Test
  void coroutineStartedOnTheLoopCompletesThere() {
    String thread = ioLoop().runSync(() -> Gen.coroutine(() -> Gen.await(timer(5)))
        .map(v -> Thread.currentThread().getName()));
    assertTrue(thread.startsWith("vert.x-eventloop-thread"), thread);
  }
}
