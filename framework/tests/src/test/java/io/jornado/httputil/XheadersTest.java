package io.jornado.httputil;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jornado.httpclient.HttpRequest;
import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.json.JsonObject;
import java.net.NetworkInterface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Proxy headers with {@code xheaders} on: the cases of Tornado's httpserver_test XHeaderTest, plus
 * cases compared with a Tornado 6.2 HTTPServer(xheaders=True, trusted_downstream=["5.5.5.5"]).
 */
class XheadersTest extends AsyncHttpTestCase {
  public static class Echo extends RequestHandler {
    public void get() {
      write(new JsonObject().put("remote_ip", request().remoteIp()).put("remote_protocol", request().protocol())
          .put("summary", requestSummary()));
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/", Echo.class)));
  }

  @Override
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions().xheaders(true).trustedDownstream(List.of("5.5.5.5"));
  }

  private JsonObject fetchJson(UnaryOperator<HttpRequest> headers) {
    return new JsonObject(fetch("/", headers).bodyAsString());
  }

  private String remoteIp(UnaryOperator<HttpRequest> headers) {
    return fetchJson(headers).getString("remote_ip");
  }

  private String protocol(UnaryOperator<HttpRequest> headers) {
    return fetchJson(headers).getString("remote_protocol");
  }

  @Test
  void ipHeaders() {
    assertEquals("127.0.0.1", remoteIp(r -> r));
    assertEquals("4.4.4.4", remoteIp(r -> r.header("X-Real-IP", "4.4.4.4")));
    assertEquals("4.4.4.4", remoteIp(r -> r.header("X-Forwarded-For", "127.0.0.1, 4.4.4.4")));
    assertEquals("2620:0:1cfe:face:b00c::3", remoteIp(r -> r.header("X-Real-IP", "2620:0:1cfe:face:b00c::3")));
    assertEquals("2620:0:1cfe:face:b00c::3", remoteIp(r -> r.header("X-Forwarded-For", "::1, 2620:0:1cfe:face:b00c::3")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Real-IP", "4.4.4.4<script>")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Forwarded-For", "4.4.4.4, 5.5.5.5<script>")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Real-IP", "www.google.com")));
  }

  @Test
  void trustedDownstream() {
    assertEquals("4.4.4.4", remoteIp(r -> r.header("X-Forwarded-For", "127.0.0.1, 4.4.4.4, 5.5.5.5")));
  }

  @Test
  void schemeHeaders() {
    assertEquals("http", protocol(r -> r));
    assertEquals("https", protocol(r -> r.header("X-Scheme", "https")));
    assertEquals("https", protocol(r -> r.header("X-Forwarded-Proto", "https")));
    assertEquals("http", protocol(r -> r.header("X-Forwarded-Proto", "https , http")));
    assertEquals("https", protocol(r -> r.header("X-Forwarded-Proto", "http,https")));
    assertEquals("http", protocol(r -> r.header("X-Forwarded-Proto", "unknown")));
  }

  @Test
  void edgeCasesAsTornado62AnswersThem() {
    // Tornado 6.2 with xheaders=True, trusted_downstream=["5.5.5.5"] (curl -H ... against it)
    assertEquals("5.5.5.5", remoteIp(r -> r.header("X-Forwarded-For", "5.5.5.5")));
    assertEquals("6.6.6.6", remoteIp(r -> r.header("X-Forwarded-For", "6.6.6.6, 5.5.5.5, 5.5.5.5")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Forwarded-For", "4.4.4.4,5.5.5.5 ,")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Real-Ip", "bad").header("X-Forwarded-For", "4.4.4.4")));
    assertEquals("3.3.3.3", remoteIp(r -> r.header("X-Real-Ip", "3.3.3.3").header("X-Forwarded-For", "4.4.4.4")));
    assertEquals("2.2.2.2", remoteIp(r -> r.header("X-Forwarded-For", "1.1.1.1").header("X-Forwarded-For", "2.2.2.2")));
    assertEquals("127.0.0.1", remoteIp(r -> r.header("X-Real-Ip", "1.1.1.1").header("X-Real-Ip", "2.2.2.2")));
    assertEquals("127.1", remoteIp(r -> r.header("X-Real-Ip", "127.1")));
    assertEquals("http", protocol(r -> r.header("X-Forwarded-Proto", "HTTPS")));
    assertEquals("http", protocol(r -> r.header("X-Scheme", "unknown").header("X-Forwarded-Proto", "https")));
    assertEquals("http", protocol(r -> r.header("X-Scheme", "").header("X-Forwarded-Proto", "https")));
    assertEquals("http", protocol(r -> r.header("X-Scheme", "https").header("X-Scheme", "http")));
    assertEquals("http", protocol(r -> r.header("X-Forwarded-Proto", "https,")));
  }

