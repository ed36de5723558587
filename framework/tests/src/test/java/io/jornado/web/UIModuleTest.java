package io.jornado.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.template.DictLoader;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UI modules and ui_methods through render(). The expected pages were printed by Tornado 6.5.7
 * running the same templates, modules and settings: src/test/resources/render/make_expected.py.
 */
class UIModuleTest extends AsyncHttpTestCase {
  static final String S_JS_VERSION = "2c1ee68372215b1ce064426b5cdbd4ef2581ace0dd3b21fa2be27f364827242e"
      + "83f68b68be03f5b3e24be5d1b4315f98a0a96d19713fb3a19dc455fb6adc3431";

  @TempDir
  static Path statics;

  @BeforeAll
  static void makeStaticFile() throws IOException {
    Files.write(statics.resolve("s.js"), "s".getBytes(StandardCharsets.UTF_8));
  }

  static final Map<String, String> TEMPLATES = Map.of(
      "page.html", "<html><head><title>{{ title }}</title><!-- </body> --></head><body>"
          + "{% module Box('a') %}{% module Box('b') %}{% module Other() %}"
          + "{% module Template('mod.html', x=1) %}{% module Template('mod.html', x=2) %}"
          + "{% module linkify('see http://x.com <b>') %}"
          + "</body></html>",
      "mod.html", "{{ set_resources(embedded_css='.m{}', javascript_files=['/m.js', '/a.js'],"
          + " html_body='<i>mb</i>') }}<p>{{ x }}</p>",
      "ns.html", "{{ reverse_url('item', 7) }}|{{ current_user }}|{{ shout('hi', end='!') }}|"
          + "{{ static_url('s.js') }}|{{ '<&>' }}",
      "conflict.html", "{% module Template('res.html', r='a') %}{% module Template('res.html', r='b') %}",
      "res.html", "{{ set_resources(embedded_css=r) }}",
      "xsrf.html", "{% module xsrf_form_html() %}",
      "nohead.html", "<body>{% module Box('a') %}</body>",
      "plain.html", "<html><head></head><body>{{ modules.Box('m') }}</body></html>");

  public static class Box extends UIModule {
    @Override
    public String render(List<Object> args, Map<String, Object> kwargs) {
      return "<div>" + args.get(0) + "</div>";
    }

    @Override
    public String embeddedJavascript() {
      return "var box=1;";
    }

    @Override
    public List<String> javascriptFiles() {
      return List.of("/a.js", "s.js");
    }

    @Override
    public String embeddedCss() {
      return ".box{}";
    }

    @Override
    public List<String> cssFiles() {
      return List.of("/box.css", "http://cdn/x.css");
    }

    @Override
    public String htmlHead() {
      return "<meta name=box>";
    }

    @Override
    public String htmlBody() {
      return "<b>end</b>";
    }
  }

  public static class Other extends UIModule {
    @Override
    public String render(List<Object> args, Map<String, Object> kwargs) {
      return "<span>other</span>";
    }

    @Override
    public String embeddedJavascript() {
      return "var other=2;";
    }

    @Override
    public List<String> javascriptFiles() {
      return List.of("/a.js");
    }

    @Override
    public List<String> cssFiles() {
      return List.of("/box.css");
    }
  }

  public static class NoDefaultConstructor extends UIModule {
    public NoDefaultConstructor(String unused) {}

    @Override
    public String render(List<Object> args, Map<String, Object> kwargs) {
      return "";
    }
  }

  public static class Page extends RequestHandler {
    @Override
    public Object getCurrentUser() {
      return "ann";
    }

    public void get(String name) {
      render(name, Map.of("title", "T<1>"));
    }
  }

  static final UIMethod SHOUT = (handler, args, kwargs) ->
      String.valueOf(args.get(0)).toUpperCase() + kwargs.getOrDefault("end", ".") + handler.request().method();

  @Override
  protected Application getApp() {
    return new Application(List.of(UrlSpec.url("/page/(.*)", Page.class), UrlSpec.url("/item/(\\d+)", Page.class, Map.of(), "item")),
        Map.of("template_loader", new DictLoader(TEMPLATES), "static_path", statics.toString(),
            "ui_modules", Map.of("Box", Box.class, "Other", Other.class),
            "ui_methods", List.of(Map.of("shout", SHOUT))));
  }

