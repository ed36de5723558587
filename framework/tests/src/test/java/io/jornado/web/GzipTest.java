package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.websocket.WebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** compress_response: Tornado 6.2 with compress_response=True sends the same headers for each case here. */
class GzipTest extends AsyncHttpTestCase {
  static final String PART_ONE = "first ".repeat(50);
  static final String PART_TWO = "second ".repeat(50);
  static final String PART_THREE = "last";
  static volatile CompletableFuture<Void> releaseStream = new CompletableFuture<>();

  /** Writes n bytes of text; ct, ce and vary set those headers. */
  public static class Text extends RequestHandler {
    public void get() {
      String contentType = getArgument("ct", null);
      if (contentType != null) {
        setHeader("Content-Type", contentType);
      }
      String contentEncoding = getArgument("ce", null);
      if (contentEncoding != null) {
        setHeader("Content-Encoding", contentEncoding);
      }
      String vary = getArgument("vary", null);
      if (vary != null) {
        setHeader("Vary", vary);
      }
      write(text(Integer.parseInt(getArgument("n"))));
    }

    public void head() {
      get();
    }
  }

  /** Flushes twice, waits for the test to release it, then finishes. */
  public static class Stream extends RequestHandler {
    public Future<?> get() {
      write(PART_ONE);
      flush();
      write(PART_TWO);
      flush();
      IOLoop loop = ioLoop();
      Promise<Void> released = Promise.promise();
      releaseStream.thenRun(() -> loop.addCallback(released::complete));
      return released.future().compose(v -> finish(PART_THREE));
    }
  }

  public static class NoContent extends RequestHandler {
    public void get() {
      setStatus(204);
    }
  }

  public static class Redirect extends RequestHandler {
    public void get() {
      redirect("/text");
    }
  }

  public static class Socket101 extends WebSocketHandler {}

  @Override
  protected Application getApp() {
    return new Application(routes(), Map.of("compress_response", true));
  }

  private static List<UrlSpec> routes() {
    return List.of(url("/text", Text.class), url("/stream", Stream.class), url("/no-content", NoContent.class),
        url("/redirect", Redirect.class), url("/ws", Socket101.class));
  }

  static String text(int length) {
    return "abcdefghij".repeat(length / 10 + 1).substring(0, length);
  }

  @Test
  void bodyOf1024BytesSentInOnePieceIsGzippedWithItsCompressedLength() throws Exception {
    String response = get("/text?n=1024", "Accept-Encoding: gzip");
    byte[] body = bodyBytes(response);
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertEquals(List.of(
        "Content-Type: text/html; charset=UTF-8",
        "Etag: " + sha1Etag(text(1024)),
        "Content-Length: " + body.length,
        "Vary: Accept-Encoding",
        "Content-Encoding: gzip",
        "Connection: close"), headers(response));
    assertEquals(text(1024), gunzip(body));
    assertTrue(body.length < 1024, "compressed to " + body.length);
  }

  @Test
  void bodyOf1023BytesIsSentAsItIsWithVary() throws Exception {
    String response = get("/text?n=1023", "Accept-Encoding: gzip");
    assertEquals(List.of(
        "Content-Type: text/html; charset=UTF-8",
        "Etag: " + sha1Etag(text(1023)),
        "Content-Length: 1023",
        "Vary: Accept-Encoding",
        "Connection: close"), headers(response));
    assertEquals(text(1023), RawHttp.body(response));
  }

  @Test
  void onlyTheMediaTypeIsComparedAndOnlyCompressibleTypesAreGzipped() throws Exception {
    String json = get("/text?n=2000&ct=application/json%3B%20charset%3DUTF-8", "Accept-Encoding: gzip");
    assertTrue(headers(json).contains("Content-Encoding: gzip"), json);
    assertEquals(text(2000), gunzip(bodyBytes(json)));
    String svg = get("/text?n=2000&ct=image/svg%2Bxml", "Accept-Encoding: gzip");
    assertTrue(headers(svg).contains("Content-Encoding: gzip"), svg);
    for (String type : List.of("application/octet-stream", "Text/html", "image/png")) {
      String response = get("/text?n=2000&ct=" + type.replace("/", "%2F"), "Accept-Encoding: gzip");
      assertEquals(List.of(
          "Content-Type: " + type,
          "Etag: " + sha1Etag(text(2000)),
          "Content-Length: 2000",
          "Vary: Accept-Encoding",
          "Connection: close"), headers(response), type);
      assertEquals(text(2000), RawHttp.body(response));
    }
  }