  @Test
  void ipLiteralsAreCheckedAsTornadosIsValidIpChecksThem() throws Exception {
    // X-Real-Ip sent to Tornado 6.2 (netutil.is_valid_ip, glibc getaddrinfo with AI_NUMERICHOST): T = taken
    String tornado = "4.4.4.4=T 1=T 127.1=T 1.2.3=T 0x7f.0.0.1=T 010.0.0.1=T 1.2.3.256=F 1.2.3.4.5=F "
        + "255.255.255.255=T 4294967295=T 4294967296=F 0x7f000001=T 01.02.03.04=T 1.2.3.09=F 1.2.3.4/24=F "
        + "+1.2.3.4=F 1..2.3=F 1.2.3.=F ::1=T ::=T 2620:0:1cfe:face:b00c::3=T ::ffff:1.2.3.4=T fe80::1%1=T "
        + "fe80::1%=F fe80::1%no-such-if0=F fe80::1%lo=T [::1]=F 1:2:3:4:5:6:7:8=T 1:2:3:4:5:6:7:8:9=F 1::2::3=F "
        + "::ffff:1.2.3=F 1:2:3:4:5:6:1.2.3.4=T 1:2:3:4:5:6:7:1.2.3.4=F 12345::1=F 0000000001::1=F ::FFFF:abcd=T "
        + "1:2:3:4:5:6:7::=T ::1:2:3:4:5:6:7=T 1:2:3:4:5:6:7:8::=F www.google.com=F localhost=F 4.4.4.4<script>=F "
        + "1.2.3.0x10=T 1.2.0x10000=F 0x=F 0x.1.1.1=F 00000000001.1.1.1=T a::=T g::=F 1:2:3:4:5:6::1.2.3.4=F "
        + "::1.2.3.4=T 1.2.3.4::=F ::ffff:01.2.3.4=F ::ffff:1.2.3.04=F 1e1.1.1.1=F 0.0.0.0=T 00.0.0.0=T 08.0.0.0=F "
        + "0x1.0x2.0x3.0x4=T 0X1.1.1.1=T 1.0xffffff=T 1.0x1000000=F 0xffffffff=T 0x100000000=F ::1%0=T ::1%01=T "
        + "::1%4294967295=T ::1%4294967296=F ::1%-1=F ::1%1a=F 1.2.3.4%1=F :1::=F 1::2:=F ::%1=T 00001::1=F 0x0x1=F";
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (String entry : tornado.split(" ")) {
      int eq = entry.lastIndexOf('=');
      expected.put(entry.substring(0, eq), entry.endsWith("T"));
    }
    if (NetworkInterface.getByName("lo") == null) {
      expected.remove("fe80::1%lo");
    }
    Map<String, Boolean> ours = new LinkedHashMap<>();
    for (String literal : expected.keySet()) {
      ours.put(literal, remoteIp(r -> r.header("X-Real-Ip", literal)).equals(literal));
    }
    assertEquals(expected, ours);
  }

  @Test
  void accessLogAndRequestSummaryShowTheProxiedAddress() {
    try (ExpectLog log = new ExpectLog("jornado.access", "200 GET / \\(4\\.4\\.4\\.4\\) \\d+\\.\\d\\dms$", Level.INFO)) {
      assertEquals("GET / (4.4.4.4)", fetchJson(r -> r.header("X-Real-Ip", "4.4.4.4")).getString("summary"));
    }
  }

  @Test
  void proxiedValuesDoNotLeakToTheNextRequestOnTheConnection() {
    assertEquals("4.4.4.4", remoteIp(r -> r.header("X-Real-Ip", "4.4.4.4").header("X-Scheme", "https")));
    JsonObject next = fetchJson(r -> r);
    assertEquals("127.0.0.1", next.getString("remote_ip"));
    assertEquals("http", next.getString("remote_protocol"));
  }

  @Test
  void withoutXheadersTheHeadersAreIgnored() {
    HttpServer plain = await(getApp().listen(0, "127.0.0.1", new ServerOptions()));
    try {
      JsonObject json = new JsonObject(fetch("http://127.0.0.1:" + plain.port() + "/", r -> r
          .header("X-Real-Ip", "4.4.4.4").header("X-Forwarded-For", "3.3.3.3").header("X-Scheme", "https")
          .header("X-Forwarded-Proto", "https")).bodyAsString());
      assertEquals("127.0.0.1", json.getString("remote_ip"));
      assertEquals("http", json.getString("remote_protocol"));
    } finally {
      await(plain.stop());
    }
  }
}
