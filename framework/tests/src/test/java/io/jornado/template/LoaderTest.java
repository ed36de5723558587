package io.jornado.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader over files, caching and reset, namespaces, and Template without a loader. */
class LoaderTest {
  @TempDir
  Path root;

  private void write(String name, String text) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void filesResolveRelativeToTheIncludingTemplateAndAreCached() throws IOException {
    write("pages/base.html", "<h1>{% block title %}{% end %}</h1>{% include '../part.html' %}");
    write("part.html", "[{{ x }}]");
    write("pages/home.html", "{% extends 'base.html' %}{% block title %}Home{% end %}");
    Loader loader = new Loader(root);
    Template home = loader.load("pages/home.html");
    assertEquals("<h1>Home</h1>[&lt;]", home.generate(Map.of("x", "<")));
    assertSame(home, loader.load("pages/home.html"));
    assertSame(loader.load("part.html"), loader.load("../part.html", "pages/base.html"));
  }

  @Test
  void resetRereadsFiles() throws IOException {
    write("a.txt", "one");
    Loader loader = new Loader(root);
    Template first = loader.load("a.txt");
    write("a.txt", "two");
    assertEquals("one", loader.load("a.txt").generate());
    loader.reset();
    Template second = loader.load("a.txt");
    assertNotSame(first, second);
    assertEquals("two", second.generate());
  }

  @Test
  void loaderNamespaceAutoescapeAndWhitespaceApply() throws IOException {
    write("n.html", "{{ greet }}   {{ s }}\n\n");
    Loader loader = new Loader(root, null, Map.of("greet", "hi"), "oneline");
    assertEquals("hi <b> ", loader.load("n.html").generate(Map.of("s", "<b>")));
  }

  @Test
  void templateWithoutLoaderRejectsExtendsAndInclude() {
    TemplateParseError e = assertThrows(TemplateParseError.class,
        () -> new Template("\n{% extends 'x.html' %}"));
    assertEquals("{% extends %} block found, but no template loader at <string>:2", e.getMessage());
    assertThrows(TemplateParseError.class, () -> new Template("{% include 'x.html' %}"));
  }

  @Test
  void generateBytesIsUtf8() {
    assertArrayEquals("é €".getBytes(StandardCharsets.UTF_8),
        new Template("{{ a }} €").generateBytes(Map.of("a", "é")));
  }

  @Test
  void intermediateOutsideItsBlockNamesTheAllowedParents() {
    TemplateParseError e = assertThrows(TemplateParseError.class,
        () -> new Template("{% else %}", "t.html"));
    assertEquals("else outside {'if', 'for', 'while', 'try'} block at t.html:1", e.getMessage());
    TemplateParseError b = assertThrows(TemplateParseError.class,
        () -> new Template("{% if 1 %}{% break %}{% end %}", "t.html"));
    assertEquals("break outside {'for', 'while'} block at t.html:1", b.getMessage());
  }

  @Test
  void importRegistryExposesStaticMembers() {
    TemplateImports.register("textutil", TextUtil.class);
    assertEquals("ab! 3", new Template("{% import textutil as tu %}{{ tu.bang('ab') }} {{ tu.LIMIT }}")
        .generate());
    PythonError e = assertThrows(PythonError.class,
        () -> new Template("{% import nosuch %}", "i.txt").generate());
    assertEquals("ModuleNotFoundError: No module named 'nosuch' at i.txt:1 in import nosuch",
        e.getMessage());
  }

  /** A module for the import registry. */
  public static final class TextUtil {
    public static final int LIMIT = 3;

    private TextUtil() {}

    public static String bang(String s) {
      return s + "!";
    }
  }
}