  @Test
  void clientsThatDoNotMentionGzipGetThePlainBody() throws Exception {
    for (String acceptEncoding : List.of("", "Accept-Encoding: deflate, br")) {
      String response = get("/text?n=2000", acceptEncoding);
      assertEquals(List.of(
          "Content-Type: text/html; charset=UTF-8",
          "Etag: " + sha1Etag(text(2000)),
          "Content-Length: 2000",
          "Vary: Accept-Encoding",
          "Connection: close"), headers(response), acceptEncoding);
      assertEquals(text(2000), RawHttp.body(response));
    }
  }

  @Test
  void gzipAnywhereInAcceptEncodingCountsAsTornadoChecksASubstring() throws Exception {
    String response = get("/text?n=2000", "Accept-Encoding: deflate, x-gzip;q=0.5");
    assertTrue(headers(response).contains("Content-Encoding: gzip"), response);
    assertEquals(text(2000), gunzip(bodyBytes(response)));
  }

  @Test
  void contentEncodingSetByTheHandlerIsLeftAlone() throws Exception {
    String response = get("/text?n=2000&ce=br", "Accept-Encoding: gzip, br");
    assertEquals(List.of(
        "Content-Type: text/html; charset=UTF-8",
        "Content-Encoding: br",
        "Etag: " + sha1Etag(text(2000)),
        "Content-Length: 2000",
        "Vary: Accept-Encoding",
        "Connection: close"), headers(response));
    assertEquals(text(2000), RawHttp.body(response));
  }

  @Test
  void existingVaryGetsAcceptEncodingAppended() throws Exception {
    String response = get("/text?n=2000&vary=Cookie", "Accept-Encoding: gzip");
    assertTrue(headers(response).contains("Vary: Cookie, Accept-Encoding"), response);
    assertEquals(1, headers(response).stream().filter(h -> h.startsWith("Vary:")).count(), response);
  }

