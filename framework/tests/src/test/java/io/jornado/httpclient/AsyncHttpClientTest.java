package io.jornado.httpclient;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The client against a Jornado server: redirects, request options, gzip, callbacks and raise_error. */
class AsyncHttpClientTest extends AsyncHttpTestCase {
  private static final String LONG_TEXT = "jornado ".repeat(300);
  private static volatile CompletableFuture<Void> firstChunkSeen;

  public static class Echo extends RequestHandler {
    public void get(String n) {
      write("n=" + n);
    }
  }

  /** Answers with the method, the body and the headers the client sent. */
  public static class Method extends RequestHandler {
    public void get() {
      echo();
    }

    public void post() {
      echo();
    }

    public void put() {
      echo();
    }

    public void head() {
      setHeader("X-Method", "HEAD");
    }

    private void echo() {
      String type = request().headers().get("Content-Type");
      write(request().method() + " [" + request().bodyAsString() + "] " + (type == null ? "-" : type));
    }
  }

  /** Redirects with the status from the path to /method, whatever the method. */
  public static class RedirectWith extends RequestHandler {
    public void get(String status) {
      redirect("/method", false, Integer.valueOf(status));
    }

    public void post(String status) {
      get(status);
    }

    public void put(String status) {
      get(status);
    }

    public void head(String status) {
      get(status);
    }
  }

  /** /chain/n redirects to /chain/n-1 until 0. */
  public static class Chain extends RequestHandler {
    public void get(String n) {
      int left = Integer.parseInt(n);
      if (left > 0) {
        redirect("/chain/" + (left - 1));
      } else {
        write("chain end");
      }
    }
  }

  public static class Relative extends RequestHandler {
    public void get(String rest) {
      if (rest.equals("a/b")) {
        redirect("../c?x=1");
      } else {
        write(request().uri());
      }
    }
  }

  public static class Headers extends RequestHandler {
    public void get(String name) {
      String value = request().headers().get(name);
      write(value == null ? "-" : value);
    }
  }

  public static class LongText extends RequestHandler {
    public void get() {
      setHeader("ETag", "\"v1\"");
      write(LONG_TEXT);
    }

    public void head() {
      get();
    }
  }

  /** Writes a first chunk, then the second only once the client has seen the first. */
  public static class TwoChunks extends RequestHandler {
    public Future<Void> get() {
      write("first;");
      Context context = Vertx.currentContext();
      return flush().compose(v -> Future.fromCompletionStage(firstChunkSeen, context)).map(v -> {
        write("second");
        return null;
      });
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(
        url("/echo/(\\d+)", Echo.class),
        url("/method", Method.class),
        url("/redirect/(\\d+)", RedirectWith.class),
        url("/chain/(\\d+)", Chain.class),
        url("/rel/(.*)", Relative.class),
        url("/header/(.*)", Headers.class),
        url("/long", LongText.class),
        url("/chunks", TwoChunks.class)), Map.of("compress_response", true));
  }

  private HttpRequest request(String path) {
    return new HttpRequest(getUrl(path));
  }

  private Throwable failure(Future<?> future) {
    return await(future.transform(ar -> Future.succeededFuture(ar.cause())));
  }

  @Test
  void sequentialFetchesFromOutsideVertxReuseTheKeptAliveConnection() {
    for (int i = 0; i < 100; i++) {
      assertEquals("n=" + i, fetch("/echo/" + i).bodyAsString());
    }
  }

