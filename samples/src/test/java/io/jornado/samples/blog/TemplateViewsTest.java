package io.jornado.samples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.template.BaseLoader;
import io.jornado.template.PythonError;
import io.jornado.template.Template;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample's templates, parsed and rendered without a server. The expected pages in
 * tornado-pages.json are the same templates rendered by Tornado 6.5.7 (make_tornado_pages.py,
 * beside it, with the same data).
 */
class TemplateViewsTest {
  private static final Entry ENTRY = new Entry(7, 1, "a-b", "A <b> & c", "text <i>\n\nmore",
      "<p>text &lt;i&gt;</p>\n<p>more</p>", Instant.parse("2026-11-26T15:04:05Z"),
      Instant.parse("2026-11-27T01:02:03Z"));
  private static final Author AUTHOR = new Author(1, "ada@example.com", "Ada", "hash");

  private final TemplateViews views = new TemplateViews();

  @Test
  void everyTemplateParses() {
    BaseLoader loader = views.loader();
    for (String name : TemplateViews.TEMPLATES) {
      assertEquals(name, loader.load(name).name());
    }
  }

  @Test
  void pagesAreWhatTornadoRendersFromTheSameTemplates() throws IOException {
    Map<String, String> rendered = Map.of(
        "home", views.home(page(null, "/", null), List.of(ENTRY)),
        "home-author", views.home(page(AUTHOR, "/", null), List.of(ENTRY)),
        "entry", views.entry(page(null, "/entry/a-b", null), ENTRY),
        "archive", views.archive(page(null, "/archive", null), List.of(ENTRY)),
        "feed", views.feed(page(null, "/feed", null), List.of(ENTRY)),
        "compose-new", views.compose(page(AUTHOR, "/compose", null), Optional.empty()),
        "compose-edit", views.compose(page(AUTHOR, "/compose", null), Optional.of(ENTRY)),
        "login", views.login(page(null, "/auth/login", "/compose?id=7"), Optional.empty()),
        "login-error", views.login(page(null, "/auth/login", null), Optional.of("incorrect <password>")),
        "create_author", views.createAuthor(page(null, "/auth/create", "/compose")));
    JsonObject expected = tornadoPages();
    assertEquals(expected.fieldNames(), rendered.keySet());
    rendered.forEach((name, page) -> assertEquals(expected.getString(name), page, name));
  }

  @Test
  void theFeedOfNoEntriesIsUpdatedNow() {
    String feed = views.feed(page(null, "/feed", null), List.of());
    String year = String.valueOf(Instant.now().toString().substring(0, 4));
    assertTrue(feed.contains("\n    <updated>" + year + "-"), feed);
    assertTrue(feed.endsWith("<author><name>Blog &amp; Co</name></author>\n  \n</feed>\n"), feed);
  }

  @Test
  void formatDateRefusesTheFormsItDoesNotPort() {
    Template relative = new Template("{{ locale.format_date(d) }}", "relative.html", views.loader(), null);
    PythonError error = assertThrows(PythonError.class, () -> relative.generate(Map.of("d", ENTRY.published())));
    assertEquals("ValueError", error.pythonType());
    assertTrue(error.pythonMessage().contains("full_format=True, shorter=True"), error.pythonMessage());
  }

  private static PageContext page(Author author, String path, String next) {
    return new PageContext("Blog & Co", Optional.ofNullable(author), path, "127.0.0.1:8888",
        "http://127.0.0.1:8888" + path, Optional.ofNullable(next));
  }

  private static JsonObject tornadoPages() throws IOException {
    try (InputStream in = TemplateViewsTest.class.getResourceAsStream("tornado-pages.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