  @Test
  void headGetsTheHeadersOfTheCompressedGetAndNoBody() throws Exception {
    String get = get("/text?n=2000", "Accept-Encoding: gzip");
    String head = RawHttp.exchange(getHttpPort(),
        "HEAD /text?n=2000 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(head));
    assertEquals(headers(get), headers(head));
    assertTrue(headers(head).contains("Content-Encoding: gzip"), head);
    assertEquals("", RawHttp.body(head));
  }

  @Test
  void matchingIfNoneMatchOnTheUncompressedBodyGives304WithVaryAndNoContentEncoding() throws Exception {
    String response = get("/text?n=2000", "Accept-Encoding: gzip\r\nIf-None-Match: " + sha1Etag(text(2000)));
    assertEquals("HTTP/1.1 304 Not Modified", RawHttp.statusLine(response));
    List<String> headers = headers(response);
    assertTrue(headers.contains("Etag: " + sha1Etag(text(2000))), response);
    assertTrue(headers.contains("Vary: Accept-Encoding"), response);
    assertFalse(response.contains("Content-Encoding"), response);
    assertFalse(response.contains("Content-Type"), response);
    assertEquals("", RawHttp.body(response));
  }

  @Test
  void noContentAndRedirectAndNotFoundCarryVary() throws Exception {
    assertEquals(List.of("Vary: Accept-Encoding", "Connection: close"),
        headers(get("/no-content", "Accept-Encoding: gzip")));
    String redirect = get("/redirect", "Accept-Encoding: gzip");
    assertEquals("HTTP/1.1 302 Found", RawHttp.statusLine(redirect));
    assertEquals(List.of(
        "Content-Type: text/html; charset=UTF-8",
        "Location: /text",
        "Content-Length: 0",
        "Vary: Accept-Encoding",
        "Connection: close"), headers(redirect));
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /missing")) {
      String notFound = get("/missing", "Accept-Encoding: gzip");
      assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(notFound));
      assertEquals(List.of(
          "Content-Type: text/html; charset=UTF-8",
          "Content-Length: 69",
          "Vary: Accept-Encoding",
          "Connection: close"), headers(notFound));
      assertEquals("<html><title>404: Not Found</title><body>404: Not Found</body></html>", RawHttp.body(notFound));
    }
  }

  @Test
  void webSocket101CarriesVary() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", getHttpPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Accept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
      assertTrue(head.contains("\r\nVary: Accept-Encoding\r\n"), head);
    }
  }

  @Test
  void streamedResponseIsChunkedAndEachFlushInflatesBeforeFinish() throws Exception {
    releaseStream = new CompletableFuture<>();
    try (Socket socket = new Socket("127.0.0.1", getHttpPort()); StreamInflater inflater = new StreamInflater()) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      assertEquals(List.of(
          "Content-Type: text/html; charset=UTF-8",
          "Vary: Accept-Encoding",
          "Content-Encoding: gzip",
          "Connection: close",
          "Transfer-Encoding: chunked"), headers(head + "\r\n\r\n"));
      ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
      StringBuilder inflated = new StringBuilder();
      while (inflated.length() < (PART_ONE + PART_TWO).length()) {
        byte[] chunk = readChunk(in);
        assertTrue(chunk.length > 0, "stream ended early after " + inflated);
        gzipped.write(chunk);
        inflated.append(inflater.inflate(chunk));
      }
      assertEquals(PART_ONE + PART_TWO, inflated.toString());
      releaseStream.complete(null);
      byte[] chunk;
      while ((chunk = readChunk(in)).length > 0) {
        gzipped.write(chunk);
      }
      assertEquals(PART_ONE + PART_TWO + PART_THREE, gunzip(gzipped.toByteArray()));
    }
  }

  @Test
  void gzipIsAnAliasAndWithoutEitherSettingResponsesAreUntouched() throws Exception {
    for (Map<String, Boolean> settings : List.of(Map.of("gzip", true), Map.<String, Boolean>of(), Map.of("compress_response", false))) {
      var server = await(new Application(routes(), settings).listen(0, "127.0.0.1"));
      try {
        String response = RawHttp.exchange(server.port(), "GET /text?n=2000 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        boolean on = settings.containsKey("gzip");
        assertEquals(on, response.contains("\r\nVary: Accept-Encoding\r\n"), settings + ": " + response);
        assertEquals(on, response.contains("\r\nContent-Encoding: gzip\r\n"), settings + ": " + response);
      } finally {
        await(server.stop());
      }
    }
  }

  @Test
  void aSettingThatIsNotABooleanIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.of(Map.of("compress_response", "yes")));
    assertEquals("Setting 'compress_response' should be a Boolean, got String: yes", e.getMessage());
    assertTrue(Settings.of(Map.of("gzip", true)).compressResponse());
    assertFalse(Settings.empty().compressResponse());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String get(String target, String extraHeaders) throws IOException {
    String extra = extraHeaders.isEmpty() ? "" : extraHeaders + "\r\n";
    return RawHttp.exchange(getHttpPort(),
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "Connection: close\r\n\r\n");
  }

  /** The header lines without the status line and the two that change per server (Server, Date). */
  private static List<String> headers(String response) {
    List<String> lines = new ArrayList<>(List.of(RawHttp.head(response).split("\r\n")));
    lines.remove(0);
    lines.removeIf(line -> line.startsWith("Server: ") || line.startsWith("Date: "));
    return lines;
  }

  private static byte[] bodyBytes(String response) {
    return RawHttp.body(response).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String gunzip(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha1Etag(String body) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8));
    return "\"" + HexFormat.of().formatHex(digest) + "\"";
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside the head: " + head);
      }
      head.append((char) b);
    }
    return head.substring(0, head.length() - 4);
  }

  /** One chunk of a chunked body; empty for the last chunk (whose trailer it consumes). */
  private static byte[] readChunk(InputStream in) throws IOException {
    int size = Integer.parseInt(readLine(in), 16);
    byte[] data = in.readNBytes(size);
    if (data.length != size || !readLine(in).isEmpty()) {
      throw new IOException("malformed chunk of " + size + " bytes");
    }
    return data;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed inside a line: " + line);
      }
      line.append((char) b);
    }
    return line.toString().strip();
  }

  /** Inflates a gzip stream piece by piece, as a browser does while a response streams in. */
  private static final class StreamInflater implements AutoCloseable {
    private static final byte[] GZIP_DEFLATE_MAGIC = {0x1f, (byte) 0x8b, 8};
    private static final int HEADER_LENGTH = 10;
    private final Inflater inflater = new Inflater(true);
    private boolean headerSkipped;

    String inflate(byte[] piece) throws DataFormatException {
      int offset = 0;
      if (!headerSkipped) {
        assertArrayEquals(GZIP_DEFLATE_MAGIC, Arrays.copyOf(piece, 3), "gzip header");
        offset = HEADER_LENGTH;
        headerSkipped = true;
      }
      inflater.setInput(piece, offset, piece.length - offset);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = inflater.inflate(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      inflater.end();
    }
  }
}
