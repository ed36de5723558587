package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class RequestHandlerTest extends AsyncHttpTestCase {
  static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

  public static class GetOnly extends RequestHandler {
    @Override
    public void prepare() {
      EVENTS.add("prepare " + request().method());
    }

    public void get() {
      write("got");
    }
  }

  public static class Args extends RequestHandler {
    public void get() {
      write(Map.of("one", getArgument("a"), "all", getArguments("a"), "query", getQueryArguments("a")));
    }

    public void post() {
      write(new JsonObject()
          .put("last", getArgument("a"))
          .put("all", getArguments("a"))
          .put("query", getQueryArgument("a", "none"))
          .put("body", getBodyArguments("a"))
          .put("unstripped", getArgument("a", null, false)));
    }
  }

  public static class Required extends RequestHandler {
    public void get() {
      write(getArgument("foo"));
    }
  }

  public static class PathArgs extends RequestHandler {
    public void get(String first, String second) {
      write(first + "|" + (second == null ? "None" : second));
    }
  }

  public static class Status extends RequestHandler {
    public void get() {
      String reason = getArgument("reason", null, false);
      setStatus(Integer.parseInt(getArgument("code")), reason);
      if (getStatus() >= 200 && getStatus() != 204 && getStatus() != 304) {
        write("status " + getStatus());
      }
    }
  }

  public static class Teapot extends RequestHandler {
    public void get() {
      throw new HttpError(418, "short and stout").reason("Teapot Time");
    }
  }

  public static class Unsafe extends RequestHandler {
    public void get() {
      try {
        setHeader("X-Bad", "a\r\nb");
        write("accepted");
      } catch (IllegalArgumentException e) {
        write(e.getMessage());
      }
    }
  }

  public static class WriteList extends RequestHandler {
    public void get() {
      try {
        write((Object) List.of(1, 2));
        write("accepted");
      } catch (IllegalArgumentException e) {
        write("refused: " + e.getMessage());
      }
    }
  }

  public static class FinishTwice extends RequestHandler {
    public void get() {
      finish("done");
      try {
        finish();
      } catch (IllegalStateException e) {
        EVENTS.add(e.getMessage());
      }
    }
  }

  public static class Redirect extends RequestHandler {
    public void get(String kind) {
      if (kind.equals("permanent")) {
        redirect("/target", true);
      } else if (kind.equals("303")) {
        redirect("/target?x=1", false, 303);
      } else {
        redirect("/target");
      }
    }
  }

  public static class Boom extends RequestHandler {
    public void get() {
      throw new IllegalStateException("kaboom");
    }
  }

  public static class Later extends RequestHandler {
    public Future<Void> get() {
      Promise<Void> done = Promise.promise();
      ioLoop().callLater(java.time.Duration.ofMillis(50), () -> {
        write("finished later");
        done.complete();
      });
      return done.future();
    }
  }

  public static class Flushing extends RequestHandler {
    public Future<Void> get() {
      write("first,");
      return flush().compose(v -> {
        write("second");
        return Future.succeededFuture();
      });
    }
  }

  public static class Json extends RequestHandler {
    public void get() {
      write(Map.of("message", "h\u00e9llo </script>"));
    }
  }

  public record Point(int x, String label) {}

  public static class Record extends RequestHandler {
    public void get() {
      write(new Point(3, "p"));
    }
  }

  public static class NoContent extends RequestHandler {
    public void get() {
      setStatus(204);
    }
  }

  public static class HeadAndGet extends RequestHandler {
    public void head() {
      write("hello");
    }
  }

  public static class Lifecycle extends RequestHandler {
    private Object configured;

    @Override
    public void initialize(Map<String, Object> kwargs) {
      configured = kwargs.get("value");
      EVENTS.add("initialize");
    }

    @Override
    public void setDefaultHeaders() {
      setHeader("X-Default", "yes");
      EVENTS.add("setDefaultHeaders");
    }

    @Override
    public void prepare() {
      EVENTS.add("prepare");
    }

    public void get() {
      EVENTS.add("get");
      write("configured " + configured);
    }

    @Override
    public void onFinish() {
      EVENTS.add("onFinish");
    }
  }

  public static class Finisher extends RequestHandler {
    @Override
    public void prepare() {
      throw new Finish("finished in prepare");
    }

    public void get() {
      write("never");
    }
  }

  @Override
  protected Application getApp() {
    EVENTS.clear();
    return new Application(List.of(
        url("/get", GetOnly.class),
        url("/args", Args.class),
        url("/required", Required.class),
        url("/path/([^/]+)(?:/([0-9]+))?", PathArgs.class),
        url("/status", Status.class),
        url("/teapot", Teapot.class),
        url("/unsafe", Unsafe.class),
        url("/list", WriteList.class),
        url("/twice", FinishTwice.class),
        url("/redirect/(\\w+)", Redirect.class),
        url("/boom", Boom.class),
        url("/later", Later.class),
        url("/flush", Flushing.class),
        url("/json", Json.class),
        url("/record", Record.class),
        url("/nocontent", NoContent.class),
        url("/lifecycle", Lifecycle.class, Map.of("value", 42)),
        url("/finisher", Finisher.class),
        url("/head", HeadAndGet.class)));
  }

  @Test
  void unknownPathGivesTornadosExact404Page() throws Exception {
    try (ExpectLog log = new ExpectLog("jornado.access", "404 GET /nowhere \\(127\\.0\\.0\\.1\\) \\d+\\.\\d\\dms")) {
      String response = RawHttp.get(getHttpPort(), "/nowhere");
      assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(response));
      assertEquals("<html><title>404: Not Found</title><body>404: Not Found</body></html>", RawHttp.body(response));
      assertTrue(RawHttp.head(response).contains("\r\nContent-Type: text/html; charset=UTF-8"), response);
      assertTrue(RawHttp.head(response).contains("\r\nContent-Length: 69"), response);
      assertTrue(RawHttp.head(response).contains("\r\nServer: JornadoServer/"), response);
      assertTrue(RawHttp.head(response).contains("\r\nDate: "), response);
    }
  }

  @Test
  void postToGetOnlyHandlerIs405WithoutAllowHeader() {
    try (ExpectLog log = new ExpectLog("jornado.access", "405 POST /get")) {
      HttpResponse response = fetch("/get", r -> r.method("POST").body("x=1"));
      assertEquals(405, response.code());
      assertEquals("<html><title>405: Method Not Allowed</title><body>405: Method Not Allowed</body></html>",
          response.bodyAsString());
      assertEquals(87, response.body().length);
      assertNull(response.headers().get("Allow"));
      assertEquals(List.of("prepare POST"), List.copyOf(EVENTS));
    }
  }

  @Test
  void headIsNotGetAndPrepareRunsBeforeThe405() {
    try (ExpectLog log = new ExpectLog("jornado.access", "405 HEAD /get")) {
      HttpResponse response = fetch("/get", r -> r.method("HEAD"));
      assertEquals(405, response.code());
      assertEquals(List.of("prepare HEAD"), List.copyOf(EVENTS));
    }
  }

  @Test
  void methodOutsideSupportedMethodsIs405BeforePrepare() throws Exception {
    try (ExpectLog log = new ExpectLog("jornado.access", "405 PROPFIND /get")) {
      String response = RawHttp.exchange(getHttpPort(),
          "PROPFIND /get HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 405 Method Not Allowed", RawHttp.statusLine(response));
      assertTrue(EVENTS.isEmpty(), EVENTS.toString());
    }
  }

  @Test
  void missingArgumentIs400WithGenericPageAndTheNameOnlyInTheLog() {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 GET /required \\(127\\.0\\.0\\.1\\): Missing argument foo$");
         ExpectLog access = new ExpectLog("jornado.access", "400 GET /required")) {
      HttpResponse response = fetch("/required");
      assertEquals(400, response.code());
      assertEquals("<html><title>400: Bad Request</title><body>400: Bad Request</body></html>", response.bodyAsString());
    }
  }

  @Test
  void lastValueWinsAndBodyComesAfterQuery() {
    HttpResponse response = fetch("/args?a=1&a=2", r -> r.method("POST")
        .header("Content-Type", "application/x-www-form-urlencoded").body("a=3&b=x"));
    assertEquals(200, response.code());
    JsonObject json = new JsonObject(response.bodyAsString());
    assertEquals("3", json.getString("last"));
    assertEquals(List.of("1", "2", "3"), json.getJsonArray("all").getList());
    assertEquals("2", json.getString("query"));
    assertEquals(List.of("3"), json.getJsonArray("body").getList());
  }

  @Test
  void controlCharactersBecomeSpacesThenValuesAreStripped() {
    HttpResponse response = fetch("/args?a=%01%20x%02y%09%20", r -> r.method("POST").body(""));
    JsonObject json = new JsonObject(response.bodyAsString());
    assertEquals("x y", json.getString("last"));
    assertEquals("  x y\t ", json.getString("unstripped"));
  }

  @Test
  void blankValuesAreKeptAndPlusIsSpace() {
    HttpResponse response = fetch("/args?a=&a=b+c%2Bd");
    JsonObject json = new JsonObject(response.bodyAsString());
    assertEquals("b c+d", json.getString("one"));
    assertEquals(List.of("", "b c+d"), json.getJsonArray("all").getList());
  }

  @Test
  void multipartBodyArguments() {
    String body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfrom multipart\r\n--XyZ--\r\n";
    HttpResponse response = fetch("/args", r -> r.method("POST")
        .header("Content-Type", "multipart/form-data; boundary=XyZ").body(body));
    assertEquals("from multipart", new JsonObject(response.bodyAsString()).getString("last"));
  }

  @Test
  void malformedMultipartBodyIs400() {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 POST /args .*: Invalid body: ");
         ExpectLog access = new ExpectLog("jornado.access", "400 POST /args")) {
      HttpResponse response = fetch("/args", r -> r.method("POST")
          .header("Content-Type", "multipart/form-data; boundary=XyZ").body("--XyZ\r\nno end"));
      assertEquals(400, response.code());
    }
  }

  @Test
  void invalidUtf8InAnArgumentIs400() {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 GET /required\\?foo=%FF .*: Invalid unicode in foo: b'\\\\xff'");
         ExpectLog access = new ExpectLog("jornado.access", "400 GET")) {
      assertEquals(400, fetch("/required?foo=%FF").code());
    }
  }

  @Test
  void encodedSlashStaysInsideItsGroup() {
    HttpResponse response = fetch("/path/a%2Fb%20c");
    assertEquals("a/b c|None", response.bodyAsString());
    assertEquals("x|7", fetch("/path/x/7").bodyAsString());
  }

  @Test
  void invalidUtf8InThePathIs400() {
    try (ExpectLog warning = new ExpectLog("jornado.general", "400 GET /path/%FF .*Invalid unicode in url: b'\\\\xff'");
         ExpectLog access = new ExpectLog("jornado.access", "400 GET /path/%FF")) {
      assertEquals(400, fetch("/path/%FF").code());
    }
  }

  @Test
  void httpErrorWithCustomReasonShowsInStatusLineAndPage() throws Exception {
    try (ExpectLog warning = new ExpectLog("jornado.general", "418 GET /teapot \\(127\\.0\\.0\\.1\\): short and stout");
         ExpectLog access = new ExpectLog("jornado.access", "418 GET /teapot")) {
      String response = RawHttp.get(getHttpPort(), "/teapot");
      assertEquals("HTTP/1.1 418 Teapot Time", RawHttp.statusLine(response));
      assertEquals("<html><title>418: Teapot Time</title><body>418: Teapot Time</body></html>", RawHttp.body(response));
    }
  }

  @Test
  void unknownCodeGetsReasonUnknown() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "599 GET")) {
      assertEquals("HTTP/1.1 599 Unknown", RawHttp.statusLine(RawHttp.get(getHttpPort(), "/status?code=599")));
    }
  }

  @Test
  void reasonWithAngleBracketOrLineBreakBecomesUnknown() throws Exception {
    assertEquals("HTTP/1.1 200 Unknown", RawHttp.statusLine(RawHttp.get(getHttpPort(), "/status?code=200&reason=%3Cb%3E")));
    assertEquals("HTTP/1.1 200 Unknown", RawHttp.statusLine(RawHttp.get(getHttpPort(), "/status?code=200&reason=a%0D%0Ab")));
    assertEquals("HTTP/1.1 200 Fine Indeed", RawHttp.statusLine(RawHttp.get(getHttpPort(), "/status?code=200&reason=Fine+Indeed")));
  }

  @Test
  void setHeaderRefusesLineBreaksNamingTheValue() {
    assertEquals("Unsafe header value 'a\\r\\nb'", fetch("/unsafe").bodyAsString());
  }

  @Test
  void writeRefusesLists() {
    String body = fetch("/list").bodyAsString();
    assertTrue(body.startsWith("refused: write() only accepts"), body);
    assertTrue(body.contains("Lists not accepted for security reasons"), body);
  }

  @Test
  void finishTwiceFails() {
    assertEquals("done", fetch("/twice").bodyAsString());
    assertEquals(List.of("finish() called twice"), List.copyOf(EVENTS));
  }

  @Test
  void redirectsAre302ByDefault301WhenPermanentOrTheGivenStatus() {
    HttpResponse temporary = fetch("/redirect/temp");
    assertEquals(302, temporary.code());
    assertEquals("/target", temporary.headers().get("Location"));
    assertEquals("", temporary.bodyAsString());
    HttpResponse permanent = fetch("/redirect/permanent");
    assertEquals(301, permanent.code());
    assertEquals("/target", permanent.headers().get("Location"));
    HttpResponse seeOther = fetch("/redirect/303");
    assertEquals(303, seeOther.code());
    assertEquals("/target?x=1", seeOther.headers().get("Location"));
  }

  @Test
  void etagIsSha1OfTheBodyAndIfNoneMatchGives304WithoutRepresentationHeaders() throws Exception {
    HttpResponse first = fetch("/get");
    String etag = first.headers().get("Etag");
    assertEquals("\"8da8d6d5a3a8ad3ab3d1ee0b0da6b6ea9cd0f5e6\"".length(), etag.length());
    assertEquals(sha1Quoted("got"), etag);
    for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
      String response = RawHttp.exchange(getHttpPort(), "GET /get HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + ifNoneMatch
          + "\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 304 Not Modified", RawHttp.statusLine(response), ifNoneMatch);
      assertFalse(RawHttp.head(response).contains("Content-Type"), response);
      assertTrue(RawHttp.head(response).contains("\r\nEtag: " + etag), response);
      assertEquals("", RawHttp.body(response));
    }
    HttpResponse miss = fetch("/get", r -> r.header("If-None-Match", "\"nope\""));
    assertEquals(200, miss.code());
  }

  private static String sha1Quoted(String text) throws Exception {
    byte[] hash = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder("\"");
    for (byte b : hash) {
      hex.append(String.format("%02x", b));
    }
    return hex.append('"').toString();
  }

  @Test
  void uncaughtExceptionIs500PageAndLogged() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /boom \\(127\\.0\\.0\\.1\\)");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /boom")) {
      HttpResponse response = fetch("/boom");
      assertEquals(500, response.code());
      assertEquals("<html><title>500: Internal Server Error</title><body>500: Internal Server Error</body></html>",
          response.bodyAsString());
      assertTrue(error.loggedStack());
    }
  }

  @Test
  void accessLogLineIsInfoBelow400() {
    try (ExpectLog access = new ExpectLog("jornado.access", "200 GET /get \\(127\\.0\\.0\\.1\\) \\d+\\.\\d\\dms$", Level.INFO)) {
      assertEquals(200, fetch("/get").code());
    }
  }

  @Test
  void accessLogLineIsErrorFrom500() {
    try (ExpectLog access = new ExpectLog("jornado.access", "500 GET /boom", Level.ERROR);
         ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception")) {
      fetch("/boom");
    }
  }

  @Test
  void futureReturningVerbFinishesWhenTheFutureCompletes() {
    long start = System.nanoTime();
    HttpResponse response = fetch("/later");
    assertEquals("finished later", response.bodyAsString());
    assertTrue(System.nanoTime() - start >= 50_000_000L, "answered before the 50 ms timer");
  }

  @Test
  void flushSwitchesToChunked() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/flush");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertTrue(RawHttp.head(response).toLowerCase().contains("transfer-encoding: chunked"), response);
    assertFalse(RawHttp.head(response).contains("Content-Length"), response);
    assertEquals("6\r\nfirst,\r\n6\r\nsecond\r\n0\r\n\r\n", RawHttp.body(response));
  }

  @Test
  void writeMapIsPythonStyleJson() {
    HttpResponse response = fetch("/json");
    assertEquals("application/json; charset=UTF-8", response.headers().get("Content-Type"));
    assertEquals("{\"message\": \"h\\u00e9llo <\\/script>\"}", response.bodyAsString());
  }

  @Test
  void writeRecordIsJson() {
    assertEquals("{\"x\": 3, \"label\": \"p\"}", fetch("/record").bodyAsString());
  }

  @Test
  void noContentHasNoBodyNoContentLengthNoContentType() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/nocontent");
    assertEquals("HTTP/1.1 204 No Content", RawHttp.statusLine(response));
    assertFalse(RawHttp.head(response).toLowerCase().contains("content-length"), response);
    assertFalse(RawHttp.head(response).contains("Content-Type"), response);
  }

  @Test
  void lifecycleRunsInTornadosOrder() {
    HttpResponse response = fetch("/lifecycle");
    assertEquals("configured 42", response.bodyAsString());
    assertEquals("yes", response.headers().get("X-Default"));
    assertEquals(List.of("setDefaultHeaders", "initialize", "prepare", "get", "onFinish"), List.copyOf(EVENTS));
  }

  @Test
  void finishThrownFromPrepareEndsTheRequestWithoutError() {
    HttpResponse response = fetch("/finisher");
    assertEquals(200, response.code());
    assertEquals("finished in prepare", response.bodyAsString());
  }

  @Test
  void headResponseHasHeadersButNoBody() throws Exception {
    String response = RawHttp.exchange(getHttpPort(), "HEAD /head HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertTrue(RawHttp.head(response).contains("\r\nContent-Length: 5"), response);
    assertEquals("", RawHttp.body(response));
  }

  @Test
  void headerNamesUseTornadosCasing() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/get");
    assertTrue(RawHttp.head(response).contains("\r\nEtag: \""), response);
    assertTrue(RawHttp.head(response).contains("\r\nContent-Length: 3"), response);
    assertTrue(RawHttp.head(response).endsWith("\r\nConnection: close"), response);
    String chunked = RawHttp.get(getHttpPort(), "/flush");
    assertTrue(RawHttp.head(chunked).endsWith("\r\nConnection: close\r\nTransfer-Encoding: chunked"), chunked);
  }
}
