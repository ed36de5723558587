package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpRequest;
import io.jornado.httpclient.HttpResponse;
import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StaticFileHandler over real sockets. Expected statuses and headers were recorded from Tornado 6.2
 * (Debian python3-tornado) serving the same files with the same mtime; each comment names the case
 * of that side-by-side run.
 */
class StaticFileHandlerTest extends AsyncHttpTestCase {
  /** sha512("abcdefghijklmnopqrstuvwxyz"), Tornado's Etag and ?v= for hello.txt. */
  static final String HELLO_VERSION = "4dbff86cc2ca1bae1e16468a05cb9881c97f1753bce3619034898faa1aabe429"
      + "955a1bf8ec483d7421fe3c1646613a59ed5441fb0f321389f77f48a879c7b1f1";
  static final String HELLO_ETAG = "\"" + HELLO_VERSION + "\"";
  /** sha512("<p>index</p>\n"), Tornado's ?v= for dir/index.html. */
  static final String INDEX_VERSION = "c16e89972404b4a84b92d89e42db702c41341fbe43d539dfe06eb46f37116a8e"
      + "e7a3608f6303339406b39ad9d958f2beba5c06ea14d23531daf4a4cf276830bb";
  /** The files' mtime, 1700000000.75 s: Tornado sends it truncated to the second. */
  static final String LAST_MODIFIED = "Tue, 14 Nov 2023 22:13:20 GMT";
  static final int BIG_SIZE = 20 * 1024 * 1024;
  static final AtomicBoolean HASHED_ON_LOOP = new AtomicBoolean();

  @TempDir
  static Path base;
  static Path root;

