package io.jornado.samples.blog;

import io.jornado.escape.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately tiny, safe subset of Markdown: paragraphs separated by blank lines, and a line
 * ending in two or more spaces breaks with {@code <br />}. Everything else is text: it is escaped, so
 * HTML in an entry shows as typed instead of reaching the page (real Markdown passes it through), and
 * emphasis, links, lists, headings and code are not interpreted.
 *
 * <p>Stands in for the Python {@code markdown} package that Tornado's blog demo calls
 * ({@code markdown.markdown(text)}); the output of this subset matches that package's for plain text.
 */
public final class Markdown {
  private Markdown() {}

  /**
   * Renders text as XHTML paragraphs.
   *
   * @param text the entry as typed
   * @return escaped paragraphs, one {@code <p>} a block, joined by newlines
   */
  public static String toHtml(String text) {
    List<String> paragraphs = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (line.isBlank()) {
        addParagraph(paragraphs, lines);
      } else {
        lines.add(line);
      }
    }
    addParagraph(paragraphs, lines);
    return String.join("\n", paragraphs);
  }

  private static void addParagraph(List<String> paragraphs, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder html = new StringBuilder("<p>");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      String content = i == 0 ? line.stripLeading() : line;
      if (!last && line.endsWith("  ")) {
        html.append(Escape.xhtmlEscape(content.stripTrailing())).append("<br />\n");
      } else {
        html.append(Escape.xhtmlEscape(last ? content.stripTrailing() : content));
        if (!last) {
          html.append('\n');
        }
      }
    }
    paragraphs.add(html.append("</p>").toString());
    lines.clear();
  }
}
