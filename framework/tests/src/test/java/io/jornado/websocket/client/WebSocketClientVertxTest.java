package io.jornado.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpClientError;
import io.jornado.httpclient.HttpRequest;
import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.util.TimeoutError;
import io.jornado.websocket.WebSocket;
import io.jornado.websocket.WebSocketClientConnection;
import io.jornado.websocket.WebSocketClientOptions;
import io.jornado.websocket.WebSocketClosedError;
import io.jornado.websocket.WebSocketError;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket client against a plain Vert.x 5 server started by each test, over real sockets on
 * 127.0.0.1. Tornado: tornado/test/websocket_test.py (the client half).
 */
class WebSocketClientVertxTest extends AsyncTestCase {
  private static final long WAIT_SECONDS = 5;
  private static final int FLOOD_MESSAGES = 128;
  private static final int FLOOD_SIZE = 256 * 1024;

  private HttpServer server;
  private int port;
  /** The headers of every request the server got, in order. */
  private final BlockingQueue<MultiMap> requests = new LinkedBlockingQueue<>();
  /** Frames (type and text) the server's WebSockets received. */
  private final BlockingQueue<String> serverFrames = new LinkedBlockingQueue<>();
  /** Close code and reason seen by the server, one entry per closed WebSocket. */
  private final BlockingQueue<String> serverCloses = new LinkedBlockingQueue<>();
  /** Completes with the last write of /flood. */
  private final CompletableFuture<Future<Void>> floodLastWrite = new CompletableFuture<>();

