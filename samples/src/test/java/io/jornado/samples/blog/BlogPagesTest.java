package io.jornado.samples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.escape.Escape;
import io.jornado.httpclient.HttpRequest;
import io.jornado.httpclient.HttpResponse;
import io.jornado.template.BaseLoader;
import io.jornado.template.PythonError;
import io.jornado.template.Template;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The blog's pages as the application serves them, for fixed data (one author, one entry with
 * pinned dates, Host {@value #HOST}). The expected bodies in tornado-pages.json are the same
 * templates rendered by Tornado 6.5.7 with the same data (make_tornado_pages.py, beside it).
 */
class BlogPagesTest extends BlogAppTestCase {
  private static final String HOST = "127.0.0.1:8888";

  @Test
  void everyTemplateParses() {
    BaseLoader loader = BlogTemplates.loader();
    for (String name : BlogTemplates.TEMPLATES) {
      assertEquals(name, loader.load(name).name());
    }
  }

  @Test
  void pagesAreWhatTornadoRendersFromTheSameTemplates() throws Exception {
    String cookie = post("/auth/create", null, "email=ada%40example.com&name=Ada&password=pw")
        .headers().get("Set-Cookie").split(";")[0];
    assertEquals(302, post("/compose", cookie, "title=" + Escape.urlEscape("A <b> & c")
        + "&markdown=" + Escape.urlEscape("text <i>\n\nmore")).code());
    pinDates("2026-11-26 15:04:05", "2026-11-27 01:02:03");

    Map<String, String> rendered = new LinkedHashMap<>();
    rendered.put("home", page("/", null));
    rendered.put("home-author", page("/", cookie));
    rendered.put("entry", page("/entry/a-b-c", null));
    rendered.put("archive", page("/archive", null));
    rendered.put("feed", page("/feed", null));
    rendered.put("compose-new", page("/compose", cookie));
    rendered.put("compose-edit", page("/compose?id=1", cookie));
    rendered.put("login", page("/auth/login?next=" + Escape.urlEscape("/compose?id=7"), null));
    rendered.put("login-error", body(post("/auth/login", null, "email=ada%40example.com&password=wrong")));
    rendered.put("create_author", page("/auth/create?next=%2Fcompose", null));
    JsonObject expected = tornadoPages();
    assertEquals(expected.fieldNames(), rendered.keySet());
    rendered.forEach((name, page) -> assertEquals(expected.getString(name), page, name));
  }

  @Test
  void theFeedOfNoEntriesIsUpdatedNow() {
    String feed = page("/feed", null);
    String year = Instant.now().toString().substring(0, 4);
    assertTrue(feed.contains("\n    <updated>" + year + "-"), feed);
    assertTrue(feed.endsWith("<author><name>Jornado Blog</name></author>\n  \n</feed>\n"), feed);
  }

  @Test
  void formatDateRefusesTheFormsItDoesNotPort() {
    Template relative = new Template("{{ locale.format_date(d) }}", "relative.html");
    PythonError error = assertThrows(PythonError.class,
        () -> relative.generate(Map.of("locale", BlogTemplates.ENGLISH, "d", Instant.EPOCH)));
    assertEquals("ValueError", error.pythonType());
    assertTrue(error.pythonMessage().contains("full_format=True, shorter=True"), error.pythonMessage());
  }

  /** The store has no clock to set: the test's own connection to the in-memory database pins the dates. */
  private void pinDates(String published, String updated) throws Exception {
    try (Connection connection = DriverManager.getConnection(dbUrl);
        Statement statement = connection.createStatement()) {
      assertEquals(1, statement.executeUpdate("UPDATE entries SET published = TIMESTAMP '" + published
          + "', updated = TIMESTAMP '" + updated + "'"));
    }
  }

  private String page(String path, String cookie) {
    return body(fetch(path, r -> cookie == null ? host(r) : host(r).header("Cookie", cookie)));
  }

  private HttpResponse post(String path, String cookie, String form) {
    UnaryOperator<HttpRequest> request = r -> host(r).method("POST")
        .header("Content-Type", "application/x-www-form-urlencoded").body(form);
    return fetch(path, r -> cookie == null ? request.apply(r) : request.apply(r).header("Cookie", cookie));
  }

  private static HttpRequest host(HttpRequest request) {
    return request.header("Host", HOST);
  }

  private static String body(HttpResponse response) {
    assertEquals(200, response.code(), response.toString());
    return response.bodyAsString();
  }

  private static JsonObject tornadoPages() throws IOException {
    try (InputStream in = BlogPagesTest.class.getResourceAsStream("tornado-pages.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
