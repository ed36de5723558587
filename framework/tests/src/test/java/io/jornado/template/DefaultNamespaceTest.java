package io.jornado.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escape helpers every template sees, with their keyword options. */
class DefaultNamespaceTest {
  @Test
  void squeezeAndLinkifyWithTheirOptionsRenderAsTornados() {
    Template template = new Template("{{ squeeze(a) }}|{% raw linkify(b) %}|"
        + "{% raw linkify(b, shorten=True, extra_params='rel=\"nofollow\"') %}|{% raw linkify(c, require_protocol=True) %}");
    String url = "http://www.example.com/a/very/long/path/indeed/yes.html";
    // Tornado 6.5.7 renders these values to exactly this text.
    assertEquals("x y|see <a href=\"" + url + "\">" + url + "</a> now|see <a href=\"" + url
        + "\" rel=\"nofollow\" title=\"" + url + "\">http://www.example.com/a...</a> now|"
        + "www.x.org and <a href=\"http://y.org\">http://y.org</a>",
        template.generate(Map.of("a", "  x \t y  ", "b", "see " + url + " now", "c", "www.x.org and http://y.org")));
  }
}
