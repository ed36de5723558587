package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The HTTPServer settings (ServerOptions) as a client sees them, with the bytes Tornado 6.5.7 sends
 * for the same requests in the comments.
 */
class ServerOptionsTest extends AsyncHttpTestCase {
  private final List<HttpServer> extraServers = new ArrayList<>();

  public static class Hello extends RequestHandler {
    public void get() {
      write("Hello");
    }
  }

  public static class Flushing extends RequestHandler {
    public void get() {
      write("one,");
      flush();
      write("two");
    }
  }

  /** Echoes the body's length and its form arguments. */
  public static class Echo extends RequestHandler {
    public void post() {
      write(request().body().length + " " + getArgument("a", "-") + " "
          + request().headers().get("X-Consumed-Content-Encoding") + " " + request().headers().get("Content-Encoding"));
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/", Hello.class), url("/flush", Flushing.class), url("/echo", Echo.class)));
  }

  /** A second server for the app with other options, stopped after the test. */
  private int listen(ServerOptions options) {
    HttpServer server = await(getApp().listen(0, "127.0.0.1", options));
    extraServers.add(server);
    return server.port();
  }

  @AfterEach
  void stopExtraServers() {
    for (HttpServer server : extraServers) {
      await(server.stop());
    }
  }

  @Test
  void http10GetsAnHttp11StatusLineAndCloses() throws IOException {
    // Tornado: "HTTP/1.1 200 OK" and the connection closed after the response.
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      String response = wire.send("GET / HTTP/1.0\r\n\r\n").readToClose();
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
      assertTrue(response.endsWith("\r\n\r\nHello"), response);
      assertFalse(response.contains("Connection:"), response);
    }
  }

