package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Set-Cookie values and Cookie parsing compared with Tornado 6.2: each expected string below was
 * captured from a Tornado 6.2 server making the Python call named beside it.
 */
class CookieTest extends AsyncHttpTestCase {
  /** Cleartext HTTP/2 (off by default) for the HTTP/2 cookie test. */
  @Override
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions().vertxOptions(new HttpServerOptions().setHttp2ClearTextEnabled(true));
  }

  /** datetime.datetime(2030, 1, 2, 3, 4, 5) in the Tornado script. */
  static final Instant FIXED = Instant.parse("2030-01-02T03:04:05Z");
  static final String FIXED_TEXT = "Wed, 02 Jan 2030 03:04:05 GMT";
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  static final Map<String, Consumer<RequestHandler>> CALLS = new LinkedHashMap<>();
  static final Map<String, List<String>> TORNADO = new LinkedHashMap<>();

  static void sends(String name, Consumer<RequestHandler> call, String... setCookies) {
    CALLS.put(name, call);
    TORNADO.put(name, List.of(setCookies));
  }

  static {
    // set_cookie("a", "b")
    sends("plain", h -> h.setCookie("a", "b"), "a=b; Path=/");
    // set_cookie("a", "b", domain="example.com", expires=FIXED, path="/p", max_age=3600, httponly=True,
    //            secure=True, samesite="Lax")
    sends("all", h -> h.setCookie("a", "b", new CookieOptions().domain("example.com").expires(FIXED).path("/p")
            .maxAge(3600).httpOnly(true).secure(true).sameSite("Lax")),
        "a=b; Domain=example.com; expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; Max-Age=3600; Path=/p; SameSite=Lax; Secure");
    // set_cookie("a", "b", expires=FIXED)
    sends("expires", h -> h.setCookie("a", "b", new CookieOptions().expires(FIXED)),
        "a=b; expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/");
    // set_cookie("a", "b", expires=1893553445.9)
    sends("expiresFraction", h -> h.setCookie("a", "b", new CookieOptions().expires(FIXED.plusMillis(900))),
        "a=b; expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/");
    // set_cookie("a", "b", expires=datetime(2030, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2))))
    sends("expiresZoned", h -> h.setCookie("a", "b", new CookieOptions()
            .expires(ZonedDateTime.of(2030, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)))),
        "a=b; expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/");
    // set_cookie("a", "b", expires=FIXED, expires_days=5)
    sends("expiresWinsOverDays", h -> h.setCookie("a", "b", new CookieOptions().expiresDays(5).expires(FIXED)),
        "a=b; expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/");
    // set_cookie("a", "b", domain="example.com")
    sends("domain", h -> h.setCookie("a", "b", new CookieOptions().domain("example.com")), "a=b; Domain=example.com; Path=/");
    // set_cookie("a", "b", domain="")
    sends("emptyDomain", h -> h.setCookie("a", "b", new CookieOptions().domain("")), "a=b; Path=/");
    // set_cookie("a", "b", path="/sub/dir")
    sends("path", h -> h.setCookie("a", "b", new CookieOptions().path("/sub/dir")), "a=b; Path=/sub/dir");
    // set_cookie("a", "b", path=None)
    sends("noPath", h -> h.setCookie("a", "b", new CookieOptions().path(null)), "a=b");
    // set_cookie("a", "b", path="")
    sends("emptyPath", h -> h.setCookie("a", "b", new CookieOptions().path("")), "a=b");
    // set_cookie("a", "b", max_age=60)
    sends("maxAge", h -> h.setCookie("a", "b", new CookieOptions().maxAge(60)), "a=b; Max-Age=60; Path=/");
    // set_cookie("a", "b", max_age=0): Tornado 6.2 sends "Max-Age=0"; 6.3+ drops it (`if max_age:`), as we do
    sends("maxAgeZero", h -> h.setCookie("a", "b", new CookieOptions().maxAge(0)), "a=b; Path=/");
    // set_cookie("a", "b", max_age=-1)
    sends("maxAgeNegative", h -> h.setCookie("a", "b", new CookieOptions().maxAge(-1)), "a=b; Max-Age=-1; Path=/");
    // set_cookie("a", "b", httponly=True)
    sends("httpOnly", h -> h.setCookie("a", "b", new CookieOptions().httpOnly(true)), "a=b; HttpOnly; Path=/");
    // set_cookie("a", "b", secure=True)
    sends("secure", h -> h.setCookie("a", "b", new CookieOptions().secure(true)), "a=b; Path=/; Secure");
    // set_cookie("a", "b", httponly=False, secure=False)
    sends("falseFlags", h -> h.setCookie("a", "b", new CookieOptions().httpOnly(false).secure(false)), "a=b; Path=/");
    // set_cookie("a", "b", samesite="Lax") / "Strict" / samesite="None", secure=True
    sends("sameSiteLax", h -> h.setCookie("a", "b", new CookieOptions().sameSite("Lax")), "a=b; Path=/; SameSite=Lax");
    sends("sameSiteStrict", h -> h.setCookie("a", "b", new CookieOptions().sameSite("Strict")), "a=b; Path=/; SameSite=Strict");
    sends("sameSiteNone", h -> h.setCookie("a", "b", new CookieOptions().sameSite("None").secure(true)),
        "a=b; Path=/; SameSite=None; Secure");
    // set_cookie("a", "")
    sends("emptyValue", h -> h.setCookie("a", ""), "a=\"\"; Path=/");
    // set_cookie("a", "a=b"), "x;y", "x,y", 'q"t', "b\\s", "a:b"
    sends("equals", h -> h.setCookie("a", "a=b"), "a=\"a=b\"; Path=/");
    sends("semicolon", h -> h.setCookie("a", "x;y"), "a=\"x\\073y\"; Path=/");
    sends("comma", h -> h.setCookie("a", "x,y"), "a=\"x\\054y\"; Path=/");
    sends("quote", h -> h.setCookie("a", "q\"t"), "a=\"q\\\"t\"; Path=/");
    sends("backslash", h -> h.setCookie("a", "b\\s"), "a=\"b\\\\s\"; Path=/");
    sends("colon", h -> h.setCookie("a", "a:b"), "a=a:b; Path=/");
    // set_cookie("a", "!#$%&'*+-.^_`|~:09azAZ")
    sends("legal", h -> h.setCookie("a", "!#$%&'*+-.^_`|~:09azAZ"), "a=!#$%&'*+-.^_`|~:09azAZ; Path=/");
    // set_cookie("a", "()/<=>?@[]{}")
    sends("unescaped", h -> h.setCookie("a", "()/<=>?@[]{}"), "a=\"()/<=>?@[]{}\"; Path=/");
    // set_cookie("a", "x\x7fy"), set_cookie("a", "\x7f")
    sends("delete", h -> h.setCookie("a", "x\u007fy"), "a=\"x\\177y\"; Path=/");
    sends("deleteOnly", h -> h.setCookie("a", "\u007f"), "a=\"\\177\"; Path=/");
    // set_cookie("a", "caf\u00e9")
    sends("latin1", h -> h.setCookie("a", "caf\u00e9"), "a=\"caf\\351\"; Path=/");
    // set_cookie("!#$%&'*+-.^_`|~:", "v")
    sends("legalName", h -> h.setCookie("!#$%&'*+-.^_`|~:", "v"), "!#$%&'*+-.^_`|~:=v; Path=/");
    // set_cookie("session", "2|1:0|10:1300000000|3:key|8:dmFsdWU=|3d4e") (a signed value's shape)
    sends("signedShape", h -> h.setCookie("session", "2|1:0|10:1300000000|3:key|8:dmFsdWU=|3d4e"),
        "session=\"2|1:0|10:1300000000|3:key|8:dmFsdWU=|3d4e\"; Path=/");
    // set_cookie("a", "1"); set_cookie("b", "2"); set_cookie("c", "3")
    sends("several", h -> {
      h.setCookie("a", "1");
      h.setCookie("b", "2");
      h.setCookie("c", "3");
    }, "a=1; Path=/", "b=2; Path=/", "c=3; Path=/");
    // set_cookie("a", "1", path="/x"); set_cookie("b", "2"); set_cookie("a", "3")
    sends("replace", h -> {
      h.setCookie("a", "1", new CookieOptions().path("/x"));
      h.setCookie("b", "2");
      h.setCookie("a", "3");
    }, "b=2; Path=/", "a=3; Path=/");
  }

  public static class SetCookies extends RequestHandler {
    public void get(String name) {
      CALLS.get(name).accept(this);
      write("ok");
    }
  }

  public static class ExpiringCookies extends RequestHandler {
    public void get(String kind) {
      switch (kind) {
        case "days" -> setCookie("a", "b", new CookieOptions().expiresDays(1));
        case "halfDay" -> setCookie("a", "b", new CookieOptions().expiresDays(0.5));
        case "zeroDays" -> setCookie("a", "b", new CookieOptions().expiresDays(0));
        case "negativeDays" -> setCookie("a", "b", new CookieOptions().expiresDays(-1));
        case "clear" -> clearCookie("a");
        case "clearPathDomain" -> clearCookie("a", new CookieOptions().path("/p").domain("example.com"));
        case "setThenClear" -> {
          setCookie("a", "1");
          clearCookie("a");
        }
        default -> throw new HttpError(404);
      }
    }
  }

  /** Writes the IllegalArgumentException message setCookie gives for the name and value arguments. */
  public static class Refused extends RequestHandler {
    public void get() {
      try {
        setCookie(raw("name", "a"), raw("value", "v"), new CookieOptions().path(raw("path", "/")).sameSite(raw("samesite", null)));
        write("accepted");
      } catch (IllegalArgumentException e) {
        write(e.getMessage());
      }
    }

    private String raw(String name, String defaultValue) {
      List<String> values = request().queryArguments().get(name);
      return values == null ? defaultValue : values.get(0);
    }
  }

  public static class ClearWithExpiry extends RequestHandler {
    public void get() {
      try {
        clearCookie("a", new CookieOptions().maxAge(5));
        write("accepted");
      } catch (IllegalArgumentException e) {
        write(e.getMessage());
      }
    }
  }

  public static class ErrorAfterCookie extends RequestHandler {
    public void get() {
      setCookie("a", "b");
      throw new HttpError(403);
    }
  }

  public static class RedirectAfterCookie extends RequestHandler {
    public void get() {
      setCookie("a", "b");
      redirect("/elsewhere");
    }
  }

  public static class CookieAfterFlush extends RequestHandler {
    public Future<Void> get() {
      setCookie("a", "1");
      write("x");
      return flush().map(v -> {
        setCookie("b", "2");
        write("y");
        return null;
      });
    }
  }

  public static class Echo extends RequestHandler {
    public void get() {
      write(new JsonObject().put("cookies", new JsonObject(new LinkedHashMap<>(cookies())))
          .put("get_a", getCookie("a", "<none>")));
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(
        url("/set/(\\w+)", SetCookies.class),
        url("/expiring/(\\w+)", ExpiringCookies.class),
        url("/refused", Refused.class),
        url("/clear-with-expiry", ClearWithExpiry.class),
        url("/error", ErrorAfterCookie.class),
        url("/redirect", RedirectAfterCookie.class),
        url("/flush", CookieAfterFlush.class),
        url("/echo", Echo.class),
        url("/ws", CookieSocket.class)));
  }

  /** Sets a cookie in prepare() before the handshake, as a session-issuing socket would. */
  public static class CookieSocket extends io.jornado.websocket.WebSocketHandler {
    @Override
    public void prepare() {
      setCookie("session", "s1");
    }
  }

  @Test
  void webSocketHandshakeCarriesCookiesSetInPrepare() throws Exception {
    // Tornado 6.2 answers this handshake with "Set-Cookie: session=s1; Path=/" on its 101.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", getHttpPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      java.io.InputStream in = socket.getInputStream();
      while (head.indexOf("\r\n\r\n") < 0) {
        int b = in.read();
        assertTrue(b >= 0, "closed before the end of the handshake: " + head);
        head.append((char) b);
      }
      assertTrue(head.toString().startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head.toString());
      assertTrue(head.toString().contains("\r\nSet-Cookie: session=s1; Path=/\r\n"), head.toString());
    }
  }

  private List<String> setCookies(String path) {
    return fetch(path, r -> r.followRedirects(false)).headers().getAll("Set-Cookie");
  }

  @Test
  void setCookieSendsWhatTornadoSends() {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (String name : CALLS.keySet()) {
      sent.put(name, setCookies("/set/" + name));
    }
    assertEquals(TORNADO, sent);
  }

  @Test
  void setCookieHeaderLineOnTheWire() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/set/semicolon");
    assertTrue(RawHttp.head(response).contains("\r\nSet-Cookie: a=\"x\\073y\"; Path=/\r\n"), response);
  }

  @Test
  void expiresDaysIsCountedFromNow() {
    assertExpiresAbout("days", "a=b; expires=", "; Path=/", Duration.ofDays(1));
    assertExpiresAbout("halfDay", "a=b; expires=", "; Path=/", Duration.ofHours(12));
    assertExpiresAbout("zeroDays", "a=b; expires=", "; Path=/", Duration.ZERO);
    assertExpiresAbout("negativeDays", "a=b; expires=", "; Path=/", Duration.ofDays(-1));
  }

  @Test
  void clearCookieSendsAnEmptyValueExpiredAYearAgo() {
    // clear_cookie("a") gave 'a=""; expires=Wed, 26 Nov 2025 13:37:24 GMT; Path=/' on 26 Nov 2026
    assertExpiresAbout("clear", "a=\"\"; expires=", "; Path=/", Duration.ofDays(-365));
    // clear_cookie("a", path="/p", domain="example.com")
    assertExpiresAbout("clearPathDomain", "a=\"\"; Domain=example.com; expires=", "; Path=/p", Duration.ofDays(-365));
    // set_cookie("a", "1"); clear_cookie("a") sends only the clearing cookie
    assertExpiresAbout("setThenClear", "a=\"\"; expires=", "; Path=/", Duration.ofDays(-365));
  }

  private void assertExpiresAbout(String kind, String prefix, String suffix, Duration fromNow) {
    Instant expected = Instant.now().plus(fromNow);
    List<String> sent = setCookies("/expiring/" + kind);
    assertEquals(1, sent.size(), sent.toString());
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "(.+ GMT)" + Pattern.quote(suffix)).matcher(sent.get(0));
    assertTrue(m.matches(), sent.get(0));
    Instant expires = Instant.from(HTTP_DATE.parse(m.group(1)));
    assertEquals(m.group(1), HTTP_DATE.format(expires));
    assertTrue(Duration.between(expected, expires).abs().compareTo(Duration.ofMinutes(1)) < 0, sent.get(0));
  }

  @Test
  void namesAndValuesTornadoRefusesRaiseIllegalArgumentExceptionNamingThem() {
    // Tornado: ValueError("Invalid cookie %r: %r") for [\x00-\x20] in name or value; CookieError for the rest
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("name=a%20b", "Invalid cookie 'a b': 'v'");
    refused.put("value=x%20y", "Invalid cookie 'a': 'x y'");
    refused.put("value=x%0Ay", "Invalid cookie 'a': 'x\\ny'");
    refused.put("value=x%09y", "Invalid cookie 'a': 'x\\ty'");
    refused.put("value=x%00y", "Invalid cookie 'a': 'x\\x00y'");
    refused.put("name=a%3Bb", "Invalid cookie name 'a;b'");
    refused.put("name=a%3Db", "Invalid cookie name 'a=b'");
    refused.put("name=a,b", "Invalid cookie name 'a,b'");
    refused.put("name=", "Invalid cookie name ''");
    refused.put("name=a%22", "Invalid cookie name 'a\"'");
    refused.put("name=caf%C3%A9", "Invalid cookie name 'café'");
    refused.put("name=a/b", "Invalid cookie name 'a/b'");
    refused.put("name=a[b", "Invalid cookie name 'a[b'");
    refused.put("name=path", "Invalid cookie name 'path': it is a reserved attribute name");
    refused.put("name=Expires", "Invalid cookie name 'Expires': it is a reserved attribute name");
    refused.put("name=SameSite", "Invalid cookie name 'SameSite': it is a reserved attribute name");
    refused.put("name=max-age", "Invalid cookie name 'max-age': it is a reserved attribute name");
    // Tornado accepts these and then fails while writing the headers (the connection drops); we refuse early.
    refused.put("value=%E2%82%AC", "Invalid cookie value '€': characters above \\xff cannot go in a header");
    refused.put("path=/%0D%0AX:1", "Invalid cookie path '/\\r\\nX:1'");
    refused.put("samesite=Lax%0A", "Invalid cookie sameSite 'Lax\\n'");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      String answer = fetch("/refused?" + e.getKey()).bodyAsString();
      assertTrue(answer.startsWith(e.getValue()), e.getKey() + " -> " + answer);
    }
    assertEquals("accepted", fetch("/refused?value=%7F").bodyAsString());
  }

  @Test
  void clearCookieRefusesAnExpiry() {
    assertEquals("clearCookie() sets its own expiry; its options must not carry expires or maxAge",
        fetch("/clear-with-expiry").bodyAsString());
  }

  @Test
  void cookiesSurviveAnErrorPageAndARedirect() {
    try (ExpectLog log = new ExpectLog("jornado.access", "403 GET /error")) {
      HttpResponse error = fetch("/error");
      assertEquals(403, error.code());
      assertEquals(List.of("a=b; Path=/"), error.headers().getAll("Set-Cookie"));
    }
    HttpResponse redirect = fetch("/redirect", r -> r.followRedirects(false));
    assertEquals(302, redirect.code());
    assertEquals(List.of("a=b; Path=/"), redirect.headers().getAll("Set-Cookie"));
  }

  @Test
  void cookieSetAfterTheHeadersWentOutIsDropped() {
    HttpResponse response = fetch("/flush");
    assertEquals("xy", response.bodyAsString());
    assertEquals(List.of("a=1; Path=/"), response.headers().getAll("Set-Cookie"));
  }

  @Test
  void cookieHeaderIsParsedAsTornadoParsesIt() {
    // Cookie header -> (request.cookies as {name: morsel.value}, get_cookie("a", "<none>")) from Tornado 6.2
    Map<String, String> tornado = new LinkedHashMap<>();
    tornado.put("a=1; b=\"quoted\\073value\"; =noname", "{'a': '1', 'b': 'quoted;value'} 1");
    tornado.put("a=\"x\\073y\"", "{'a': 'x;y'} x;y");
    tornado.put("a=x\\073y", "{'a': 'x\\073y'} x\\073y");
    tornado.put("a=\"\\\"q\\\"\"", "{'a': '\"q\"'} \"q\"");
    tornado.put("a=\"\"", "{'a': ''} ");
    tornado.put("a=\"", "{'a': '\"'} \"");
    tornado.put("a=\"\\351\"", "{'a': 'é'} é");
    tornado.put("a=\"\\400\"", "{'a': '400'} 400");
    tornado.put("a=\"\\x\"", "{'a': 'x'} x");
    tornado.put("a=\"ab\\\"", "{'a': 'ab\\'} ab\\");
    tornado.put("a=1; a=2", "{'a': '2'} 2");
    tornado.put(" a = 1 ; b=2 ;", "{'a': '1', 'b': '2'} 1");
    tornado.put("=x; b=1", "{'b': '1'} <none>");
    tornado.put("x; b=1", "{'b': '1'} <none>");
    tornado.put("path=1; Expires=2; a=3", "{'a': '3'} 3");
    tornado.put("a b=1; c=2", "{'c': '2'} <none>");
    tornado.put("a=1,b=2", "{'a': '1,b=2'} 1,b=2");
    tornado.put("a=1=2", "{'a': '1=2'} 1=2");
    tornado.put("a=caf\\351", "{'a': 'caf\\351'} caf\\351");
    tornado.put("a=\"a;b\"; c=d", "{'a': '\"a', 'c': 'd'} \"a");
    tornado.put(";;a=1;;", "{'a': '1'} 1");
    tornado.put("a", "{} <none>");
    tornado.put("a=1; A=2", "{'a': '1', 'A': '2'} 1");
    tornado.put("a=\"x\"y\"", "{'a': 'x\"y'} x\"y");
    tornado.put("a= \"x\" ", "{'a': 'x'} x");
    tornado.put("$Version=1; a=1", "{'$Version': '1', 'a': '1'} 1");
    tornado.put("a[b]=1; c=2", "{'c': '2'} <none>");
    tornado.put("a:b=1", "{'a:b': '1'} <none>");
    Map<String, String> ours = new LinkedHashMap<>();
    for (String header : tornado.keySet()) {
      ours.put(header, describe(fetch("/echo", r -> r.header("Cookie", header))));
    }
    assertEquals(tornado, ours);
  }

  @Test
  void severalCookieLinesAreJoinedWithCommasAsTornadoDoes() {
    // Tornado 6.2 answers {'a': '1,b=2'} to "Cookie: a=1" + "Cookie: b=2"
    assertEquals("{'a': '1,b=2'} 1,b=2", describe(fetch("/echo", r -> r.header("Cookie", "a=1").header("Cookie", "b=2"))));
  }

  /** Vert.x joins HTTP/2 cookie fields with "; " itself (seen with curl --http2-prior-knowledge too). */
  @Test
  void http2CookieFieldsAreReadAsOneCookieHeader() {
    HttpClient client = ioLoop().vertx().createHttpClient(
        new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    try {
      String body = await(client.request(HttpMethod.GET, getHttpPort(), "127.0.0.1", "/echo").compose(request -> {
        request.headers().add("cookie", "a=1").add("cookie", "b=\"x\\073y\"");
        return request.send().compose(response -> {
          assertEquals(HttpVersion.HTTP_2, response.version());
          return response.body();
        });
      })).toString();
      assertEquals("{\"cookies\": {\"a\": \"1\", \"b\": \"x;y\"}, \"get_a\": \"1\"}", body);
    } finally {
      await(client.close());
    }
  }

  @Test
  void cookieBytesAreReadAsLatin1() throws Exception {
    // Tornado 6.2 sends this very body for the UTF-8 bytes of "a=café; é=1" (an echo writing a dict)
    String response = RawHttp.exchange(getHttpPort(), "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Cookie: a=caf\u00c3\u00a9; \u00c3\u00a9=1\r\nConnection: close\r\n\r\n");
    assertEquals("{\"cookies\": {\"a\": \"caf\\u00c3\\u00a9\"}, \"get_a\": \"caf\\u00c3\\u00a9\"}", RawHttp.body(response));
  }

  /** The echo as Python would print it: {'name': 'value', ...} then get_cookie's answer. */
  private static String describe(HttpResponse response) {
    JsonObject json = new JsonObject(response.bodyAsString());
    StringBuilder out = new StringBuilder("{");
    json.getJsonObject("cookies").forEach(e -> out.append(out.length() > 1 ? ", " : "")
        .append('\'').append(e.getKey()).append("': '").append(e.getValue()).append('\''));
    return out.append("} ").append(json.getString("get_a")).toString();
  }
}