  @Test
  void everyResourceKindIsInsertedOnceWhereTornadoPutsIt() {
    HttpResponse response = fetch("/page/page.html");
    assertEquals(200, response.code());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
    assertEquals("<html><head><title>T&lt;1&gt;</title><!-- <b>end</b><i>mb</i>\n</body> -->"
        + "<link href=\"/box.css\" type=\"text/css\" rel=\"stylesheet\"/>"
        + "<link href=\"http://cdn/x.css\" type=\"text/css\" rel=\"stylesheet\"/>\n"
        + "<style type=\"text/css\">\n.box{}\n.m{}\n</style>\n<meta name=box>\n</head>"
        + "<body><div>a</div><div>b</div><span>other</span><p>1</p><p>2</p>"
        + "see <a href=\"http://x.com\">http://x.com</a> &lt;b&gt;"
        + "<script src=\"/a.js\" type=\"text/javascript\"></script>"
        + "<script src=\"/static/s.js?v=" + S_JS_VERSION + "\" type=\"text/javascript\"></script>"
        + "<script src=\"/m.js\" type=\"text/javascript\"></script>\n"
        + "<script type=\"text/javascript\">\n//<![CDATA[\nvar box=1;\nvar other=2;\n//]]>\n</script>\n"
        + "</body></html>", response.bodyAsString());
  }

  @Test
  void uiMethodsGetTheHandlerAndNamespaceHasReverseUrlStaticUrlAndCurrentUser() {
    assertEquals("/item/7|ann|HI!GET|/static/s.js?v=" + S_JS_VERSION + "|&lt;&amp;&gt;",
        fetch("/page/ns.html").bodyAsString());
  }

  @Test
  void modulesIsTheSameNamespaceAsTheModuleDirective() {
    assertEquals("<html><head><link href=\"/box.css\" type=\"text/css\" rel=\"stylesheet\"/>"
        + "<link href=\"http://cdn/x.css\" type=\"text/css\" rel=\"stylesheet\"/>\n"
        + "<style type=\"text/css\">\n.box{}\n</style>\n<meta name=box>\n</head>"
        + "<body>&lt;div&gt;m&lt;/div&gt;<script src=\"/a.js\" type=\"text/javascript\"></script>"
        + "<script src=\"/static/s.js?v=" + S_JS_VERSION + "\" type=\"text/javascript\"></script>\n"
        + "<script type=\"text/javascript\">\n//<![CDATA[\nvar box=1;\n//]]>\n</script>\n<b>end</b>\n</body></html>",
        fetch("/page/plain.html").bodyAsString());
  }

  @Test
  void setResourcesWithOtherResourcesForTheSameTemplateFails() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /page/conflict.html");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /page/conflict.html")) {
      assertEquals(500, fetch("/page/conflict.html").code());
    }
  }

  @Test
  void xsrfFormHtmlFailsUntilXsrfExists() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /page/xsrf.html");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /page/xsrf.html")) {
      assertEquals(500, fetch("/page/xsrf.html").code());
    }
  }

  @Test
  void aPageWithoutHeadCannotTakeTheModulesCss() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /page/nohead.html");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /page/nohead.html")) {
      assertEquals(500, fetch("/page/nohead.html").code());
    }
  }

  @Test
  void badModuleAndMethodSettingsAreRefusedAtStartByName() {
    IllegalArgumentException notModule = assertThrows(IllegalArgumentException.class,
        () -> new Application(List.of(), Map.of("ui_modules", Map.of("X", String.class))));
    assertEquals("ui_modules['X'] should be a UIModule subclass, got class java.lang.String", notModule.getMessage());
    IllegalArgumentException noConstructor = assertThrows(IllegalArgumentException.class,
        () -> new Application(List.of(), Map.of("ui_modules", Map.of("N", NoDefaultConstructor.class))));
    assertTrue(noConstructor.getMessage().startsWith("ui_modules['N']: "), noConstructor.getMessage());
    IllegalArgumentException notMethod = assertThrows(IllegalArgumentException.class,
        () -> new Application(List.of(), Map.of("ui_methods", Map.of("m", "x"))));
    assertEquals("ui_methods['m'] should be a UIMethod, got x", notMethod.getMessage());
  }
}