  @Test
  void http10KeepAliveIsHonouredAndAnnounced() throws IOException {
    // Tornado: "Connection: Keep-Alive" on the reply, and the connection serves the next request.
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      String first = wire.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readThrough("Hello");
      assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
      assertTrue(first.contains("\r\nConnection: Keep-Alive\r\n"), first);
      String second = wire.send("GET / HTTP/1.0\r\n\r\n").readToClose();
      assertTrue(second.startsWith("HTTP/1.1 200 OK\r\n") && second.endsWith("Hello"), second);
    }
  }

  @Test
  void http10FlushedResponseIsDelimitedByClose() throws IOException {
    // Tornado: no Transfer-Encoding on 1.0 (it cannot be chunked); the body ends when the connection does.
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      String response = wire.send("GET /flush HTTP/1.0\r\n\r\n").readToClose();
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
      assertFalse(response.toLowerCase().contains("transfer-encoding"), response);
      assertTrue(response.endsWith("\r\n\r\none,two"), response);
    }
  }

  @Test
  void noKeepAliveClosesAfterEachResponse() throws IOException {
    int port = listen(new ServerOptions().noKeepAlive(true));
    // Tornado (no_keep_alive=True): "Connection: close" on a 1.1 reply, then the connection closes.
    try (WireConversation wire = new WireConversation(port)) {
      String response = wire.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").readToClose();
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertEquals(1, response.split("HTTP/1.1 200", -1).length - 1, response);
    }
  }

  @Test
  void expectContinueIsAnsweredBeforeTheBody() throws IOException {
    // Tornado: "HTTP/1.1 100 (Continue)\r\n\r\n" once the headers are in, then the response.
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      String interim = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n\r\n").readThrough("\r\n\r\n");
      assertEquals("HTTP/1.1 100 (Continue)\r\n\r\n", interim);
      String response = wire.send("a=1").readThrough("null");
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n") && response.endsWith("\r\n\r\n3 1 null null"), response);
    }
  }

  @Test
  void declaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
    int port = listen(new ServerOptions().maxBodySize(1024));
    // Tornado answers "HTTP/1.1 400 Bad Request" (Content-Length too long); Jornado says 413, and
    // answers at once, without a 100 (Continue) and without reading a byte of the body.
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*: Content-Length too long: 1025", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      String response = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\nExpect: 100-continue\r\n\r\n")
          .readToClose();
      assertEquals("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", response);
    }
    try (WireConversation wire = new WireConversation(port)) {
      String atLimit = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\nConnection: close\r\n\r\n")
          .send(new byte[1024]).readToClose();
      assertTrue(atLimit.startsWith("HTTP/1.1 200 OK\r\n") && atLimit.endsWith("1024 - null null"), atLimit);
    }
  }

  @Test
  void chunkedBodyGrowingPastTheLimitIsCutOff() throws IOException {
    int port = listen(new ServerOptions().maxBodySize(1024));
    // Tornado: "HTTP/1.1 400 Bad Request" (chunked body too large); Jornado: 413, then the connection closes.
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*: body too large: more than 1024 bytes", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      wire.send("400\r\n" + "a".repeat(1024) + "\r\n1\r\nb\r\n");
      String response = wire.readToClose();
      assertEquals("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", response);
    }
  }

  @Test
  void gzipBodiesAreInflatedWhenDecompressRequestIsOn() throws IOException {
    int port = listen(new ServerOptions().decompressRequest(true));
    byte[] body = gzip("a=1&b=" + "x".repeat(5000));
    // Tornado (decompress_request=True): the handler sees the inflated body and its form arguments;
    // Content-Encoding moves to X-Consumed-Content-Encoding.
    try (WireConversation wire = new WireConversation(port)) {
      String response = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").send(body).readToClose();
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
      assertTrue(response.endsWith("\r\n\r\n5006 1 gzip null"), response);
    }
    // Without the option the body reaches the handler as sent.
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      String response = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n").send(body).readToClose();
      assertTrue(response.endsWith("\r\n\r\n" + body.length + " - null gzip"), response);
    }
  }

  @Test
  void badOrOversizedGzipBodiesAreRefused() throws IOException {
    int port = listen(new ServerOptions().decompressRequest(true).maxBodySize(10_000));
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*: invalid gzip data.*", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      String response = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!")
          .readToClose();
      assertEquals("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", response);
    }
    byte[] bomb = gzip("0".repeat(1_000_000));
    // Tornado: 400 (decompressed body too large); Jornado: 413, without inflating the rest.
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*: decompressed body too large.*", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      String response = wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: "
          + bomb.length + "\r\n\r\n").send(bomb).readToClose();
      assertEquals("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", response);
    }
  }

  @Test
  void idleConnectionsAndSlowHeadersAreDropped() throws IOException {
    int port = listen(new ServerOptions().idleConnectionTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();
    try (WireConversation wire = new WireConversation(port)) {
      assertEquals("", wire.readToClose());
    }
    // Headers trickling in never reset the timer: it bounds reading the whole head (Tornado's header timeout).
    try (ExpectLog log = new ExpectLog("jornado.general", "Timeout reading request headers from .*", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      wire.send("GET / HTTP/1.1\r\n");
      assertEquals("", wire.readToClose());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000);
    // A served connection stays open for the next request within the timeout.
    try (WireConversation wire = new WireConversation(port)) {
      assertTrue(wire.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readThrough("Hello").startsWith("HTTP/1.1 200 OK"));
      assertTrue(wire.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readThrough("Hello").startsWith("HTTP/1.1 200 OK"));
    }
  }

  @Test
  void slowBodiesAreDroppedAfterTheBodyTimeout() throws IOException {
    int port = listen(new ServerOptions().bodyTimeout(Duration.ofMillis(300)));
    try (ExpectLog log = new ExpectLog("jornado.general", "Timeout reading body from .*", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      assertEquals("", wire.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").readToClose());
    }
  }

  @Test
  void smallerHeaderLimitAnswers431() throws IOException {
    int port = listen(new ServerOptions().maxHeaderSize(2048));
    // Tornado closes without answering; Jornado answers 431 and closes.
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*", Level.INFO);
        WireConversation wire = new WireConversation(port)) {
      String response = wire.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(3000) + "\r\n\r\n").readToClose();
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
          response);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

}
