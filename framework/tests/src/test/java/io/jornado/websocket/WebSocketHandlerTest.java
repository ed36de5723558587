package io.jornado.websocket;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketHandlerTest extends AsyncHttpTestCase {
  static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();
  static volatile CompletableFuture<String> closed = new CompletableFuture<>();
  static volatile CompletableFuture<Throwable> lateWrite = new CompletableFuture<>();
  static final java.util.concurrent.BlockingQueue<String> CLOSES = new java.util.concurrent.LinkedBlockingQueue<>();
  static final int FILL_MESSAGES = 1000;
  static volatile Future<Void> lastFill;

  public static class Echo extends WebSocketHandler {
    @Override
    public void setDefaultHeaders() {
      setHeader("X-Default", "set");
    }

    @Override
    public Object getCurrentUser() {
      return getArgument("user", "nobody");
    }

    @Override
    public void prepare() {
      setHeader("X-Prepared", "yes");
    }

    @Override
    public Optional<String> selectSubprotocol(List<String> subprotocols) {
      return subprotocols.contains("goodproto") ? Optional.of("goodproto") : Optional.empty();
    }

    @Override
    public void onMessage(String message) {
      switch (message) {
        case "close":
          close(4001, "bye");
          break;
        case "boom":
          throw new IllegalStateException("boom in onMessage");
        case "whoami":
          writeMessage("user " + currentUser().orElse("?"));
          break;
        case "fill":
          String chunk = "f".repeat(64 * 1024);
          Future<Void> last = null;
          for (int i = 0; i < FILL_MESSAGES; i++) {
            last = writeMessage(chunk);
          }
          lastFill = last;
          last.onSuccess(v -> writeMessage("drained"));
          break;
        case "flood":
          Thread writer = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
              writeMessage("m" + i);
            }
          }, "non-vertx-writer");
          writer.start();
          break;
        default:
          writeMessage(message);
      }
    }

    @Override
    public void onMessage(Buffer message) {
      writeMessage(message);
    }

    @Override
    public void onClose() {
      EVENTS.add("onClose");
      String close = closeCode().orElse(-1) + " " + closeReason().orElse("");
      CLOSES.add(close);
      closed.complete(close);
      writeMessage("too late").onComplete(ar -> lateWrite.complete(ar.cause()));
    }
  }

  public static class Compressed extends WebSocketHandler {
    @Override
    public Optional<Map<String, Object>> getCompressionOptions() {
      return Optional.of(Map.of());
    }

    @Override
    public void onMessage(String message) {
      writeMessage(message);
    }
  }

  public static class SlowOpen extends WebSocketHandler {
    @Override
    public Future<?> open(String... pathArgs) {
      Promise<Void> ready = Promise.promise();
      ioLoop().callLater(java.time.Duration.ofMillis(50), () -> {
        EVENTS.add("opened " + String.join(",", pathArgs));
        ready.complete();
      });
      return ready.future();
    }

    @Override
    public void onMessage(String message) {
      EVENTS.add("message " + message);
      writeMessage("after open: " + message);
    }
  }

  @Override
  protected Application getApp() {
    EVENTS.clear();
    CLOSES.clear();
    closed = new CompletableFuture<>();
    lateWrite = new CompletableFuture<>();
    return new Application(List.of(
        url("/ws", Echo.class),
        url("/compressed", Compressed.class),
        url("/slow/(\\w+)", SlowOpen.class)),
        Map.of("websocket_max_message_size", 16));
  }

  private RawWebSocket connect(String path) throws Exception {
    return RawWebSocket.connect(getHttpPort(), path, Map.of());
  }

  private RawWebSocket connect(String path, Map<String, String> headers) throws Exception {
    return RawWebSocket.connect(getHttpPort(), path, headers);
  }

  private static void assertRefused(RawWebSocket ws, String status, String body) throws Exception {
    try (ws) {
      assertEquals(status, ws.statusLine);
      assertEquals(body, ws.body);
    }
  }

  @Test
  void handshakeRefusalsInTornadosOrderWithItsStatusesAndBodies() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "4\\d\\d GET /ws")) {
      assertRefused(connect("/ws", Map.of("Upgrade", "chat")), "HTTP/1.1 400 Bad Request",
          "Can \"Upgrade\" only to \"WebSocket\".");
      assertRefused(connect("/ws", Map.of("Connection", "keep-alive")), "HTTP/1.1 400 Bad Request",
          "\"Connection\" must be \"Upgrade\".");
      assertRefused(connect("/ws", Map.of("Origin", "http://evil.example")), "HTTP/1.1 403 Forbidden",
          "Cross origin websockets not allowed");
      assertRefused(connect("/ws", Map.of("Origin", "http://127.0.0.1:1")), "HTTP/1.1 403 Forbidden",
          "Cross origin websockets not allowed");
      assertRefused(connect("/ws", Map.of("Sec-WebSocket-Key", "")), "HTTP/1.1 400 Bad Request",
          "Missing/Invalid WebSocket headers");
      try (RawWebSocket ws = connect("/ws", Map.of("Sec-WebSocket-Version", "12"))) {
        assertEquals("HTTP/1.1 426 Upgrade Required", ws.statusLine);
        assertEquals("7, 8, 13", ws.header("Sec-WebSocket-Version"));
        assertEquals("", ws.body);
      }
    }
  }

  @Test
  void plainGetIs400AndPostIs405() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "40\\d ")) {
      var plain = fetch("/ws");
      assertEquals(400, plain.code());
      assertEquals("Can \"Upgrade\" only to \"WebSocket\".", plain.bodyAsString());
      assertEquals(405, fetch("/ws", r -> r.method("POST").body("x")).code());
    }
  }

  @Test
  void sameOriginAndNoOriginAreAccepted() throws Exception {
    try (RawWebSocket ws = connect("/ws", Map.of("Origin", "http://127.0.0.1:" + getHttpPort()))) {
      assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
    }
    try (RawWebSocket ws = connect("/ws")) {
      assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
    }
  }

  @Test
  void subprotocolSelectionAndHeadersFromPrepareOnThe101() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "101 GET /ws \\(127\\.0\\.0\\.1\\)", org.slf4j.event.Level.INFO);
         RawWebSocket ws = connect("/ws", Map.of("Sec-WebSocket-Protocol", "badproto, goodproto"))) {
      assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
      assertEquals("goodproto", ws.header("Sec-WebSocket-Protocol"));
      assertEquals("yes", ws.header("X-Prepared"));
      assertEquals("set", ws.header("X-Default"));
      assertTrue(ws.header("Server").startsWith("JornadoServer/"), ws.headers.toString());
      assertNull(ws.header("Content-Type"));
      ws.sendText("logged by now");
      assertEquals("logged by now", ws.read().text());
    }
    try (RawWebSocket ws = connect("/ws")) {
      assertNull(ws.header("Sec-WebSocket-Protocol"));
    }
  }

  @Test
  void currentUserComesFromTheUpgradeRequest() throws Exception {
    try (RawWebSocket ws = connect("/ws?user=ann")) {
      ws.sendText("whoami");
      assertEquals("user ann", ws.read().text());
    }
  }

  @Test
  void writeFuturesWaitUntilASlowPeerHasReadEnough() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.socket.setSoTimeout(20_000);
      ws.sendText("fill");
      assertEquals(64 * 1024, ws.read().payload().length);
      assertFalse(lastFill.isComplete(), "64 MiB cannot all be handed to the socket before the peer reads");
      for (int i = 1; i < FILL_MESSAGES; i++) {
        assertEquals(64 * 1024, ws.read().payload().length);
      }
      assertEquals("drained", ws.read().text());
      assertTrue(lastFill.succeeded());
    }
  }

  @Test
  void echoesTextBinaryAndNonAsciiText() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendText("hello");
      assertEquals("hello", ws.read().text());
      ws.sendText("h\u00e9llo \u4e16");
      assertEquals("h\u00e9llo \u4e16", ws.read().text());
      ws.send(RawWebSocket.BINARY, new byte[] {0, 1, 2, (byte) 255});
      RawWebSocket.Frame binary = ws.read();
      assertEquals(RawWebSocket.BINARY, binary.opcode());
      assertEquals(List.of(0, 1, 2, 255), List.of(binary.payload()[0] & 0xff, binary.payload()[1] & 0xff,
          binary.payload()[2] & 0xff, binary.payload()[3] & 0xff));
    }
  }

  @Test
  void fragmentedMessagesAreJoined() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(RawWebSocket.TEXT, false, 0, true, "frag".getBytes(StandardCharsets.UTF_8));
      ws.sendFrame(RawWebSocket.CONTINUATION, true, 0, true, "ment".getBytes(StandardCharsets.UTF_8));
      assertEquals("fragment", ws.read().text());
    }
  }

  @Test
  void serverCloseSendsCodeAndReason() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendText("close");
      RawWebSocket.Frame frame = ws.read();
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(4001, frame.closeCode());
      assertEquals("bye", frame.closeReason());
    }
  }

  @Test
  void clientCloseReachesOnCloseOnceAndLaterWritesFail() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendClose(1001, "going away");
      RawWebSocket.Frame echo = ws.read();
      assertEquals(RawWebSocket.CLOSE, echo.opcode());
      assertEquals(1001, echo.closeCode());
      assertEquals("1001 going away", closed.get(5, TimeUnit.SECONDS));
      assertTrue(lateWrite.get(5, TimeUnit.SECONDS) instanceof WebSocketClosedError);
      assertEquals(List.of("onClose"), List.copyOf(EVENTS));
    }
  }

  @Test
  void messageAtTheLimitIsAcceptedAndOneByteMoreCloses1009() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendText("x".repeat(16));
      assertEquals("x".repeat(16), ws.read().text());
      ws.sendText("x".repeat(17));
      RawWebSocket.Frame frame = ws.read();
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(1009, frame.closeCode());
      assertEquals("message too big", frame.closeReason());
    }
  }

  @Test
  void fragmentsAddingUpOverTheLimitClose1009() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(RawWebSocket.TEXT, false, 0, true, "x".repeat(10).getBytes(StandardCharsets.UTF_8));
      ws.sendFrame(RawWebSocket.CONTINUATION, true, 0, true, "x".repeat(7).getBytes(StandardCharsets.UTF_8));
      assertEquals(1009, ws.read().closeCode());
    }
  }

  @Test
  void invalidUtf8Closes1007() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.send(RawWebSocket.TEXT, new byte[] {'a', (byte) 0xff, 'b'});
      RawWebSocket.Frame frame = ws.read();
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(1007, frame.closeCode());
    }
  }

  @Test
  void unmaskedClientFrameCloses1002() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(RawWebSocket.TEXT, true, 0, false, "unmasked".getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame frame = ws.read();
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(1002, frame.closeCode());
    }
  }

  @Test
  void reservedBitsBadOpcodeAndOversizedControlFramesClose1002() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(RawWebSocket.TEXT, true, 4, true, "rsv1".getBytes(StandardCharsets.UTF_8));
      assertEquals(1002, ws.read().closeCode());
    }
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(0x3, true, 0, true, new byte[1]);
      assertEquals(1002, ws.read().closeCode());
    }
    try (RawWebSocket ws = connect("/ws")) {
      ws.send(RawWebSocket.PING, new byte[126]);
      assertEquals(1002, ws.read().closeCode());
    }
  }

  @Test
  void exceptionInOnMessageIsLoggedAndCloses1011() throws Exception {
    try (ExpectLog log = new ExpectLog("jornado.application", "Uncaught exception GET /ws \\(127\\.0\\.0\\.1\\)");
         RawWebSocket ws = connect("/ws")) {
      ws.sendText("boom");
      RawWebSocket.Frame frame = ws.read();
      assertEquals(RawWebSocket.CLOSE, frame.opcode());
      assertEquals(1011, frame.closeCode());
      assertTrue(log.loggedStack());
    }
  }

  @Test
  void writesFromANonVertxThreadArriveIntactAndInOrder() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.socket.setSoTimeout(20_000);
      ws.sendText("flood");
      for (int i = 0; i < 10_000; i++) {
        RawWebSocket.Frame frame = ws.read();
        assertEquals(RawWebSocket.TEXT, frame.opcode());
        assertEquals("m" + i, frame.text());
      }
    }
  }

  @Test
  void compressionIsNegotiatedOnlyWhenTheHandlerReturnsOptions() throws Exception {
    Map<String, String> offer = Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
    try (RawWebSocket ws = connect("/compressed", offer)) {
      assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
      String extensions = ws.header("Sec-WebSocket-Extensions");
      assertTrue(extensions != null && extensions.startsWith("permessage-deflate"), ws.headers.toString());
    }
    try (RawWebSocket ws = connect("/ws", offer)) {
      assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
      assertNull(ws.header("Sec-WebSocket-Extensions"));
      ws.sendText("plain");
      assertEquals("plain", ws.read().text());
    }
  }

  @Test
  void messagesWaitForAnAsynchronousOpen() throws Exception {
    try (RawWebSocket ws = connect("/slow/room7")) {
      ws.sendText("early");
      assertEquals("after open: early", ws.read().text());
      assertEquals(List.of("opened room7", "message early"), List.copyOf(EVENTS));
    }
  }

  @Test
  void pingFromClientGetsPong() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.send(RawWebSocket.PING, "abc".getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame pong = ws.read();
      assertEquals(RawWebSocket.PONG, pong.opcode());
      assertEquals("abc", pong.text());
    }
  }

  @Test
  void serverKeepsServingAfterProtocolErrors() throws Exception {
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendFrame(RawWebSocket.TEXT, true, 0, false, new byte[] {1});
      assertEquals(1002, ws.read().closeCode());
    }
    try (RawWebSocket ws = connect("/ws")) {
      ws.sendText("still here");
      assertEquals("still here", ws.read().text());
    }
    try (ExpectLog access = new ExpectLog("jornado.access", "400 GET /ws")) {
      assertEquals(400, fetch("/ws").code());
    }
  }
}
