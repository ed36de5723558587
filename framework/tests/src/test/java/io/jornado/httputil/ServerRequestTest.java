package io.jornado.httputil;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerRequestTest extends AsyncHttpTestCase {
  public static class Dump extends RequestHandler {
    public void get() {
      write(describe());
    }

    public void post() {
      write(describe());
    }

    private JsonObject describe() {
      ServerRequest r = request();
      JsonObject files = new JsonObject();
      r.files().forEach((name, list) -> files.put(name, list.stream()
          .map(f -> f.filename() + "|" + f.contentType() + "|" + f.bodyAsString()).toList()));
      return new JsonObject()
          .put("method", r.method()).put("uri", r.uri()).put("path", r.path()).put("query", r.query())
          .put("version", r.version()).put("remoteIp", r.remoteIp()).put("protocol", r.protocol())
          .put("host", r.host()).put("hostName", r.hostName()).put("fullUrl", r.fullUrl())
          .put("queryArguments", r.queryArguments()).put("bodyArguments", r.bodyArguments())
          .put("arguments", r.arguments()).put("cookies", r.cookies()).put("files", files)
          .put("body", r.bodyAsString()).put("requestTimePositive", r.requestTime() > 0)
          .put("cookie", getCookie("b", "none"));
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/dump", Dump.class)));
  }

  @Test
  void requestFieldsAsTornadoNamesThem() {
    JsonObject r = new JsonObject(fetch("/dump?x=1&y=%C3%A9", o -> o
        .header("Host", "Example.COM:8080")
        .header("Cookie", "a=1; b=\"quoted\\073value\"; =noname")).bodyAsString());
    assertEquals("GET", r.getString("method"));
    assertEquals("/dump?x=1&y=%C3%A9", r.getString("uri"));
    assertEquals("/dump", r.getString("path"));
    assertEquals("x=1&y=%C3%A9", r.getString("query"));
    assertEquals("HTTP/1.1", r.getString("version"));
    assertEquals("127.0.0.1", r.getString("remoteIp"));
    assertEquals("http", r.getString("protocol"));
    assertEquals("Example.COM:8080", r.getString("host"));
    assertEquals("example.com", r.getString("hostName"));
    assertEquals("http://Example.COM:8080/dump?x=1&y=%C3%A9", r.getString("fullUrl"));
    assertEquals(Map.of("x", List.of("1"), "y", List.of("\u00e9")), r.getJsonObject("queryArguments").getMap());
    // Tornado drops the empty name: SimpleCookie refuses it as a key
    assertEquals(Map.of("a", "1", "b", "quoted;value"), r.getJsonObject("cookies").getMap());
    assertEquals("quoted;value", r.getString("cookie"));
    assertTrue(r.getBoolean("requestTimePositive"));
  }

  @Test
  void multipartFilesAndFieldsAreParsed() {
    String body = "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"b.bin\"\r\n\r\nxy\r\n"
        + "--B--\r\n";
    JsonObject r = new JsonObject(fetch("/dump?title=fromquery", o -> o.method("POST")
        .header("Content-Type", "multipart/form-data; boundary=\"B\"").body(body)).bodyAsString());
    assertEquals(Map.of("title", List.of("Hello")), r.getJsonObject("bodyArguments").getMap());
    assertEquals(List.of("fromquery", "Hello"), r.getJsonObject("arguments").getJsonArray("title").getList());
    assertEquals(List.of("a.txt|text/plain|file body", "b.bin|application/unknown|xy"),
        r.getJsonObject("files").getJsonArray("upload").getList());
  }

  @Test
  void jsonBodiesAreNotParsedIntoArguments() {
    JsonObject r = new JsonObject(fetch("/dump", o -> o.method("POST")
        .header("Content-Type", "application/json").body("{\"a\": 1}")).bodyAsString());
    assertEquals(Map.of(), r.getJsonObject("bodyArguments").getMap());
    assertEquals("{\"a\": 1}", r.getString("body"));
  }
}