  @BeforeAll
  static void makeFiles() throws IOException {
    root = base.resolve("root");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("hello.txt", bytes("abcdefghijklmnopqrstuvwxyz"));
    files.put("dir/index.html", bytes("<p>index</p>\n"));
    files.put("robots.txt", bytes("User-agent: *\n"));
    files.put("favicon.ico", new byte[] {0, 0, 1, 0});
    files.put("\u00e9t\u00e9.txt", bytes("summer"));
    files.put("empty.txt", new byte[0]);
    for (String ext : CONTENT_TYPES.keySet()) {
      files.put("types/a" + ext, bytes("x"));
    }
    byte[] big = new byte[BIG_SIZE];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 251);
    }
    files.put("big.bin", big);
    Files.createDirectories(root.resolve("emptydir"));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
      Files.setLastModifiedTime(path, FileTime.fromMillis(1_700_000_000_750L));
    }
    Files.write(base.resolve("secret.txt"), bytes("secret"));
  }

  @BeforeEach
  void forgetVersions() {
    StaticFileHandler.reset();
    HASHED_ON_LOOP.set(false);
  }

  public static class Page extends RequestHandler {
    public void get() {
      write(String.join("|", staticUrl("hello.txt"), staticUrl("missing.txt"), staticUrl("hello.txt", true),
          staticUrl("dir/index.html")));
    }
  }

  /** Flushes the headers early, so the body cannot be sent with sendFile and goes through write(). */
  public static class EarlyFlush extends StaticFileHandler {
    @Override
    protected void setExtraHeaders(String path) {
      setHeader("X-Path", path);
      flush();
    }
  }

  public static class Hooks extends StaticFileHandler {
    @Override
    protected long getCacheTime(String path, Optional<Instant> modified, String mimeType) {
      return 60;
    }

    @Override
    protected String getContentType() {
      return "text/x-custom";
    }

    @Override
    protected String getContentVersion(String absolutePath) throws IOException {
      if (Context.isOnEventLoopThread()) {
        HASHED_ON_LOOP.set(true);
      }
      return "custom-" + Files.size(Path.of(absolutePath));
    }

    public static String makeStaticUrl(Settings settings, String path) {
      return "/cdn/" + path + "#" + StaticFileHandler.getVersion(settings, path).orElse("none");
    }
  }

  /** Holds the first hash until requests on two event loops wait for it, so one must be woken from the other loop. */
  public static class TwoLoops extends StaticFileHandler {
    static final Set<String> LOOPS = ConcurrentHashMap.newKeySet();
    static final CountDownLatch BOTH_WAITING = new CountDownLatch(1);
    static final List<String> WRONG_THREADS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String loop;

    @Override
    public void prepare() {
      loop = Thread.currentThread().getName();
      LOOPS.add(loop);
      if (LOOPS.size() >= 2) {
        BOTH_WAITING.countDown();
      }
    }

    @Override
    protected String getContentVersion(String absolutePath) throws IOException {
      try {
        BOTH_WAITING.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.getContentVersion(absolutePath);
    }

    @Override
    protected void setExtraHeaders(String path) {
      if (!Thread.currentThread().getName().equals(loop)) {
        WRONG_THREADS.add(loop + " continued on " + Thread.currentThread().getName());
      }
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(
        url("/page", Page.class),
        url("/def/(.*)", StaticFileHandler.class, Map.of("path", root.toString(), "default_filename", "index.html")),
        url("/early/(.*)", EarlyFlush.class, Map.of("path", root))),
        Map.of("static_path", root.toString()));
  }

  // ---- headers of a plain GET and HEAD ------------------------------------------------------

  @Test
  void getSendsTheFileWithTornadosHeaders() {
    // case "plain": GET /static/hello.txt
    HttpResponse response = fetch("/static/hello.txt");
    assertEquals(200, response.code());
    assertEquals("abcdefghijklmnopqrstuvwxyz", response.bodyAsString());
    assertEquals("text/plain", response.headers().get("Content-Type"));
    assertEquals("bytes", response.headers().get("Accept-Ranges"));
    assertEquals(HELLO_ETAG, response.headers().get("Etag"));
    assertEquals(LAST_MODIFIED, response.headers().get("Last-Modified"));
    assertEquals("26", response.headers().get("Content-Length"));
    assertNull(response.headers().get("Cache-Control"));
    assertNull(response.headers().get("Expires"));
  }

  @Test
  void versionArgumentAddsTenYearCacheHeaders() {
    // cases "versioned" (?v=abc) and "v empty" (?v=): both get Expires and Cache-Control
    for (String target : List.of("/static/hello.txt?v=abc", "/static/hello.txt?v=")) {
      HttpResponse response = fetch(target);
      assertEquals(200, response.code());
      assertEquals("max-age=315360000", response.headers().get("Cache-Control"), target);
      Instant expires = ZonedDateTime.parse(response.headers().get("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Instant expected = Instant.now().plusSeconds(315360000);
      assertTrue(Duration.between(expires, expected).abs().getSeconds() < 60, "Expires " + expires);
    }
  }

  @Test
  void headSendsTheHeadersWithoutBody() throws IOException {
    // case "head": HEAD /static/hello.txt
    String response = RawHttp.exchange(getHttpPort(), "HEAD /static/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertTrue(response.contains("\r\nContent-Length: 26\r\n"), response);
    assertTrue(response.contains("\r\nEtag: " + HELLO_ETAG + "\r\n"), response);
    assertTrue(response.contains("\r\nContent-Type: text/plain\r\n"), response);
    assertEquals("", RawHttp.body(response));
  }

  // ---- conditional requests -----------------------------------------------------------------

  @Test
  void ifNoneMatchGives304() throws IOException {
    // cases "inm exact", "inm weak", "inm star", "inm list", "head inm": 304 with Accept-Ranges, Etag,
    // Last-Modified, and neither Content-Type nor Content-Length
    List<String> requests = List.of(
        "GET /static/hello.txt HTTP/1.1\r\nIf-None-Match: " + HELLO_ETAG,
        "GET /static/hello.txt HTTP/1.1\r\nIf-None-Match: W/" + HELLO_ETAG,
        "GET /static/hello.txt HTTP/1.1\r\nIf-None-Match: *",
        "GET /static/hello.txt HTTP/1.1\r\nIf-None-Match: \"x\", " + HELLO_ETAG,
        "HEAD /static/hello.txt HTTP/1.1\r\nIf-None-Match: " + HELLO_ETAG);
    for (String request : requests) {
      String response = RawHttp.exchange(getHttpPort(), request + "\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 304 Not Modified", RawHttp.statusLine(response), request);
      String head = RawHttp.head(response);
      assertTrue(head.contains("\r\nEtag: " + HELLO_ETAG), response);
      assertTrue(head.contains("\r\nLast-Modified: " + LAST_MODIFIED), response);
      assertTrue(head.contains("\r\nAccept-Ranges: bytes"), response);
      assertFalse(head.contains("Content-Type"), response);
      assertFalse(head.toLowerCase().contains("content-length"), response);
      assertEquals("", RawHttp.body(response));
    }
  }

  @Test
  void ifNoneMatchWinsOverIfModifiedSince() {
    // case "inm other wins over ims": 200 although the IMS alone would give 304
    HttpResponse response = fetch("/static/hello.txt",
        r -> r.header("If-None-Match", "\"other\"").header("If-Modified-Since", LAST_MODIFIED));
    assertEquals(200, response.code());
    assertEquals(26, response.body().length);
  }

  @Test
  void ifModifiedSinceComparesWithTheTruncatedTime() {
    // cases "ims equal", "ims later", "ims asctime", "ims rfc850" -> 304; "ims earlier", "ims invalid" -> 200
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(LAST_MODIFIED, 304);
    expected.put("Wed, 15 Nov 2023 00:00:00 GMT", 304);
    expected.put("Tue Nov 14 22:13:20 2023", 304);
    expected.put("Tuesday, 14-Nov-23 22:13:20 GMT", 304);
    expected.put("Tue, 14 Nov 2023 22:13:19 GMT", 200);
    expected.put("yesterday", 200);
    // Tornado 6.4+ (parsedate_to_datetime): the offset counts and an impossible date is ignored;
    // 6.2 answered 304, 304 and 500 to these three.
    expected.put("Tue, 14 Nov 2023 23:13:20 +0100", 304);
    expected.put("Tue, 14 Nov 2023 23:13:19 +0100", 200);
    expected.put("Tue, 31 Nov 2023 22:13:20 GMT", 200);
    expected.forEach((date, status) -> {
      HttpResponse response = fetch("/static/hello.txt", r -> r.header("If-Modified-Since", date));
      assertEquals(status, response.code(), date);
    });
  }

  // ---- ranges -------------------------------------------------------------------------------

  @Test
  void rangesAsTornadoReadsThem() {
    // {Range, status, Content-Range, body} from the "range ..." cases
    String[][] cases = {
        {"bytes=0-", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=1-3", "206", "bytes 1-3/26", "bcd"},
        {"bytes=0-0", "206", "bytes 0-0/26", "a"},
        {"bytes=-5", "206", "bytes 21-25/26", "vwxyz"},
        {"bytes=-1000000", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=20-100", "206", "bytes 20-25/26", "uvwxyz"},
        {"bytes=0-25", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=25-25", "206", "bytes 25-25/26", "z"},
        {"bytes=abc", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=1-2,5-6", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"foo=1-2", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"Bytes=1-2", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {"bytes=-", "200", null, "abcdefghijklmnopqrstuvwxyz"},
        {" bytes = 2 - 4 ", "206", "bytes 2-4/26", "cde"},
        {"bytes=+1-+2", "206", "bytes 1-2/26", "bc"},
        {"bytes=--3", "206", "bytes 3-25/26", "defghijklmnopqrstuvwxyz"},
        {"bytes=1_0-1_2", "206", "bytes 10-12/26", "klm"},
    };
    for (String[] c : cases) {
      HttpResponse response = fetch("/static/hello.txt", r -> r.header("Range", c[0]));
      assertEquals(Integer.parseInt(c[1]), response.code(), c[0]);
      assertEquals(c[2], response.headers().get("Content-Range"), c[0]);
      assertEquals(c[3], response.bodyAsString(), c[0]);
      assertEquals(Integer.toString(c[3].length()), response.headers().get("Content-Length"), c[0]);
      assertEquals(HELLO_ETAG, response.headers().get("Etag"), c[0]);
    }
  }

  @Test
  void unsatisfiableRangesGive416() {
    // cases "range bytes=26-", "range bytes=-0", "range bytes=5-3", "range bytes=5-4", "range on empty"
    String[][] cases = {
        {"/static/hello.txt", "bytes=26-", "bytes */26"},
        {"/static/hello.txt", "bytes=-0", "bytes */26"},
        {"/static/hello.txt", "bytes=5-3", "bytes */26"},
        {"/static/hello.txt", "bytes=5-4", "bytes */26"},
        {"/static/empty.txt", "bytes=0-", "bytes */0"},
    };
    for (String[] c : cases) {
      try (ExpectLog log = new ExpectLog("jornado.access", "416 GET " + c[0])) {
        HttpResponse response = fetch(c[0], r -> r.header("Range", c[1]));
        assertEquals(416, response.code(), c[1]);
        assertEquals("Requested Range Not Satisfiable", response.reason());
        assertEquals("text/plain", response.headers().get("Content-Type"), c[1]);
        assertEquals(c[2], response.headers().get("Content-Range"), c[1]);
        assertEquals("0", response.headers().get("Content-Length"), c[1]);
        assertEquals(0, response.body().length);
        settle();
      }
    }
  }

  @Test
  void rangesWithHeadAndVersion() throws IOException {
    // case "head range": 206 with Content-Length 3 and no body
    String head = RawHttp.exchange(getHttpPort(),
        "HEAD /static/hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=1-3\r\nConnection: close\r\n\r\n");
    assertEquals("HTTP/1.1 206 Partial Content", RawHttp.statusLine(head));
    assertTrue(head.contains("\r\nContent-Range: bytes 1-3/26\r\n"), head);
    assertTrue(head.contains("\r\nContent-Length: 3\r\n"), head);
    assertEquals("", RawHttp.body(head));
    // case "range with v": cache headers on a 206 too
    HttpResponse ranged = fetch("/static/hello.txt?v=1", r -> r.header("Range", "bytes=1-3"));
    assertEquals(206, ranged.code());
    assertEquals("max-age=315360000", ranged.headers().get("Cache-Control"));
    assertEquals("bcd", ranged.bodyAsString());
  }

  // ---- paths --------------------------------------------------------------------------------

  @Test
  void pathsOutsideTheRootGive403() throws IOException {
    // cases "dotdot encoded", "dotdot raw", "absolute": 403 and Tornado's log message
    String secret = base.resolve("secret.txt").toString();
    String[][] cases = {
        {"/static/%2e%2e/secret.txt", "../secret.txt"},
        {"/static/../secret.txt", "../secret.txt"},
        {"/static/" + secret, secret},
    };
    for (String[] c : cases) {
      try (ExpectLog denied = new ExpectLog("jornado.general",
              "403 GET " + java.util.regex.Pattern.quote(c[0]) + " \\(127\\.0\\.0\\.1\\): "
                  + java.util.regex.Pattern.quote(c[1] + " is not in root static directory"));
          ExpectLog access = new ExpectLog("jornado.access", "403 GET")) {
        String response = RawHttp.get(getHttpPort(), c[0]);
        assertEquals("HTTP/1.1 403 Forbidden", RawHttp.statusLine(response), c[0]);
        assertEquals("<html><title>403: Forbidden</title><body>403: Forbidden</body></html>", RawHttp.body(response));
        settle();
      }
    }
  }

  @Test
  void pathsThatStayInsideTheRootAreServed() throws IOException {
    // cases "dotdot inside", "absolute inside", "unicode"
    for (String target : List.of("/static/dir/../hello.txt", "/static/" + root.resolve("hello.txt"))) {
      String response = RawHttp.get(getHttpPort(), target);
      assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response), target);
      assertEquals("abcdefghijklmnopqrstuvwxyz", RawHttp.body(response));
    }
    assertEquals("summer", fetch("/static/%C3%A9t%C3%A9.txt").bodyAsString());
  }

  @Test
  void directoriesAndMissingFiles() throws IOException {
    // cases "dir", "dir slash", "root": 403 "... is not a file"; "missing", "nul": 404; "bad utf8": 400
    String[][] cases = {
        {"/static/dir", "403", "dir is not a file"},
        {"/static/dir/", "403", "dir/ is not a file"},
        {"/static/", "403", " is not a file"},
        {"/static/missing.txt", "404", null},
        {"/static/hello.txt%00", "404", null},
        {"/static/%ff.txt", "400", "Invalid unicode in url: b'\\xff.txt'"},
    };
    for (String[] c : cases) {
      try (ExpectLog access = new ExpectLog("jornado.access", c[1] + " GET");
          ExpectLog general = new ExpectLog("jornado.general", ".*: " + java.util.regex.Pattern.quote(
              c[2] == null ? "" : c[2]) + "$", c[2] != null)) {
        HttpResponse response = fetch(c[0]);
        assertEquals(Integer.parseInt(c[1]), response.code(), c[0]);
        assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
        settle();
      }
    }
  }

  @Test
  void postIsNotAllowed() {
    // case "post": 405
    try (ExpectLog access = new ExpectLog("jornado.access", "405 POST")) {
      assertEquals(405, fetch("/static/hello.txt", r -> r.method("POST").body("")).code());
      settle();
    }
  }

  @Test
  void faviconAndRobotsAreServedFromTheStaticPath() {
    // cases "favicon", "robots"
    HttpResponse favicon = fetch("/favicon.ico");
    assertEquals(200, favicon.code());
    assertEquals("image/vnd.microsoft.icon", favicon.headers().get("Content-Type"));
    assertEquals(4, favicon.body().length);
    assertEquals("User-agent: *\n", fetch("/robots.txt").bodyAsString());
  }

  @Test
  void defaultFilenameRedirectsThenServes() {
    // cases "def dir", "def dir query": 301 to the path plus "/", query dropped
    for (String target : List.of("/def/dir", "/def/dir?a=1")) {
      HttpResponse redirect = fetch(target);
      assertEquals(301, redirect.code(), target);
      assertEquals("/def/dir/", redirect.headers().get("Location"));
      assertEquals("0", redirect.headers().get("Content-Length"));
    }
    // case "def dir slash"
    HttpResponse index = fetch("/def/dir/");
    assertEquals(200, index.code());
    assertEquals("text/html", index.headers().get("Content-Type"));
    assertEquals("<p>index</p>\n", index.bodyAsString());
    // cases "def emptydir", "def root": a directory without the default file is 404
    for (String target : List.of("/def/emptydir/", "/def/")) {
      try (ExpectLog access = new ExpectLog("jornado.access", "404 GET")) {
        assertEquals(404, fetch(target).code(), target);
        settle();
      }
    }
    assertEquals("abcdefghijklmnopqrstuvwxyz", fetch("/def/hello.txt").bodyAsString());
  }

  @Test
  void rootPrefixRefusesProtocolRelativeRedirects() throws IOException {
    // cases "prefix / dir", "prefix / double slash", "prefix / dir slash": static_url_prefix "/" with
    // default_filename
    Application app = new Application(List.of(), Map.of("static_path", root.toString(), "static_url_prefix", "/",
        "static_handler_args", Map.of("default_filename", "index.html")));
    HttpServer server = await(app.listen(0, "127.0.0.1"));
    try {
      String redirect = RawHttp.get(server.port(), "/dir");
      assertEquals("HTTP/1.1 301 Moved Permanently", RawHttp.statusLine(redirect));
      assertTrue(redirect.contains("\r\nLocation: /dir/\r\n"), redirect);
      String target = "//evil.com/.." + root + "/dir";
      try (ExpectLog refused = new ExpectLog("jornado.general", "403 GET " + java.util.regex.Pattern.quote(target)
              + " \\(127\\.0\\.0\\.1\\): cannot redirect path with two initial slashes");
          ExpectLog access = new ExpectLog("jornado.access", "403 GET")) {
        assertEquals("HTTP/1.1 403 Forbidden", RawHttp.statusLine(RawHttp.get(server.port(), target)));
        settle();
      }
      assertEquals("<p>index</p>\n", RawHttp.body(RawHttp.get(server.port(), "/dir/")));
    } finally {
      await(server.stop());
    }
  }

  // ---- content types ------------------------------------------------------------------------

  /** Extension to Content-Type, from the "type" cases (Tornado on Debian's /etc/mime.types). */
  static final Map<String, String> CONTENT_TYPES = new LinkedHashMap<>();

  static {
    CONTENT_TYPES.put(".html", "text/html");
    CONTENT_TYPES.put(".css", "text/css");
    CONTENT_TYPES.put(".js", "text/javascript");
    CONTENT_TYPES.put(".json", "application/json");
    CONTENT_TYPES.put(".png", "image/png");
    CONTENT_TYPES.put(".jpg", "image/jpeg");
    CONTENT_TYPES.put(".svg", "image/svg+xml");
    CONTENT_TYPES.put(".txt", "text/plain");
    CONTENT_TYPES.put(".TXT", "text/plain");
    CONTENT_TYPES.put(".gz", "application/gzip");
    CONTENT_TYPES.put(".tar.gz", "application/gzip");
    CONTENT_TYPES.put(".tgz", "application/gzip");
    CONTENT_TYPES.put(".svgz", "application/gzip");
    CONTENT_TYPES.put(".bz2", "application/octet-stream");
    CONTENT_TYPES.put(".xz", "application/octet-stream");
    CONTENT_TYPES.put(".ico", "image/vnd.microsoft.icon");
    CONTENT_TYPES.put(".woff", "font/woff");
    CONTENT_TYPES.put(".woff2", "font/woff2");
    CONTENT_TYPES.put(".ttf", "font/ttf");
    CONTENT_TYPES.put(".wasm", "application/wasm");
    CONTENT_TYPES.put(".mp4", "video/mp4");
    CONTENT_TYPES.put(".xml", "application/xml");
    CONTENT_TYPES.put(".map", "application/octet-stream");
    CONTENT_TYPES.put(".md", "text/markdown");
    CONTENT_TYPES.put(".webp", "image/webp");
    CONTENT_TYPES.put(".ogg", "audio/ogg");
    CONTENT_TYPES.put(".unknownext", "application/octet-stream");
    CONTENT_TYPES.put("", "application/octet-stream");
  }

  @Test
  void contentTypeFromTheExtension() {
    List<String> wrong = new ArrayList<>();
    CONTENT_TYPES.forEach((ext, type) -> {
      HttpResponse response = fetch("/static/types/a" + ext, r -> r.method("HEAD"));
      if (response.code() != 200 || !type.equals(response.headers().get("Content-Type"))) {
        wrong.add(ext + " -> " + response.code() + " " + response.headers().get("Content-Type"));
      }
    });
    assertEquals(List.of(), wrong);
  }

  // ---- static_url and versions --------------------------------------------------------------

  @Test
  void staticUrlAddsTheContentVersion() {
    // /page in the side-by-side run; the missing file is logged once and then remembered
    String missing = root.resolve("missing.txt").toString();
    String expected = "/static/hello.txt?v=" + HELLO_VERSION + "|/static/missing.txt|http://127.0.0.1:"
        + getHttpPort() + "/static/hello.txt?v=" + HELLO_VERSION + "|/static/dir/index.html?v=" + INDEX_VERSION;
    try (ExpectLog log = new ExpectLog("jornado.general", "Could not open static file '"
        + java.util.regex.Pattern.quote(missing) + "'$")) {
      assertEquals(expected, fetch("/page").bodyAsString());
      assertEquals(1, log.matchedCount());
    }
    assertEquals(expected, fetch("/page").bodyAsString());
  }

  @Test
  void staticUrlWithoutStaticPathFails() {
    Application app = new Application(List.of(url("/page", Page.class)));
    HttpServer server = await(app.listen(0, "127.0.0.1"));
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /page");
        ExpectLog access = new ExpectLog("jornado.access", "500 GET /page")) {
      assertEquals(500, fetch("http://127.0.0.1:" + server.port() + "/page").code());
      settle();
    } finally {
      await(server.stop());
    }
  }

  @Test
  void staticHandlerClassSuppliesTheUrlAndHooks() {
    Application app = new Application(List.of(url("/page", Page.class)),
        Map.of("static_path", root.toString(), "static_handler_class", Hooks.class));
    HttpServer server = await(app.listen(0, "127.0.0.1"));
    try {
      HttpResponse file = fetch("http://127.0.0.1:" + server.port() + "/static/hello.txt");
      assertEquals("\"custom-26\"", file.headers().get("Etag"));
      assertEquals("text/x-custom", file.headers().get("Content-Type"));
      assertEquals("max-age=60", file.headers().get("Cache-Control"));
      assertFalse(HASHED_ON_LOOP.get(), "the ETag's content version was computed on the event loop");
      try (ExpectLog log = new ExpectLog("jornado.general", "Could not open static file")) {
        String page = fetch("http://127.0.0.1:" + server.port() + "/page").bodyAsString();
        assertTrue(page.startsWith("/cdn/hello.txt#custom-26|/cdn/missing.txt#none|"), page);
      }
    } finally {
      await(server.stop());
    }
  }

  @Test
  void versionsAreCachedUntilReset() throws IOException {
    Path changing = root.resolve("changing.txt");
    Files.writeString(changing, "one");
    try {
      String first = fetch("/static/changing.txt").headers().get("Etag");
      Files.writeString(changing, "two");
      HttpResponse cached = fetch("/static/changing.txt");
      assertEquals(first, cached.headers().get("Etag"));
      assertEquals("two", cached.bodyAsString());
      StaticFileHandler.reset();
      assertEquals("\"" + sha512("two") + "\"", fetch("/static/changing.txt").headers().get("Etag"));
    } finally {
      Files.delete(changing);
    }
  }

  @Test
  void withoutHashCacheEveryRequestHashesAgain() throws IOException {
    assertFalse(Settings.of(Map.of("debug", true)).staticHashCache());
    Path changing = root.resolve("uncached.txt");
    Files.writeString(changing, "one");
    Application app = new Application(List.of(), Map.of("static_path", root.toString(), "static_hash_cache", false));
    HttpServer server = await(app.listen(0, "127.0.0.1"));
    try {
      String url = "http://127.0.0.1:" + server.port() + "/static/uncached.txt";
      assertEquals("\"" + sha512("one") + "\"", fetch(url).headers().get("Etag"));
      Files.writeString(changing, "two");
      assertEquals("\"" + sha512("two") + "\"", fetch(url).headers().get("Etag"));
    } finally {
      await(server.stop());
      Files.delete(changing);
    }
  }

  // ---- bodies -------------------------------------------------------------------------------

  @Test
  void largeFileIsServedWhole() {
    // case "big": 20 MiB, Tornado's body sha1 f4f3a3b925fe91c417c0508c821757f03ca8afe0
    HttpResponse response = fetch("/static/big.bin");
    assertEquals(200, response.code());
    assertEquals(Integer.toString(BIG_SIZE), response.headers().get("Content-Length"));
    assertEquals("application/octet-stream", response.headers().get("Content-Type"));
    assertEquals("f4f3a3b925fe91c417c0508c821757f03ca8afe0", digest("SHA-1", response.body()));
    assertEquals("\"" + digest("SHA-512", response.body()) + "\"", response.headers().get("Etag"));
    // case "big range"
    HttpResponse ranged = fetch("/static/big.bin", r -> r.header("Range", "bytes=10485760-10485769"));
    assertEquals(206, ranged.code());
    assertEquals("bytes 10485760-10485769/20971520", ranged.headers().get("Content-Range"));
    assertEquals("ebecedeeeff0f1f2f3f4", HexFormat.of().formatHex(ranged.body()));
  }

  @Test
  void emptyFileIsServed() {
    // case "empty"
    HttpResponse response = fetch("/static/empty.txt");
    assertEquals(200, response.code());
    assertEquals("0", response.headers().get("Content-Length"));
    assertEquals(0, response.body().length);
  }

  @Test
  void bodyGoesThroughWriteWhenHeadersWereFlushed() {
    HttpResponse whole = fetch("/early/big.bin");
    assertEquals(200, whole.code());
    assertEquals("big.bin", whole.headers().get("X-Path"));
    assertEquals("f4f3a3b925fe91c417c0508c821757f03ca8afe0", digest("SHA-1", whole.body()));
    // The status went out with the early flush, before the range made it 206 (as in Tornado).
    HttpResponse ranged = fetch("/early/hello.txt", r -> r.header("Range", "bytes=2-4"));
    assertEquals(200, ranged.code());
    assertEquals("cde", ranged.bodyAsString());
  }

  @Test
  void concurrentFirstRequestsShareOneVersion() {
    List<Future<HttpResponse>> responses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      responses.add(getHttpClient().fetch(new HttpRequest(getUrl("/static/big.bin")), false));
    }
    String first = null;
    for (Future<HttpResponse> future : responses) {
      HttpResponse response = await(future);
      assertEquals(BIG_SIZE, response.body().length);
      String etag = response.headers().get("Etag");
      if (first == null) {
        first = etag;
      }
      assertEquals(first, etag);
    }
    assertNotEquals(null, first);
  }

  /**
   * Waits until the server's loop has finished its current task: a response can reach the client
   * before the loop writes the access-log line that follows it.
   */
  private void settle() {
    await(Future.<Void>future(done -> ioLoop().addCallback(done::complete)));
  }

  @Test
  void eventLoopsShareOneVersionComputation() {
    Application app = new Application(List.of(), Map.of("static_path", root.toString(), "static_handler_class", TwoLoops.class));
    HttpServer server = await(app.listen(0, "127.0.0.1", new ServerOptions().processes(2)));
    try {
      List<Future<HttpResponse>> responses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        responses.add(getHttpClient().fetch(new HttpRequest("http://127.0.0.1:" + server.port() + "/static/hello.txt"), false));
      }
      for (Future<HttpResponse> future : responses) {
        HttpResponse response = await(future);
        assertEquals("abcdefghijklmnopqrstuvwxyz", response.bodyAsString());
        assertEquals(HELLO_ETAG, response.headers().get("Etag"));
      }
      assertEquals(0, TwoLoops.BOTH_WAITING.getCount(), "requests reached one loop only: " + TwoLoops.LOOPS);
      assertEquals(List.of(), TwoLoops.WRONG_THREADS);
    } finally {
      await(server.stop());
    }
  }

  private static String sha512(String text) {
    return digest("SHA-512", bytes(text));
  }

  private static String digest(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
