package io.jornado.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jornado.httpserver.HttpServer;
import io.jornado.httpclient.AsyncHttpClient;
import io.jornado.httpclient.HttpResponse;
import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Jornado server and the raw Vert.x baseline answer the four benchmark endpoints identically:
 * same bodies and content types on {@code /} and {@code /json}, echo of text and binary on {@code /ws},
 * and a {@code /chat} message reaching every client, the sender included. Both run in-process on
 * 127.0.0.1, any free port, two event loops each.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServersParityTest {
  private static IOLoop jornadoLoop;
  private static HttpServer jornado;
  private static Vertx rawVertx;
  private static RawVertxServer raw;
  private static Vertx clientVertx;
  private static IOLoop clientLoop;
  private static AsyncHttpClient http;
  private static WebSocketClient ws;

  @BeforeAll
  static void start() throws Exception {
    jornadoLoop = IOLoop.create();
    jornado = jornadoLoop.runSync(() -> JornadoServer.listen(0, "127.0.0.1", 2));
    rawVertx = Vertx.vertx();
    raw = await(RawVertxServer.start(rawVertx, 0, "127.0.0.1", 2));
    clientVertx = Vertx.vertx();
    clientLoop = IOLoop.create(clientVertx);
    http = new AsyncHttpClient(clientLoop);
    ws = clientVertx.createWebSocketClient();
  }

  @AfterAll
  static void stop() throws Exception {
    if (clientVertx != null) {
      await(clientVertx.close());
    }
    if (jornado != null) {
      jornadoLoop.runSync(jornado::stop);
    }
    if (jornadoLoop != null) {
      await(jornadoLoop.close());
    }
    if (rawVertx != null) {
      await(rawVertx.close());
    }
  }

  @Test
  void helloIsTheSame() throws Exception {
    Map<String, String> expected = Map.of("body", "Hello, world", "type", "text/plain");
    assertEquals(expected, get(jornado.port(), "/"));
    assertEquals(expected, get(raw.port(), "/"));
  }

  @Test
  void coroutineHelloIsTheSameOnJava21() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, running " + Runtime.version());
    assertEquals(Map.of("body", "Hello, world", "type", "text/plain"), get(jornado.port(), "/coro"));
  }

  @Test
  void jsonIsTheSame() throws Exception {
    Map<String, String> expected = Map.of("body", "{\"message\": \"Hello, World!\"}",
        "type", "application/json; charset=UTF-8");
    assertEquals(expected, get(jornado.port(), "/json"));
    assertEquals(expected, get(raw.port(), "/json"));
  }

  @Test
  void echoIsTheSame() throws Exception {
    for (int port : new int[] {jornado.port(), raw.port()}) {
      WebSocket socket = await(ws.connect(port, "127.0.0.1", "/ws"));
      BlockingQueue<Object> got = collect(socket);
      socket.writeTextMessage("héllo");
      assertEquals("héllo", poll(got));
      socket.writeBinaryMessage(Buffer.buffer(new byte[] {0, 1, (byte) 0xff}));
      assertEquals(Buffer.buffer(new byte[] {0, 1, (byte) 0xff}), poll(got));
      await(socket.close());
    }
  }

  @Test
  void chatReachesEveryClientIncludingTheSender() throws Exception {
    for (int port : new int[] {jornado.port(), raw.port()}) {
      WebSocket a = await(ws.connect(port, "127.0.0.1", "/chat"));
      WebSocket b = await(ws.connect(port, "127.0.0.1", "/chat"));
      BlockingQueue<Object> toA = collect(a);
      BlockingQueue<Object> toB = collect(b);
      // Each client hears its own message first: then its server-side subscription is in place.
      a.writeTextMessage("a-ready");
      awaitMessage(toA, "a-ready");
      b.writeTextMessage("b-ready");
      awaitMessage(toB, "b-ready");
      a.writeTextMessage("t:1:0");
      awaitMessage(toA, "t:1:0");
      awaitMessage(toB, "t:1:0");
      await(a.close());
      await(b.close());
    }
  }

  /** Jornado's client: it issues requests from its loop, as a pooled Vert.x client needs from a test thread. */
  private static Map<String, String> get(int port, String path) throws Exception {
    HttpResponse response = await(http.fetch("http://127.0.0.1:" + port + path));
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("body", response.bodyAsString());
    seen.put("type", response.headers().get("Content-Type"));
    return seen;
  }

  private static BlockingQueue<Object> collect(WebSocket socket) {
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    socket.textMessageHandler(queue::add);
    socket.binaryMessageHandler(queue::add);
    return queue;
  }

  private static Object poll(BlockingQueue<Object> queue) throws InterruptedException {
    return queue.poll(5, TimeUnit.SECONDS);
  }

  private static void awaitMessage(BlockingQueue<Object> queue, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      Object message = queue.poll(100, TimeUnit.MILLISECONDS);
      if (expected.equals(message)) {
        return;
      }
    }
    throw new AssertionError("no '" + expected + "' within 5 s");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
