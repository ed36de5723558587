package io.jornado.samples.webspider;

import static io.jornado.web.UrlSpec.url;

import io.jornado.web.Application;
import io.jornado.web.HttpError;
import io.jornado.web.RequestHandler;
import java.util.List;
import java.util.Map;

/**
 * The site the spider crawls, served by Jornado itself on 127.0.0.1 so the sample never leaves the
 * machine: an index linking to page 0, and {@code pages} pages that link onwards (relative and
 * absolute links, fragments, a link off the site and one to a missing page), so every page is
 * reachable from the index.
 */
public final class Site {
  /** The route argument giving the number of pages. */
  static final String PAGES = "pages";

  private Site() {}

  /** {@code GET /docs/}: the index. */
  public static class IndexHandler extends RequestHandler {
    /** Made by the application for each request. */
    public IndexHandler() {}

    /** Writes the index page. */
    public void get() {
      write("<html><body><h1>Docs</h1><a href=\"page/0.html\">start</a> <a href=\"#top\">top</a>"
          + " <a href=\"http://example.invalid/elsewhere\">elsewhere</a></body></html>");
    }
  }

  /** {@code GET /docs/page/N.html}: page N of the site. */
  public static class PageHandler extends RequestHandler {
    private int pages;

    /** Made by the application for each request. */
    public PageHandler() {}

    @Override
    public void initialize(Map<String, Object> kwargs) {
      pages = (Integer) kwargs.get(PAGES);
    }

    /**
     * Writes page {@code n}.
     *
     * @param n the page number
     */
    public void get(String n) {
      int page = Integer.parseInt(n);
      if (page >= pages) {
        throw new HttpError(404);
      }
      StringBuilder html = new StringBuilder("<html><body><h1>Page ").append(page).append("</h1>\n");
      html.append("<a href=\"").append((page + 1) % pages).append(".html#section\">next</a>\n");
      html.append("<a href='/docs/page/").append((page * 7 + 3) % pages).append(".html'>jump</a>\n");
      html.append("<a href=\"../\">index</a> <a href=\"").append(page).append(".html\">self</a>\n");
      if (page == pages - 1) {
        html.append("<a href=\"").append(pages).append(".html\">missing</a>\n");
      }
      write(html.append("</body></html>").toString());
    }
  }

  /**
   * The site's application.
   *
   * @param pages how many pages besides the index
   * @return the application serving {@code /docs/}
   */
  public static Application makeApp(int pages) {
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be at least 1, got " + pages);
    }
    return new Application(List.of(
        url("/docs/", IndexHandler.class),
        url("/docs/page/([0-9]+)\\.html", PageHandler.class, Map.of(PAGES, pages))));
  }
}