  @Override
  protected void setUpResources() throws Exception {
    super.setUpResources();
    HttpServerOptions options = new HttpServerOptions()
        .setHost("127.0.0.1")
        .setPort(0)
        .setWebSocketSubProtocols(List.of("v2", "v1"))
        .setPerMessageWebSocketCompressionSupported(true)
        .setMaxWebSocketFrameSize(1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    server = await(ioLoop().vertx().createHttpServer(options).requestHandler(this::handle).listen());
    port = server.actualPort();
  }

  @Override
  protected void tearDownResources() throws Exception {
    if (server != null) {
      await(server.close());
    }
    super.tearDownResources();
  }

  private String url(String path) {
    return "ws://127.0.0.1:" + port + path;
  }

  private void handle(HttpServerRequest request) {
    requests.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
    String path = request.path();
    if (path.startsWith("/status/")) {
      int status = Integer.parseInt(path.substring("/status/".length()));
      request.response().setStatusCode(status).putHeader("Location", "/echo").end("no websocket here");
      return;
    }
    request.toWebSocket().onSuccess(ws -> {
      ws.closeHandler(v -> serverCloses.add(ws.closeStatusCode() + " " + ws.closeReason()));
      switch (path) {
        case "/echo":
          echo(ws);
          break;
        case "/big":
          ws.writeFinalBinaryFrame(Buffer.buffer(new byte[Integer.parseInt(request.getParam("n"))]));
          break;
        case "/fragments":
          ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[600]), false));
          ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[600]), true));
          break;
        case "/badutf8":
          ws.writeFrame(WebSocketFrame.textFrame("caf", false));
          ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3, (byte) 0x28}), true));
          break;
        case "/flood":
          Future<Void> last = null;
          for (int i = 0; i < FLOOD_MESSAGES; i++) {
            byte[] payload = new byte[FLOOD_SIZE];
            payload[0] = (byte) i;
            last = ws.writeBinaryMessage(Buffer.buffer(payload));
          }
          floodLastWrite.complete(last);
          break;
        case "/last-then-close":
          ws.writeTextMessage("one");
          ws.writeTextMessage("two");
          ws.close((short) 4002, "after two");
          break;
        default:
          ws.close((short) 1011, "unknown path");
      }
    });
  }

  private void echo(ServerWebSocket ws) {
    ws.frameHandler(frame -> {
      if (frame.type() == WebSocketFrameType.PING) {
        serverFrames.add("ping " + frame.binaryData().toString(StandardCharsets.UTF_8));
      }
    });
    ws.textMessageHandler(text -> {
      serverFrames.add("text " + text);
      if (text.equals("close")) {
        ws.close((short) 4000, "bye");
      } else {
        ws.writeTextMessage(text);
      }
    });
    ws.binaryMessageHandler(data -> {
      serverFrames.add("binary " + data.length());
      ws.writeBinaryMessage(data);
    });
  }

  private WebSocketClientConnection connect(String path) {
    return await(WebSocket.connect(url(path)));
  }

  private WebSocketClientConnection connect(String path, WebSocketClientOptions options) {
    return await(WebSocket.connect(url(path), options));
  }

  private <T> Throwable failure(Future<T> future) {
    return await(future.transform(ar -> {
      assertTrue(ar.failed(), () -> "expected a failure, got " + ar.result());
      return Future.succeededFuture(ar.cause());
    }));
  }

  private static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertTrue(value != null, "timed out waiting for the server");
    return value;
  }

  /**
   * Vert.x logs this WARN whenever a WebSocket handshake fails (it closes the connection before
   * failing the future, so the record is there when the failure arrives).
   */
  static ExpectLog expectEvicted() {
    return new ExpectLog("io.vertx.core.http.impl.HttpClientConnectionInternal", "Connection evicted");
  }

  private Object readMessage(WebSocketClientConnection conn) {
    return await(conn.readMessage()).orElseThrow(() -> new AssertionError("connection closed"));
  }

  // ---------------------------------------------------------------- messages

  @Test
  void echoesTextBinaryAndNonAsciiText() {
    WebSocketClientConnection conn = connect("/echo");
    await(conn.writeMessage("hello"));
    assertEquals("hello", readMessage(conn));

    String nonAscii = "caf\u00e9 \u2603 \ud834\udd1e \u65e5\u672c";
    await(conn.writeMessage(nonAscii));
    assertEquals(nonAscii, readMessage(conn));

    byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0xC3};
    await(conn.writeMessage(Buffer.buffer(bytes)));
    Object binary = readMessage(conn);
    assertInstanceOf(Buffer.class, binary);
    assertEquals(Buffer.buffer(bytes), binary);

    await(conn.writeMessage(new byte[] {7, 8}));
    assertEquals(Buffer.buffer(new byte[] {7, 8}), readMessage(conn));
    await(conn.close());
  }

  @Test
  void writesMapsAndJsonObjectsAsTornadoJsonText() throws Exception {
    WebSocketClientConnection conn = connect("/echo");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", "\u00e9</script>");
    await(conn.writeMessage(map));
    assertEquals("{\"a\": 1, \"b\": \"\\u00e9<\\/script>\"}", readMessage(conn));
    await(conn.writeMessage(new JsonObject().put("x", List.of(1, 2))));
    assertEquals("{\"x\": [1, 2]}", readMessage(conn));
    assertEquals("text {\"a\": 1, \"b\": \"\\u00e9<\\/script>\"}", take(serverFrames));
    await(conn.close());
  }

  @Test
  void largeMessagesUpToTheLimitArrive() {
    WebSocketClientConnection conn = connect("/big?n=1000", new WebSocketClientOptions().maxMessageSize(1000));
    assertEquals(1000, ((Buffer) readMessage(conn)).length());
    await(conn.close());

    // Two frames of 600 bytes make one message of 1200.
    WebSocketClientConnection fragmented = connect("/fragments", new WebSocketClientOptions().maxMessageSize(1200));
    assertEquals(1200, ((Buffer) readMessage(fragmented)).length());
    await(fragmented.close());
  }

  @Test
  void messagesFromOffTheLoopAndOnItArriveInOrder() throws Exception {
    WebSocketClientConnection conn = connect("/echo");
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            conn.writeMessage(thread + ":" + i).toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    assertEquals(List.of(), errors);
    int[] next = new int[4];
    for (int i = 0; i < 200; i++) {
      String[] parts = ((String) readMessage(conn)).split(":");
      int thread = Integer.parseInt(parts[0]);
      assertEquals(next[thread]++, Integer.parseInt(parts[1]), "messages of one thread stay in order");
    }
    await(conn.close());
  }

  @Test
  void connectAndReadFromTheLoopItself() {
    String echoed = ioLoop().runSync(() -> WebSocket.connect(url("/echo")).compose(conn ->
        conn.writeMessage("on the loop")
            .compose(v -> conn.readMessage())
            .compose(message -> conn.close().map(v -> (String) message.orElseThrow()))),
        Duration.ofSeconds(WAIT_SECONDS));
    assertEquals("on the loop", echoed);
  }

  @Test
  void onMessageCallbackGetsMessagesThenNull() throws Exception {
    BlockingQueue<Optional<Object>> received = new LinkedBlockingQueue<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Consumer<Object> callback = message -> {
      threads.add(Thread.currentThread().getName());
      received.add(Optional.ofNullable(message));
    };
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().onMessage(callback));
    await(conn.writeMessage("a"));
    await(conn.writeMessage(Buffer.buffer("b")));
    await(conn.writeMessage("close"));
    assertEquals(Optional.of("a"), take(received));
    assertEquals(Optional.of(Buffer.buffer("b")), take(received));
    assertEquals(Optional.empty(), take(received), "null once closed");
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4000), conn.closeCode());
    assertTrue(threads.stream().allMatch(name -> name.startsWith("vert.x-eventloop")), threads::toString);
    assertTrue(received.isEmpty());
  }

  @Test
  void exceptionInOnMessageIsLoggedAndCloses1011() throws Exception {
    WebSocketClientOptions options = new WebSocketClientOptions().onMessage(message -> {
      if (message != null) {
        throw new IllegalStateException("callback failed");
      }
    });
    try (ExpectLog expected = new ExpectLog("jornado.application", "Uncaught exception callback failed")) {
      WebSocketClientConnection conn = connect("/echo", options);
      await(conn.writeMessage("boom"));
      assertEquals("1011 null", take(serverCloses));
      assertEquals(Optional.empty(), await(conn.readMessage()));
    }
  }

  // ---------------------------------------------------------------- flow control

  @Test
  void anUnreadMessageStopsReadingSoTheServerIsHeldBack() throws Exception {
    WebSocketClientConnection conn = connect("/flood");
    Future<Void> lastWrite = floodLastWrite.get(WAIT_SECONDS, TimeUnit.SECONDS);
    // 32 MiB cannot all sit in socket buffers: without flow control the client would read it all.
    assertThrows(TimeoutError.class, () -> await(lastWrite, Duration.ofMillis(500)),
        "the server's last write completed although the client read nothing");
    for (int i = 0; i < FLOOD_MESSAGES; i++) {
      Buffer message = (Buffer) readMessage(conn);
      assertEquals(FLOOD_SIZE, message.length());
      assertEquals((byte) i, message.getByte(0));
    }
    await(lastWrite);
    await(conn.close());
  }

  // ---------------------------------------------------------------- subprotocols, headers, compression

  @Test
  void selectedSubprotocolIsTheServersChoice() throws Exception {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().subprotocols(List.of("v1", "v2")));
    assertEquals(Optional.of("v1"), conn.selectedSubprotocol());
    assertEquals("v1,v2", take(requests).get("Sec-WebSocket-Protocol"));
    assertEquals("v1", conn.headers().get("Sec-WebSocket-Protocol"));
    await(conn.close());

    WebSocketClientConnection none = connect("/echo");
    assertEquals(Optional.empty(), none.selectedSubprotocol());
    assertFalse(take(requests).contains("Sec-WebSocket-Protocol"));
    await(none.close());
  }

  @Test
  void subprotocolsTheServerDoesNotSupportFailTheHandshake() {
    // Vert.x (Netty) refuses a 101 without Sec-WebSocket-Protocol when some were offered; Tornado
    // would connect with selected_subprotocol None.
    Throwable error;
    try (ExpectLog evicted = expectEvicted()) {
      error = failure(WebSocket.connect(url("/echo"), new WebSocketClientOptions().subprotocols(List.of("v3"))));
    }
    assertInstanceOf(WebSocketError.class, error);
    assertTrue(error.getMessage().contains("subprotocol"), error.getMessage());
  }

  @Test
  void headersAreSentAndTheResponseHeadersKept() throws Exception {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().header("X-Test", "yes"));
    MultiMap sent = take(requests);
    assertEquals("yes", sent.get("X-Test"));
    assertEquals("Jornado/0.1", sent.get("User-Agent"));
    assertFalse(sent.contains("Origin"), "Tornado's client sends no Origin");
    assertFalse(sent.contains("Sec-WebSocket-Extensions"), "compression is off by default");
    assertEquals("websocket", conn.headers().get("Upgrade").toLowerCase());
    assertTrue(conn.headers().contains("Sec-WebSocket-Accept"));
    await(conn.close());
  }

  @Test
  void anHttpRequestGivesHeadersUserAgentAndTimeouts() throws Exception {
    HttpRequest request = new HttpRequest(url("/echo"))
        .header("Origin", "http://127.0.0.1:" + port)
        .header("X-Test", "request")
        .userAgent("agent/1")
        .connectTimeout(Duration.ofSeconds(3));
    WebSocketClientConnection conn = await(WebSocket.connect(request,
        new WebSocketClientOptions().header("X-Test", "options").header("X-Other", "options")));
    MultiMap sent = take(requests);
    assertEquals(List.of("request"), sent.getAll("X-Test"));
    assertEquals("options", sent.get("X-Other"));
    assertEquals("agent/1", sent.get("User-Agent"));
    assertEquals("http://127.0.0.1:" + port, sent.get("Origin"));
    await(conn.writeMessage("via request"));
    assertEquals("via request", readMessage(conn));
    await(conn.close());
  }

  @Test
  void compressionIsOfferedOnlyWhenEnabledAndWorks() throws Exception {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().compression(true));
    String offered = take(requests).get("Sec-WebSocket-Extensions");
    assertTrue(offered != null && offered.startsWith("permessage-deflate"), String.valueOf(offered));
    assertTrue(conn.headers().get("Sec-WebSocket-Extensions").startsWith("permessage-deflate"));
    String text = "compress me ".repeat(1000);
    await(conn.writeMessage(text));
    assertEquals(text, readMessage(conn));
    await(conn.close());

    WebSocketClientConnection plain = connect("/echo", new WebSocketClientOptions().compression(false));
    assertNull(take(requests).get("Sec-WebSocket-Extensions"));
    assertNull(plain.headers().get("Sec-WebSocket-Extensions"));
    await(plain.close());
  }

  // ---------------------------------------------------------------- closing

  @Test
  void serverCloseGivesCodeReasonThenEmptyReadsAndClosedWrites() throws Exception {
    WebSocketClientConnection conn = connect("/echo");
    assertEquals(OptionalInt.empty(), conn.closeCode());
    await(conn.writeMessage("close"));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(Optional.empty(), await(conn.readMessage()), "every read after the close is empty");
    assertEquals(OptionalInt.of(4000), conn.closeCode());
    assertEquals(Optional.of("bye"), conn.closeReason());
    assertInstanceOf(WebSocketClosedError.class, failure(conn.writeMessage("too late")));
    assertInstanceOf(WebSocketClosedError.class, failure(conn.writeMessage(Buffer.buffer("too late"))));
    assertInstanceOf(WebSocketClosedError.class, failure(conn.ping()));
    assertEquals("4000 bye", take(serverCloses));
    await(conn.close());
  }

  @Test
  void messagesBeforeTheServersCloseAreReadFirst() {
    WebSocketClientConnection conn = connect("/last-then-close");
    assertEquals(Optional.of("one"), await(conn.readMessage()));
    assertEquals(Optional.of("two"), await(conn.readMessage()));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4002), conn.closeCode());
    assertEquals(Optional.of("after two"), conn.closeReason());
  }

  @Test
  void clientCloseSendsCodeAndReason() throws Exception {
    WebSocketClientConnection conn = connect("/echo");
    Future<Optional<Object>> pending = conn.readMessage();
    await(conn.close(4001, "done"));
    assertEquals("4001 done", take(serverCloses));
    assertEquals(Optional.empty(), await(pending), "a waiting read ends with the close");
    assertEquals(OptionalInt.of(4001), conn.closeCode(), "the server echoes the code");
    assertInstanceOf(WebSocketClosedError.class, failure(conn.writeMessage("after close")));
    await(conn.close());

    WebSocketClientConnection plain = connect("/echo");
    await(plain.close());
    assertEquals("1000 null", take(serverCloses));
    assertThrows(IllegalArgumentException.class, () -> plain.close(1000, "x".repeat(124)));
  }

  // ---------------------------------------------------------------- limits and protocol errors

  @Test
  void aSingleFrameOverMaxMessageSizeCloses1009() throws Exception {
    WebSocketClientConnection conn = connect("/big?n=1001", new WebSocketClientOptions().maxMessageSize(1000));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals("1009 message too big", take(serverCloses));
  }

  @Test
  void fragmentsOverMaxMessageSizeClose1009() throws Exception {
    WebSocketClientConnection conn = connect("/fragments", new WebSocketClientOptions().maxMessageSize(1000));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals("1009 message too big", take(serverCloses));
  }

  @Test
  void invalidUtf8TextCloses1007() throws Exception {
    WebSocketClientConnection conn = connect("/badutf8");
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals("1007 invalid UTF-8", take(serverCloses));
  }

  // ---------------------------------------------------------------- pings

  @Test
  void pingsReachTheServerAndAreCheckedForSize() throws Exception {
    WebSocketClientConnection conn = connect("/echo");
    await(conn.ping(Buffer.buffer("hi")));
    assertEquals("ping hi", take(serverFrames));
    await(conn.ping());
    assertEquals("ping ", take(serverFrames));
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
        () -> conn.ping(Buffer.buffer(new byte[126])));
    assertTrue(tooBig.getMessage().contains("126"), tooBig.getMessage());
    await(conn.close());
  }

  @Test
  void pingIntervalSendsPingsThatAnsweringServersSurvive() throws Exception {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().pingInterval(Duration.ofMillis(50)));
    for (int i = 0; i < 4; i++) {
      assertEquals("ping ", take(serverFrames));
    }
    await(conn.writeMessage("still open"));
    assertEquals("still open", readMessage(conn));
    await(conn.close());
  }

  @Test
  void aPingTimeoutLongerThanTheIntervalIsCappedWithAWarning() throws Exception {
    WebSocketClientOptions options = new WebSocketClientOptions()
        .pingInterval(Duration.ofMillis(60)).pingTimeout(Duration.ofSeconds(7));
    try (ExpectLog expected = new ExpectLog("jornado.general",
        "The websocket_ping_timeout \\(7.0\\) cannot be longer than the websocket_ping_interval \\(0.06\\)")) {
      WebSocketClientConnection conn = connect("/echo", options);
      assertEquals("ping ", take(serverFrames));
      await(conn.close());
    }
  }

  // ---------------------------------------------------------------- failed handshakes

  @Test
  void nonUpgradeAnswersFailWithTheirStatus() {
    for (int status : new int[] {404, 403, 500, 302}) {
      Throwable error;
      try (ExpectLog evicted = expectEvicted()) {
        error = failure(WebSocket.connect(url("/status/" + status)));
      }
      assertInstanceOf(HttpClientError.class, error, "status " + status);
      assertEquals(status, ((HttpClientError) error).code());
      if (status == 404) {
        assertEquals("HTTP 404: Not Found", error.getMessage());
      }
    }
    Throwable ok;
    try (ExpectLog evicted = expectEvicted()) {
      ok = failure(WebSocket.connect(url("/status/200")));
    }
    assertInstanceOf(WebSocketError.class, ok);
    assertEquals("Non-websocket response", ok.getMessage());
  }

  @Test
  void connectionRefusedIs599() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    Throwable error = failure(WebSocket.connect("ws://127.0.0.1:" + closedPort + "/"));
    assertInstanceOf(HttpClientError.class, error);
    assertEquals(599, ((HttpClientError) error).code());
  }

  @Test
  void aServerThatNeverAnswersTimesOutWith599() throws Exception {
    List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread acceptor = new Thread(() -> {
        try {
          accepted.add(silent.accept());
        } catch (Exception ignored) {
          // closed by the test
        }
      });
      acceptor.start();
      try (ExpectLog evicted = expectEvicted()) {
        Throwable error = failure(WebSocket.connect("ws://127.0.0.1:" + silent.getLocalPort() + "/",
            new WebSocketClientOptions().requestTimeout(Duration.ofMillis(200))));
        assertInstanceOf(HttpClientError.class, error);
        assertEquals(599, ((HttpClientError) error).code());
        assertEquals("HTTP 599: Timeout during request", error.getMessage());
        // Vert.x's own handshake timer then drops the connection.
        acceptor.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        Socket socket = accepted.get(0);
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        java.io.InputStream in = socket.getInputStream();
        while (in.read() != -1) {
          // the handshake request, then end of stream
        }
      }
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void urlsMustBeWebSocketUrls() {
    assertThrows(IllegalArgumentException.class, () -> WebSocket.connect("http://127.0.0.1:" + port + "/echo"));
  }
}
