package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationTest extends AsyncHttpTestCase {
  public static class Named extends RequestHandler {
    private String label;

    @Override
    public void initialize(Map<String, Object> kwargs) {
      label = (String) kwargs.getOrDefault("label", "default");
    }

    public void get(String... args) {
      write(label + ":" + String.join(",", args) + ":" + pathKwargs());
    }
  }

  public static class Fallback extends RequestHandler {
    @Override
    public void initialize(Map<String, Object> kwargs) {
      setStatus(404);
    }

    @Override
    public void prepare() {
      finish("custom fallback");
    }
  }

  public static class TwoArgs extends RequestHandler {
    public void get(String one, String two) {}
  }

  public static class Async extends RequestHandler {
    public Future<String> get() {
      write("async");
      return Future.succeededFuture("ignored");
    }
  }

  @Override
  protected Application getApp() {
    Application app = new Application(List.of(
        url("/story/([0-9]+)", Named.class, Map.of("label", "story"), "story"),
        url("/user/(?P<user_name>[a-z]+)/(?P<tab>\\w+)", Named.class, Map.of("label", "user"), "user"),
        url("/files/(.*)", Named.class, Map.of("label", "files"), "files"),
        url("/async", Async.class),
        url("/shared", Named.class, Map.of("label", "wildcard"))));
    app.addHandlers("www\\.example\\.com", List.of(url("/only-www", Named.class, Map.of("label", "www"))));
    app.addHandlers(".*\\.example\\.com", List.of(url("/shared", Named.class, Map.of("label", "any-example"))));
    return app;
  }

  @Test
  void positionalGroupsArePassedInOrder() {
    assertEquals("story:42:{}", fetch("/story/42").bodyAsString());
  }

  @Test
  void namedGroupsInPythonSyntaxArePassedAndKeptByName() {
    assertEquals("user:bob,posts:{user_name=bob, tab=posts}", fetch("/user/bob/posts").bodyAsString());
  }

  @Test
  void patternsMatchTheWholePathOnly() {
    try (ExpectLog access = new ExpectLog("jornado.access", "404")) {
      assertEquals(404, fetch("/story/42/extra").code());
      assertEquals(404, fetch("/prefix/story/42").code());
    }
  }

  @Test
  void absoluteFormTargetIsNotNormalised() throws Exception {
    try (ExpectLog access = new ExpectLog("jornado.access", "404")) {
      String response = RawHttp.exchange(getHttpPort(),
          "GET http://127.0.0.1/story/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(response));
    }
  }

  @Test
  void hostRulesComeFirstAndFallThroughWhenNoPathMatches() throws Exception {
    assertEquals("www::{}", RawHttp.body(hostGet("/only-www", "www.example.com")));
    assertEquals("www::{}", RawHttp.body(hostGet("/only-www", "WWW.Example.COM:8080")));
    assertEquals("any-example::{}", RawHttp.body(hostGet("/shared", "www.example.com")));
    assertEquals("wildcard::{}", RawHttp.body(hostGet("/shared", "other.org")));
    assertEquals("story:7:{}", RawHttp.body(hostGet("/story/7", "www.example.com")));
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /only-www")) {
      assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(hostGet("/only-www", "other.org")));
    }
  }

  private String hostGet(String path, String host) throws Exception {
    return RawHttp.exchange(getHttpPort(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  @Test
  void reverseUrlKeepsSlashesAndEscapesSpaces() {
    Application app = getApp();
    assertEquals("/story/42", app.reverseUrl("story", 42));
    assertEquals("/files/a/b%20c%3Fd", app.reverseUrl("files", "a/b c?d"));
    assertEquals("/user/ann/about", app.reverseUrl("user", "ann", "about"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> app.reverseUrl("nope"));
    assertEquals("nope not found in named urls", missing.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> app.reverseUrl("story"));
    assertTrue(count.getMessage().startsWith("required number of arguments not found"), count.getMessage());
  }

  @Test
  void reverseUrlRefusesPatternsTooComplexToReverse() {
    Application app = new Application(List.of(url("/(?:a|b)/(\\d+)", Named.class, Map.of(), "complex")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.reverseUrl("complex", 1));
    assertEquals("Cannot reverse url regex /(?:a|b)/(\\d+)", e.getMessage());
  }

  @Test
  void verbArityIsCheckedAtStartNamingClassMethodAndPattern() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Application(List.of(url("/one/([0-9]+)", TwoArgs.class))));
    assertEquals("Handler method " + TwoArgs.class.getName() + ".get(2 String) takes 2 path argument(s) but pattern "
        + "'/one/([0-9]+)' has 1 group(s)", e.getMessage());
  }

  @Test
  void defaultHandlerClassServesUnmatchedRequests() throws Exception {
    Application app = new Application(List.of(), Map.of("default_handler_class", Fallback.class));
    var server = await(app.listen(0, "127.0.0.1"));
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /anything")) {
      String response = RawHttp.get(server.port(), "/anything");
      assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(response));
      assertEquals("custom fallback", RawHttp.body(response));
    } finally {
      await(server.stop());
    }
  }

  @Test
  void supplierRulesMakeOneHandlerPerRequest() throws Exception {
    int[] made = {0};
    Application app = new Application(List.of(url("/s", () -> {
      made[0]++;
      return new Named();
    })));
    var server = await(app.listen(0, "127.0.0.1"));
    try {
      int before = made[0];
      assertEquals("default::{}", RawHttp.body(RawHttp.get(server.port(), "/s")));
      assertEquals("default::{}", RawHttp.body(RawHttp.get(server.port(), "/s")));
      assertEquals(before + 2, made[0]);
    } finally {
      await(server.stop());
    }
  }

  @Test
  void futureOfAnyTypeFinishesTheRequest() {
    HttpResponse response = fetch("/async");
    assertEquals("async", response.bodyAsString());
  }

  @Test
  void logFunctionReplacesTheAccessLog() throws Exception {
    java.util.concurrent.CompletableFuture<String> logged = new java.util.concurrent.CompletableFuture<>();
    java.util.function.Consumer<RequestHandler> logFunction =
        h -> logged.complete(h.getStatus() + " " + h.requestSummary());
    Application app = new Application(List.of(url("/x", Named.class)), Map.of("log_function", logFunction));
    var server = await(app.listen(0, "127.0.0.1"));
    try {
      RawHttp.get(server.port(), "/nope");
      assertEquals("404 GET /nope (127.0.0.1)", logged.get(5, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      await(server.stop());
    }
  }

  @io.jornado.testing.GenTest
  Future<Void> asynchronousFetchInsideTheLoop() {
    return getHttpClient().fetch(getUrl("/story/5")).map(response -> {
      assertEquals("story:5:{}", response.bodyAsString());
      return null;
    });
  }

  @Test
  void settingsKeepUnknownKeysAndDebugImpliesServeTraceback() {
    Settings settings = Settings.of(Map.of("debug", true, "my_key", "mine"));
    assertTrue(settings.serveTraceback());
    assertEquals("mine", settings.get("my_key", ""));
    assertEquals(false, settings.get("compiled_template_cache", true));
    Settings explicit = Settings.of(Map.of("debug", true, "serve_traceback", false));
    assertEquals(false, explicit.serveTraceback());
  }
}
