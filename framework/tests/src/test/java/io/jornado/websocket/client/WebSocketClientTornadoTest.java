package io.jornado.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpClientError;
import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.websocket.WebSocket;
import io.jornado.websocket.WebSocketClientConnection;
import io.jornado.websocket.WebSocketClientOptions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jornado's WebSocket client against a real Tornado server (Debian's python3-tornado, run with
 * {@code /usr/bin/python3}; {@code interop/tornado_ws_server.py}). Skipped, with the reason, when
 * that Python cannot import tornado.
 */
class WebSocketClientTornadoTest extends AsyncTestCase {
  private static final String PYTHON = "/usr/bin/python3";
  private static final long WAIT_SECONDS = 10;

  private static Process tornado;
  private static int port;

  @BeforeAll
  static void startTornado() throws Exception {
    Assumptions.assumeTrue(tornadoAvailable(),
        PYTHON + " cannot import tornado (install Debian's python3-tornado); skipping the Tornado interop tests");
    Path script = Path.of(WebSocketClientTornadoTest.class.getResource("/interop/tornado_ws_server.py").toURI());
    tornado = new ProcessBuilder(PYTHON, script.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader stdout = new BufferedReader(new InputStreamReader(tornado.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> firstLine = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        firstLine.complete(stdout.readLine());
      } catch (Exception e) {
        firstLine.completeExceptionally(e);
      }
    }, "tornado-port-reader");
    reader.setDaemon(true);
    reader.start();
    String line = firstLine.get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("the Tornado server exited without printing its port (exit code "
          + tornado.waitFor() + ")");
    }
    port = Integer.parseInt(line.trim());
  }

  @AfterAll
  static void stopTornado() throws Exception {
    Process process = tornado;
    tornado = null;
    if (process == null) {
      return;
    }
    process.getOutputStream().close();   // the script exits when its stdin closes
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static boolean tornadoAvailable() {
    try {
      Process check = new ProcessBuilder(PYTHON, "-c", "import tornado")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!check.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        check.destroyForcibly();
        return false;
      }
      return check.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private String url(String path) {
    return "ws://127.0.0.1:" + port + path;
  }

  private WebSocketClientConnection connect(String path, WebSocketClientOptions options) {
    return await(WebSocket.connect(url(path), options));
  }

  private Object read(WebSocketClientConnection conn) {
    return await(conn.readMessage()).orElseThrow(() -> new AssertionError("connection closed"));
  }

  @Test
  void echoesTextBinaryAndNonAsciiText() {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions());
    await(conn.writeMessage("hello tornado"));
    assertEquals("hello tornado", read(conn));
    String nonAscii = "caf\u00e9 \u2603 \ud834\udd1e";
    await(conn.writeMessage(nonAscii));
    assertEquals(nonAscii, read(conn));
    await(conn.writeMessage(Buffer.buffer(new byte[] {0, (byte) 0xFF, 42})));
    assertEquals(Buffer.buffer(new byte[] {0, (byte) 0xFF, 42}), read(conn));
    await(conn.close());
  }

  @Test
  void tornadoSelectsTheOfferedSubprotocol() {
    WebSocketClientConnection conn = connect("/echo",
        new WebSocketClientOptions().subprotocols(List.of("other", "jornado")));
    assertEquals(Optional.of("jornado"), conn.selectedSubprotocol());
    await(conn.close());

    WebSocketClientConnection none = connect("/echo", new WebSocketClientOptions());
    assertEquals(Optional.empty(), none.selectedSubprotocol());
    await(none.close());
  }

  @Test
  void tornadosCloseCodeAndReasonReachTheClient() {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions());
    await(conn.writeMessage("close"));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4000), conn.closeCode());
    assertEquals(Optional.of("bye"), conn.closeReason());
    assertEquals(Optional.empty(), await(conn.readMessage()));
  }

  @Test
  void aMessageSentInOpenThenACloseAreBothSeen() {
    WebSocketClientConnection conn = connect("/greet", new WebSocketClientOptions());
    assertEquals(Optional.of("hello"), await(conn.readMessage()));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4001), conn.closeCode());
    assertEquals(Optional.of("greeted"), conn.closeReason());
  }

  @Test
  void tornadoEchoesTheClientsCloseCodeButNotItsReason() {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions());
    await(conn.close(4003, "client done"));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4003), conn.closeCode());
    assertEquals(Optional.empty(), conn.closeReason());
  }

  @Test
  void headersReachTornadoWithoutAnOrigin() {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions().header("X-Test", "interop"));
    await(conn.writeMessage("headers"));
    JsonObject seen = new JsonObject((String) read(conn));
    assertEquals("interop", seen.getString("x-test"));
    assertEquals("Jornado/0.1", seen.getString("user-agent"));
    assertNull(seen.getValue("origin"));
    await(conn.close());
  }

  @Test
  void pingDataReachesTornado() {
    WebSocketClientConnection conn = connect("/echo", new WebSocketClientOptions());
    await(conn.ping(Buffer.buffer("are you there")));
    await(conn.writeMessage("ping-me"));
    assertEquals(Buffer.buffer("are you there"), read(conn));
    await(conn.close());
  }

  @Test
  void compressionIsNegotiatedWithTornadoWhenEnabled() {
    WebSocketClientConnection conn = connect("/compressed", new WebSocketClientOptions().compression(true));
    assertTrue(conn.headers().get("Sec-WebSocket-Extensions").startsWith("permessage-deflate"),
        conn.headers().get("Sec-WebSocket-Extensions"));
    await(conn.writeMessage("extensions"));
    assertTrue(((String) read(conn)).startsWith("permessage-deflate"));
    String text = "squeeze me ".repeat(2000);
    await(conn.writeMessage(text));
    assertEquals(text, read(conn));
    await(conn.close());

    WebSocketClientConnection plain = connect("/compressed", new WebSocketClientOptions());
    assertNull(plain.headers().get("Sec-WebSocket-Extensions"));
    await(plain.writeMessage("extensions"));
    assertEquals("", read(plain));
    await(plain.close());
  }

  @Test
  void messagesOverMaxMessageSizeClose() {
    WebSocketClientConnection fits = connect("/big?n=1000", new WebSocketClientOptions().maxMessageSize(1000));
    assertEquals(1000, ((Buffer) read(fits)).length());
    await(fits.close());

    WebSocketClientConnection tooBig = connect("/big?n=1001", new WebSocketClientOptions().maxMessageSize(1000));
    assertEquals(Optional.empty(), await(tooBig.readMessage()));
  }

  @Test
  void aMissingPageIs404() {
    Throwable error;
    try (ExpectLog evicted = WebSocketClientVertxTest.expectEvicted()) {
      error = await(WebSocket.connect(url("/missing")).transform(ar -> Future.succeededFuture(ar.cause())));
    }
    assertInstanceOf(HttpClientError.class, error);
    assertEquals(404, ((HttpClientError) error).code());
  }
}
