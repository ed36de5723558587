package io.jornado.samples.fileupload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUploadTest extends AsyncHttpTestCase {
  private static final int MAX_BODY_SIZE = 8 * 1024 * 1024;

  @TempDir
  Path uploadDir;

  @Override
  protected Application getApp() {
    return FileUpload.makeApp(uploadDir, MAX_BODY_SIZE);
  }

  // ---- the page and the buffered form -------------------------------------------------------

  @Test
  void pageHasAMultipartFormAndNamesTheStreamingEndpoint() {
    HttpResponse response = fetch("/");
    assertEquals(200, response.code());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
    String page = response.bodyAsString();
    assertTrue(page.contains("<form action=\"/upload\" method=\"post\" enctype=\"multipart/form-data\">"), page);
    assertTrue(page.contains("<input type=\"file\" name=\"files\" multiple required>"), page);
    assertTrue(page.contains("PUT /stream/&lt;name&gt;"), page);
  }

  @Test
  void postListsEachFilesNameTypeAndSize() {
    byte[] png = new byte[3000];
    new Random(1).nextBytes(png);
    String boundary = "----jornado-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "files", "notes <1>.txt", "text/plain", "hello\r\n".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "files", "picture.png", "image/png", png);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

    HttpResponse response = fetch("/upload", r -> r.method("POST")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).body(body.toByteArray()));

    assertEquals(200, response.code());
    String page = response.bodyAsString();
    assertTrue(page.contains("<li>files: <code>notes &lt;1&gt;.txt</code>, text/plain, 7 bytes</li>\n"
        + "<li>files: <code>picture.png</code>, image/png, 3000 bytes</li>\n"), page);
    assertEquals(List.of(), listUploadDir(), "the form is not stored");
  }

  @Test
  void postWithoutFilesIs400() {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 POST /upload .*: no file in the form");
        ExpectLog access = new ExpectLog("jornado.access", "400 POST /upload")) {
      HttpResponse response = fetch("/upload", r -> r.method("POST")
          .header("Content-Type", "application/x-www-form-urlencoded").body("a=1"));
      assertEquals(400, response.code());
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String field, String filename, String type,
      byte[] content) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  // ---- the streaming PUT --------------------------------------------------------------------

  @Test
  void putStreamsTheBodyToTheFileAndAnswersItsSha256() throws Exception {
    byte[] content = new byte[5 * 1024 * 1024 + 123];
    new Random(2).nextBytes(content);
    String sent = sha256(content);

    HttpResponse response = fetch("/stream/data%20file.bin", r -> r.method("PUT")
        .header("Content-Type", "application/octet-stream").body(content));

    assertEquals(200, response.code(), response.bodyAsString());
    JsonObject answer = new JsonObject(response.bodyAsString());
    assertEquals("data file.bin", answer.getString("name"));
    assertEquals(content.length, answer.getLong("bytes"));
    assertEquals(sent, answer.getString("sha256"));
    Path stored = uploadDir.resolve("data file.bin");
    assertEquals(sent, sha256(Files.readAllBytes(stored)));
    assertEquals(List.of(stored), listUploadDir(), "no temporary file is left");
  }

  @Test
  void putReplacesAnEarlierUploadAndStoresAnEmptyBody() throws Exception {
    assertEquals(200, fetch("/stream/a.txt", r -> r.method("PUT").body("first")).code());
    assertEquals("first", Files.readString(uploadDir.resolve("a.txt")));
    HttpResponse empty = fetch("/stream/a.txt", r -> r.method("PUT").body(new byte[0]));
    assertEquals(200, empty.code());
    JsonObject answer = new JsonObject(empty.bodyAsString());
    assertEquals(0, answer.getLong("bytes"));
    assertEquals(sha256(new byte[0]), answer.getString("sha256"));
    assertArrayEquals(new byte[0], Files.readAllBytes(uploadDir.resolve("a.txt")));
  }

  @Test
  void namesThatLeaveTheUploadDirectoryAre400() throws Exception {
    for (String name : List.of("..%2Fescaped.txt", "sub%2Ffile.txt", "..", ".", "", "%2Fetc%2Fpasswd", "a%5Cb")) {
      try (ExpectLog warning = new ExpectLog("jornado.general", "400 PUT /stream/.*: (not a plain|invalid) file name");
          ExpectLog access = new ExpectLog("jornado.access", "400 PUT /stream/")) {
        // The server closes the connection after this answer, since it never reads the body (as Tornado
        // does, also without saying Connection: close), so the client must not keep it for the next one.
        HttpResponse response = fetch("/stream/" + name, r -> r.method("PUT").header("Connection", "close").body("x"));
        assertEquals(400, response.code(), name);
      }
    }
    String raw = rawExchange("PUT /stream/../escaped.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n"
        + "Connection: close\r\n\r\nx", "400 PUT /stream/../escaped.txt");
    assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
    assertFalse(Files.exists(uploadDir.getParent().resolve("escaped.txt")));
    assertEquals(List.of(), listUploadDir());
  }

  @Test
  void aDeclaredBodyOverTheUploadLimitIs413AndLeavesNoFile() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "PUT /stream/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (MAX_BODY_SIZE + 1)
          + "\r\n\r\n");
      String response = readAll(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), response);
    }
    // prepare() ran first (it raised this request's limit and opened the temporary file), as in Tornado.
    waitFor(() -> listUploadDir().isEmpty(), "the temporary file to be deleted: " + listUploadDir());
  }

  @Test
  void aChunkedBodyThatGrowsOverMaxBodySizeIs413AndLeavesNoPartialFile() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "PUT /stream/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[64 * 1024];
      OutputStream out = socket.getOutputStream();
      for (long sent = 0; sent <= MAX_BODY_SIZE; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      String response = readAll(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), response);
    }
    waitFor(() -> listUploadDir().isEmpty(), "the partial file to be deleted: " + listUploadDir());
    assertFalse(Files.exists(uploadDir.resolve("big.bin")));
  }

  @Test
  void aClientThatGoesAwayMidUploadLeavesNoPartialFile() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "PUT /stream/cut.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n");
      socket.getOutputStream().write(new byte[100_000]);
      socket.getOutputStream().flush();
      waitFor(() -> !listUploadDir().isEmpty(), "the upload to begin");
    }
    waitFor(() -> listUploadDir().isEmpty(), "the partial file to be deleted: " + listUploadDir());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private List<Path> listUploadDir() {
    try (Stream<Path> files = Files.list(uploadDir)) {
      return files.toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Waits until a condition on the upload directory holds, waking on the directory's file events (a
   * file made or deleted), failing after the test timeout.
   */
  private void waitFor(BooleanSupplier condition, String what) throws Exception {
    Instant deadline = Instant.now().plus(getAsyncTestTimeout());
    try (WatchService watcher = uploadDir.getFileSystem().newWatchService()) {
      uploadDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
      while (!condition.getAsBoolean()) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.MILLISECONDS) : null;
        if (key == null) {
          if (condition.getAsBoolean()) {
            return;
          }
          throw new AssertionError("timed out waiting for " + what);
        }
        key.pollEvents();
        key.reset();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", getHttpPort());
    socket.setSoTimeout((int) getAsyncTestTimeout().toMillis());
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private String rawExchange(String request, String expectedAccessLog) throws IOException {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 PUT .*: not a plain file name");
        ExpectLog access = new ExpectLog("jornado.access", expectedAccessLog.replace(".", "\\."));
        Socket socket = connect()) {
      send(socket, request);
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
