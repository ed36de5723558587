package io.jornado.samples.blog;

import java.util.List;
import java.util.Optional;

/**
 * Renders the blog's pages. The handlers fetch the data and call one method a page, so another
 * implementation can replace {@link TemplateViews} without changing them.
 *
 * <p>Each method ports one template of Tornado's blog demo, named in its Javadoc.
 */
public interface BlogViews {
  /**
   * The newest entries, in full, with a link to the archive. Tornado demo: home.html.
   *
   * @param page the page's context
   * @param entries newest first
   * @return the page
   */
  String home(PageContext page, List<Entry> entries);

  /**
   * One entry in full. Tornado demo: entry.html.
   *
   * @param page the page's context
   * @param entry the entry
   * @return the page
   */
  String entry(PageContext page, Entry entry);

  /**
   * Every entry's title and date. Tornado demo: archive.html.
   *
   * @param page the page's context
   * @param entries newest first
   * @return the page
   */
  String archive(PageContext page, List<Entry> entries);

  /**
   * The Atom feed (served as {@code application/atom+xml}). Tornado demo: feed.xml.
   *
   * @param page the page's context
   * @param entries newest first
   * @return the feed document
   */
  String feed(PageContext page, List<Entry> entries);

  /**
   * The form to write a new entry, or to edit one. Tornado demo: compose.html.
   *
   * @param page the page's context
   * @param entry the entry being edited, or empty for a new one
   * @return the page
   */
  String compose(PageContext page, Optional<Entry> entry);

  /**
   * The login form, with an error after a failed attempt. Tornado demo: login.html.
   *
   * @param page the page's context
   * @param error what went wrong, or empty
   * @return the page
   */
  String login(PageContext page, Optional<String> error);

  /**
   * The form that creates the first author. Tornado demo: create_author.html.
   *
   * @param page the page's context
   * @return the page
   */
  String createAuthor(PageContext page);
}