  @Test
  void nonSuccessStatusFailsUnlessRaiseErrorIsOff() {
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /missing", false)) {
      HttpClientError error = (HttpClientError) failure(getHttpClient().fetch(getUrl("/missing")));
      HttpResponse response = await(getHttpClient().fetch(getUrl("/missing"), false));
      assertEquals(404, response.code());
      assertEquals("HTTP 404: Not Found", response.error().orElseThrow().getMessage());
      assertEquals(404, error.code());
      assertEquals("HTTP 404: Not Found", error.getMessage());
      assertEquals(404, error.response().orElseThrow().code());
      HttpClientError rethrown = org.junit.jupiter.api.Assertions.assertThrows(HttpClientError.class,
          response::rethrow);
      assertEquals(404, rethrown.code());
    }
  }

  @Test
  void aResponseKnowsItsRequestTimingAndUrl() {
    HttpRequest request = request("/echo/7");
    Instant before = Instant.now();
    HttpResponse response = await(getHttpClient().fetch(request));
    assertEquals(200, response.code());
    assertEquals("OK", response.reason());
    assertTrue(response.error().isEmpty());
    assertTrue(response.requestTime() > 0, "requestTime " + response.requestTime());
    assertFalse(response.startTime().isBefore(before.minusMillis(1)));
    assertEquals(getUrl("/echo/7"), response.effectiveUrl());
    assertEquals(request, response.request());
  }

  @Test
  void redirectChainIsFollowedToItsEnd() {
    HttpResponse response = await(getHttpClient().fetch(request("/chain/3")));
    assertEquals(200, response.code());
    assertEquals("chain end", response.bodyAsString());
    assertEquals(getUrl("/chain/0"), response.effectiveUrl());
  }

  @Test
  void tooManyRedirectsGiveTheLastRedirectResponse() {
    HttpResponse response = await(getHttpClient().fetch(request("/chain/5").maxRedirects(2), false));
    assertEquals(302, response.code());
    assertEquals(getUrl("/chain/3"), response.effectiveUrl());
    assertEquals("/chain/2", response.headers().get("Location"));

    HttpClientError error = (HttpClientError) failure(getHttpClient().fetch(request("/chain/5").maxRedirects(2)));
    assertEquals(302, error.code());
    assertEquals("HTTP 302: Found", error.getMessage());
    assertEquals(getUrl("/chain/3"), error.response().orElseThrow().effectiveUrl());
  }

  @Test
  void redirectsAreNotFollowedWhenSwitchedOff() {
    HttpResponse response = await(getHttpClient().fetch(request("/chain/1").followRedirects(false), false));
    assertEquals(302, response.code());
    assertEquals(getUrl("/chain/1"), response.effectiveUrl());
  }

  @Test
  void postBecomesGetWithoutBodyAfter301302And303() {
    for (String status : List.of("301", "302", "303")) {
      HttpResponse response = await(getHttpClient().fetch(
          request("/redirect/" + status).method("POST").body("a=1")));
      assertEquals("GET [] -", response.bodyAsString(), status);
      assertEquals(getUrl("/method"), response.effectiveUrl());
    }
  }

  @Test
  void methodAndBodyAreKeptAfter307And308() {
    for (String status : List.of("307", "308")) {
      HttpResponse response = await(getHttpClient().fetch(
          request("/redirect/" + status).method("POST").body("a=1")));
      assertEquals("POST [a=1] application/x-www-form-urlencoded", response.bodyAsString(), status);
    }
  }

  @Test
  void putKeepsItsMethodAfter301And302ButNotAfter303() {
    assertEquals("PUT [x] -", await(getHttpClient().fetch(
        request("/redirect/302").method("PUT").body("x"))).bodyAsString());
    assertEquals("GET [] -", await(getHttpClient().fetch(
        request("/redirect/303").method("PUT").body("x"))).bodyAsString());
    HttpResponse head = await(getHttpClient().fetch(request("/redirect/303").method("HEAD")));
    assertEquals("HEAD", head.headers().get("X-Method"));
  }

  @Test
  void relativeLocationIsResolvedAgainstTheCurrentUrl() {
    HttpResponse response = await(getHttpClient().fetch(request("/rel/a/b")));
    assertEquals("/rel/c?x=1", response.bodyAsString());
    assertEquals(getUrl("/rel/c?x=1"), response.effectiveUrl());
  }

  @Test
  void userAgentDefaultsToJornadoAndCanBeSet() {
    assertEquals("Jornado/0.1", fetch("/header/User-Agent").bodyAsString());
    assertEquals("mine/2", fetch("/header/User-Agent", r -> r.userAgent("mine/2")).bodyAsString());
    assertEquals("hdr/3", fetch("/header/User-Agent", r -> r.header("User-Agent", "hdr/3")).bodyAsString());
  }

  @Test
  void basicAuthFromOptionsOrFromTheUrl() {
    String expected = "Basic " + Base64.getEncoder().encodeToString("user:pa ss".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, fetch("/header/Authorization",
        r -> r.authUsername("user").authPassword("pa ss")).bodyAsString());
    assertEquals(expected, fetch("/header/Authorization", r -> r.authUsername("user").authPassword("pa ss")
        .authMode("basic")).bodyAsString());
    String fromUrl = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
    assertEquals(fromUrl, fetch("http://u:p@127.0.0.1:" + getHttpPort() + "/header/Authorization").bodyAsString());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("solo:".getBytes(StandardCharsets.UTF_8)),
        fetch("/header/Authorization", r -> r.authUsername("solo")).bodyAsString());
  }

  @Test
  void requestsTheClientWillNotSendFailWithIllegalArgument() {
    List<HttpRequest> requests = List.of(
        request("/method").authUsername("u").authPassword("p").authMode("digest"),
        request("/method").method("POST"),
        request("/method").body("x"),
        request("/method").method("FOO"),
        new HttpRequest("ftp://127.0.0.1/x"));
    List<String> messages = List.of(
        "unsupported authMode digest",
        "Body must not be null for method POST (unless allowNonstandardMethods is true)",
        "Body must be null for method GET (unless allowNonstandardMethods is true)",
        "unknown method FOO",
        "Unsupported url scheme: ftp://127.0.0.1/x");
    for (int i = 0; i < requests.size(); i++) {
      Throwable error = failure(getHttpClient().fetch(requests.get(i), false));
      assertInstanceOf(IllegalArgumentException.class, error);
      assertEquals(messages.get(i), error.getMessage());
    }
    assertEquals("GET [x] -", await(getHttpClient().fetch(
        request("/method").body("x").allowNonstandardMethods(true))).bodyAsString());
    assertEquals("n=1", fetch("/echo/1").bodyAsString());
  }

  @Test
  void ifModifiedSinceIsSentAsAnHttpDate() {
    assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", fetch("/header/If-Modified-Since",
        r -> r.ifModifiedSince(Instant.parse("1994-11-06T08:49:37Z"))).bodyAsString());
  }

  @Test
  void expect100ContinueSendsTheBodyAfterTheServerAgrees() {
    assertEquals("100-continue", fetch("/header/Expect", r -> r.expect100Continue(true)).bodyAsString());
    assertEquals("POST [late body] application/x-www-form-urlencoded", fetch("/method",
        r -> r.method("POST").body("late body").expect100Continue(true)).bodyAsString());
  }

  @Test
  void gzipAnswersAreInflatedByDefault() {
    assertEquals("gzip", fetch("/header/Accept-Encoding").bodyAsString());
    HttpResponse response = fetch("/long");
    assertEquals(LONG_TEXT, response.bodyAsString());
    assertFalse(response.headers().contains("Content-Encoding"));
    assertEquals("gzip", response.headers().get("X-Consumed-Content-Encoding"));
  }

  @Test
  void aHeadAnswerNamingGzipHasAnEmptyBody() {
    HttpResponse head = fetch("/long", r -> r.method("HEAD"));
    assertEquals(200, head.code());
    assertEquals("gzip", head.headers().get("X-Consumed-Content-Encoding"));
    assertEquals("", head.bodyAsString());
  }

  @Test
  void decompressResponseOffLeavesTheGzipBytes() throws IOException {
    assertEquals("-", fetch("/header/Accept-Encoding", r -> r.decompressResponse(false)).bodyAsString());
    HttpResponse response = fetch("/long", r -> r.decompressResponse(false).header("Accept-Encoding", "gzip"));
    assertEquals("gzip", response.headers().get("Content-Encoding"));
    assertFalse(response.headers().contains("X-Consumed-Content-Encoding"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertArrayEquals(LONG_TEXT.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
    }
  }

  @Test
  void streamingCallbackGetsTheChunksAndTheBodyStaysEmpty() {
    firstChunkSeen = new CompletableFuture<>();
    List<String> chunks = new ArrayList<>();
    HttpResponse response = fetch("/chunks", r -> r.streamingCallback((Buffer chunk) -> {
      chunks.add(chunk.toString(StandardCharsets.UTF_8));
      firstChunkSeen.complete(null);
    }));
    assertEquals(200, response.code());
    assertEquals(0, response.body().length);
    assertEquals("first;", chunks.get(0));
    assertEquals("first;second", String.join("", chunks));
    assertTrue(chunks.size() >= 2, chunks.toString());
  }

  @Test
  void streamingCallbackGetsInflatedChunks() {
    StringBuilder streamed = new StringBuilder();
    HttpResponse response = fetch("/long", r -> r.streamingCallback(
        (Buffer chunk) -> streamed.append(chunk.toString(StandardCharsets.UTF_8))));
    assertEquals(LONG_TEXT, streamed.toString());
    assertEquals("", response.bodyAsString());
  }

  @Test
  void headerCallbackGetsTheStatusLineEachHeaderAndABlankLine() {
    List<String> lines = new ArrayList<>();
    HttpResponse response = fetch("/long", r -> r.decompressResponse(false).headerCallback(lines::add));
    assertEquals("HTTP/1.1 200 OK\r\n", lines.get(0));
    assertEquals("\r\n", lines.get(lines.size() - 1));
    assertTrue(lines.contains("Content-Type: text/html; charset=UTF-8\r\n"), lines.toString());
    assertTrue(lines.contains("Etag: \"v1\"\r\n"), lines.toString());
    assertEquals(response.headers().size() + 2, lines.size(), lines.toString());
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertTrue(line.endsWith("\r\n") && line.indexOf(": ") > 0, line);
    }
  }

  @Test
  void headerCallbackSkipsFollowedRedirects() {
    List<String> lines = new ArrayList<>();
    fetch("/chain/2", r -> r.followRedirects(true).headerCallback(lines::add));
    assertEquals(List.of("HTTP/1.1 200 OK\r\n"), lines.subList(0, 1));
    assertEquals(1, lines.stream().filter(l -> l.startsWith("HTTP/")).count(), lines.toString());
  }

  @Test
  void aFailingCallbackFailsTheFetchWithItsException() {
    IllegalStateException thrown = new IllegalStateException("callback broke");
    Throwable error = failure(getHttpClient().fetch(request("/long").streamingCallback(chunk -> {
      throw thrown;
    }), false));
    assertEquals(thrown, error);
    assertEquals("n=2", fetch("/echo/2").bodyAsString());
  }

  @Test
  void bufferAndBytesBodies() {
    assertEquals("POST [buf] application/x-www-form-urlencoded", await(getHttpClient().fetch(
        request("/method").method("POST").body(Buffer.buffer("buf")))).bodyAsString());
    assertEquals("PUT [bytes] text/plain", await(getHttpClient().fetch(request("/method").method("PUT")
        .header("Content-Type", "text/plain").body("bytes".getBytes(StandardCharsets.UTF_8)))).bodyAsString());
  }

  @Test
  void fetchFromTheClientsOwnLoopCompletesOnIt() {
    Promise<String> seen = Promise.promise();
    ioLoop().context().runOnContext(v -> getHttpClient().fetch(getUrl("/echo/3")).onComplete(ar -> {
      if (Vertx.currentContext() == ioLoop().context() && ar.succeeded()) {
        seen.complete(ar.result().bodyAsString());
      } else {
        seen.fail(ar.failed() ? ar.cause() : new AssertionError("completed off the loop"));
      }
    }));
    assertNotNull(await(seen.future()));
    assertEquals("n=3", await(seen.future()));
  }
}
