package io.jornado.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RequestHandler.render and render_string with templates under template_path, over real sockets.
 * The pages of the first tests are what Tornado 6.5.7 renders from the same files
 * (src/test/resources/render/make_expected.py), except that Tornado's {@code request.method} is
 * {@code request.method()} here and {@code locale} is None.
 */
class RenderTest extends AsyncHttpTestCase {
  @TempDir
  static Path templates;

  @BeforeAll
  static void makeTemplates() throws IOException {
    write("page.html", "<p>{{ title }}</p>\n\n   <i>{{ handler.getArgument('q', 'none') }}</i>\n");
    write("base.html", "[{% block body %}{% end %}]");
    write("child.html", "{% extends 'base.html' %}{% block body %}{{ request.method() }} {{ current_user }} {{ locale }}{% end %}");
    write("changing.html", "one");
  }

  static void write(String name, String text) throws IOException {
    Files.write(templates.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  public static class Page extends RequestHandler {
    public void get(String name) {
      render(name, Map.of("title", "<b>"));
    }
  }

  static final CompletableFuture<String> SECOND_RENDER = new CompletableFuture<>();

  public static class Twice extends RequestHandler {
    public void get() {
      write(renderString("page.html", Map.of("title", "x")));
      render("page.html", Map.of("title", "y"));
      try {
        render("page.html", Map.of("title", "z"));
        SECOND_RENDER.complete("rendered twice");
      } catch (IllegalStateException e) {
        SECOND_RENDER.complete(e.getMessage());
      }
    }
  }

  public static class NoPath extends RequestHandler {
    public void get() {
      render("page.html");
    }
  }

  @Override
  protected Application getApp() {
    return app(Map.of());
  }

  static Application app(Map<String, ?> extra) {
    Map<String, Object> settings = new HashMap<>(extra);
    settings.putIfAbsent("template_path", templates.toString());
    return new Application(List.of(UrlSpec.url("/page/(.*)", Page.class), UrlSpec.url("/twice", Twice.class),
        UrlSpec.url("/nopath", NoPath.class)), settings);
  }

  @Test
  void rendersAFileWithAutoescapeAndSingleWhitespaceByDefault() {
    HttpResponse response = fetch("/page/page.html?q=%3Cq%3E");
    assertEquals(200, response.code());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
    assertEquals("34", response.headers().get("Content-Length"));
    assertEquals("<p>&lt;b&gt;</p>\n<i>&lt;q&gt;</i>\n", response.bodyAsString());
  }

  @Test
  void extendsResolvesInTheTemplatePathAndTheNamespaceHasRequestAndNoLocale() {
    assertEquals("[GET None None]", fetch("/page/child.html").bodyAsString());
  }

  @Test
  void renderStringWritesNothingAndRenderAfterFinishFails() throws Exception {
    HttpResponse response = fetch("/twice");
    assertEquals("<p>x</p>\n<i>none</i>\n<p>y</p>\n<i>none</i>\n", response.bodyAsString());
    assertEquals("Cannot render() after finish()", SECOND_RENDER.get(10, TimeUnit.SECONDS));
  }

  @Test
  void autoescapeNoneAndTemplateWhitespaceSettings() throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("autoescape", null);
    settings.put("template_whitespace", "all");
    assertEquals("<p><b></p>\n\n   <i><q></i>\n", getOn(app(settings), "/page/page.html?q=%3Cq%3E"));
  }

  @Test
  void compiledTemplatesAreCachedUnlessTurnedOffOrDebug() throws Exception {
    for (Map<String, Object> settings : List.of(Map.<String, Object>of(), Map.<String, Object>of("compiled_template_cache", false),
        Map.<String, Object>of("debug", true))) {
      write("changing.html", "one");
      var server = await(app(settings).listen(0, "127.0.0.1"));
      try {
        assertEquals("one", get(server.port(), "/page/changing.html"));
        write("changing.html", "two");
        String expected = settings.isEmpty() ? "one" : "two";
        assertEquals(expected, get(server.port(), "/page/changing.html"), settings.toString());
      } finally {
        await(server.stop());
      }
    }
  }

  @Test
  void withoutTemplatePathOrLoaderRenderingFailsWith500() throws Exception {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /nopath");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /nopath")) {
      var server = await(new Application(List.of(UrlSpec.url("/nopath", NoPath.class))).listen(0, "127.0.0.1"));
      try {
        String response = RawHttp.exchange(server.port(), "GET /nopath HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
      } finally {
        await(server.stop());
      }
    }
  }

  @Test
  void templateSettingsOfTheWrongTypeAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.of(Map.of("template_loader", "x")).templateLoader());
    assertEquals("Setting 'template_loader' should be a BaseLoader, got x", e.getMessage());
    IllegalArgumentException autoescape = assertThrows(IllegalArgumentException.class,
        () -> Settings.of(Map.of("autoescape", 1)).autoescape());
    assertEquals("Setting 'autoescape' should be a function name or null, got 1", autoescape.getMessage());
    assertEquals(Optional.of("xhtml_escape"), Settings.empty().autoescape());
  }

  private String getOn(Application app, String path) throws Exception {
    var server = await(app.listen(0, "127.0.0.1"));
    try {
      return get(server.port(), path);
    } finally {
      await(server.stop());
    }
  }

  private String get(int port, String path) {
    return await(getHttpClient().fetch("http://127.0.0.1:" + port + path)).bodyAsString();
  }
}
