package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RedirectHandler, ErrorHandler, @RemoveSlash and @AddSlash. Expected Location values are what
 * Tornado 6.2 sends for the same rules and requests.
 */
class BuiltinHandlersTest extends AsyncHttpTestCase {
  public static class RemoveSlashHandler extends RequestHandler {
    @RemoveSlash
    public void get() {
      write("get " + request().path());
    }

    @RemoveSlash
    public void post() {
      write("post " + request().path());
    }

    public void put() {
      write("put " + request().path());
    }
  }

  public static class AddSlashHandler extends RequestHandler {
    @AddSlash
    public void get() {
      write("get " + request().path());
    }

    @AddSlash
    public void head() {}

    @AddSlash
    public void post() {
      write("post " + request().path());
    }
  }

  public static class BothSlashes extends RequestHandler {
    @RemoveSlash
    @AddSlash
    public void get() {}
  }

  private static UrlSpec redirect(String pattern, String target) {
    return url(pattern, RedirectHandler.class, Map.of("url", target));
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(
        redirect("/r/plain", "/new"),
        url("/r/temp", RedirectHandler.class, Map.of("url", "/new", "permanent", false)),
        redirect("/r/pos/(.*)/(.*)", "/n/{1}/{0}"),
        redirect("/r/auto/(.*)", "/n/{}"),
        redirect("/r/named/(?P<x>.*)", "/n/{x}"),
        redirect("/r/namedidx/(?P<x>.*)", "/n/{0}"),
        redirect("/r/bad/(.*)", "/n/{1}"),
        redirect("/r/unknown/(.*)", "/n/{nope}"),
        redirect("/r/brace/(.*)", "/n/{{x}}/{0}"),
        redirect("/r/single", "/n/}"),
        redirect("/r/spec/(.*)", "/n/{0:>5}|{0!r}|{0[0]}"),
        redirect("/r/opt/(a)?", "/n/{0}"),
        redirect("/r/q", "/new?x=1&y=a b&z"),
        redirect("/r/frag", "/new#top"),
        redirect("/r/qfrag", "/new?k=v#top"),
        redirect("/r/abs", "http://example.com"),
        url("/r/nourl", RedirectHandler.class),
        url("/forbidden", ErrorHandler.class, Map.of("status_code", 403)),
        url("/rs/.*", RemoveSlashHandler.class),
        url("/rs", RemoveSlashHandler.class),
        url("/", RemoveSlashHandler.class),
        url("/as.*", AddSlashHandler.class)));
  }

  private String location(String target) throws IOException {
    String head = RawHttp.head(RawHttp.get(getHttpPort(), target));
    for (String line : head.split("\r\n")) {
      if (line.startsWith("Location: ")) {
        return RawHttp.statusLine(head).substring(9, 12) + " " + line.substring(10);
      }
    }
    return RawHttp.statusLine(head).substring(9, 12) + " (no Location)";
  }

  @Test
  void redirectHandlerIsPermanentByDefaultAndTemporaryOnRequest() throws IOException {
    assertEquals("301 /new", location("/r/plain"));
    assertEquals("302 /new", location("/r/temp"));
    HttpResponse response = fetch("/r/plain");
    assertEquals("Moved Permanently", response.reason());
    assertEquals("0", response.headers().get("Content-Length"));
  }

  @Test
  void redirectHandlerFormatsTheUrlWithThePathGroups() throws IOException {
    assertEquals("301 /n/b/a", location("/r/pos/a/b"));
    assertEquals("301 /n/a b", location("/r/auto/a%20b"));
    assertEquals("301 /n/q", location("/r/named/q"));
    assertEquals("301 /n/{x}/z", location("/r/brace/z"));
    assertEquals("301 /n/   ab|'ab'|a", location("/r/spec/ab"));
    assertEquals("301 /n/None", location("/r/opt/"));
    assertEquals("301 /n/\u00c3\u00a9//", location("/r/pos/%2F/%C3%A9"), "UTF-8 bytes, as Tornado sends them");
  }

  @Test
  void redirectHandlerAppendsTheQueryGroupedByNameAsTornadoDoes() throws IOException {
    assertEquals("301 /new?a=1&a=3&b=2", location("/r/plain?a=1&b=2&a=3"));
    assertEquals("301 /new?a=", location("/r/plain?a"));
    assertEquals("301 /new", location("/r/plain?&&"));
    assertEquals("301 /new?=x", location("/r/plain?=x"));
    assertEquals("301 /new?x=%FF", location("/r/plain?x=%FF"));
    assertEquals("301 /new?a=1%3Bb%3D2", location("/r/plain?a=1;b=2"));
    assertEquals("301 /new?a%2Fb=c+d+e&f=%C3%A9", location("/r/plain?a%2Fb=c+d%20e&f=%C3%A9"));
    // Tornado 6.2 and 6.5 re-encode a non-ASCII name's Latin-1 reading (%C3%83%C2%A9); we keep its bytes.
    assertEquals("301 /new?%C3%A9=1", location("/r/plain?%C3%A9=1"));
  }

  @Test
  void redirectHandlerMergesWithTheTargetsQueryBeforeItsFragment() throws IOException {
    assertEquals("301 /new?x=1&y=a+b&z=&a=1", location("/r/q?a=1"));
    assertEquals("301 /new?x=1&y=a b&z", location("/r/q"));
    assertEquals("301 /new?a=1#top", location("/r/frag?a=1"));
    assertEquals("301 /new?k=v&a=1#top", location("/r/qfrag?a=1"));
    assertEquals("301 http://example.com?a=1", location("/r/abs?a=1"));
  }

  @Test
  void redirectHandlerServesGetOnly() {
    for (String method : List.of("HEAD", "POST", "PUT", "OPTIONS")) {
      try (ExpectLog access = new ExpectLog("jornado.access", "405 " + method + " /r/plain")) {
        boolean sendsBody = method.equals("POST") || method.equals("PUT");
        assertEquals(405, fetch("/r/plain", r -> sendsBody ? r.method(method).body("x") : r.method(method)).code());
      }
    }
  }

  @Test
  void aUrlPythonWouldRejectIsA500NamingIt() {
    for (String path : List.of("/r/bad/q", "/r/namedidx/q", "/r/unknown/q", "/r/single")) {
      try (ExpectLog error = new ExpectLog("jornado.application", "(?s)Uncaught exception GET " + path + " .*");
           ExpectLog access = new ExpectLog("jornado.access", "500 GET " + path)) {
        HttpResponse response = fetch(path);
        assertEquals(500, response.code());
        assertEquals("<html><title>500: Internal Server Error</title><body>500: Internal Server Error</body></html>",
            response.bodyAsString());
      }
    }
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception creating handler")) {
      assertEquals(500, fetch("/r/nourl").code());
    }
  }

  @Test
  void errorHandlerAnswersEveryMethodWithItsStatus() {
    for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
      try (ExpectLog access = new ExpectLog("jornado.access", "404 " + method + " /nowhere")) {
        HttpResponse response = fetch("/nowhere",
            r -> method.equals("GET") ? r : r.method(method).body("a=1").allowNonstandardMethods(true));
        assertEquals(404, response.code());
        assertEquals("<html><title>404: Not Found</title><body>404: Not Found</body></html>", response.bodyAsString());
      }
    }
    try (ExpectLog access = new ExpectLog("jornado.access", "403 POST /forbidden")) {
      assertEquals(403, fetch("/forbidden", r -> r.method("POST").body("a=1")).code());
    }
  }

  @Test
  void removeSlashRedirectsGetAndHeadToThePathWithoutTrailingSlashes() throws IOException {
    assertEquals("301 /rs", location("/rs/"));
    assertEquals("301 /rs/a", location("/rs/a/"));
    assertEquals("301 /rs", location("/rs//"));
    assertEquals("301 /rs/a?x=1&y", location("/rs/a//?x=1&y"));
    assertEquals("200 (no Location)", location("/"));
    assertEquals("get /", fetch("/?q=1").bodyAsString());
    assertEquals("get /rs/a", fetch("/rs/a").bodyAsString());
    try (ExpectLog access = new ExpectLog("jornado.access", "405 HEAD /rs/a/")) {
      String head = RawHttp.exchange(getHttpPort(), "HEAD /rs/a/?q HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 405 Method Not Allowed", RawHttp.statusLine(head), "no head() method: HEAD is not GET");
    }
  }

  @Test
  void removeSlashGivesOtherMethods404OnASlashPathAndLeavesUndecoratedMethodsAlone() {
    for (String path : List.of("/rs/a/", "/")) {
      try (ExpectLog access = new ExpectLog("jornado.access", "404 POST " + path)) {
        assertEquals(404, fetch(path, r -> r.method("POST").body("")).code());
      }
    }
    assertEquals("post /rs/a", fetch("/rs/a", r -> r.method("POST").body("")).bodyAsString());
    assertEquals("put /rs/a/", fetch("/rs/a/", r -> r.method("PUT").body("")).bodyAsString());
  }

  @Test
  void addSlashRedirectsGetAndHeadToThePathWithASlash() throws IOException {
    assertEquals("301 /as/", location("/as"));
    assertEquals("301 /as.txt/", location("/as.txt"));
    assertEquals("301 /as/a.b/?q=1", location("/as/a.b?q=1"));
    assertEquals("get /as//", fetch("/as//").bodyAsString());
    String head = RawHttp.exchange(getHttpPort(), "HEAD /as/x?q HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals("HTTP/1.1 301 Moved Permanently", RawHttp.statusLine(head));
    assertTrue(head.contains("\r\nLocation: /as/x/?q\r\n"), head);
    try (ExpectLog access = new ExpectLog("jornado.access", "404 POST /as")) {
      assertEquals(404, fetch("/as", r -> r.method("POST").body("")).code());
    }
    assertEquals("post /as/", fetch("/as/", r -> r.method("POST").body("")).bodyAsString());
  }

  @Test
  void bothSlashAnnotationsOnOneMethodFailAtApplicationStart() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Application(List.of(url("/both", BothSlashes.class))));
    assertTrue(e.getMessage().contains("BothSlashes.get has both @RemoveSlash and @AddSlash"), e.getMessage());
  }
}
