package io.jornado.samples.blog;

import static io.jornado.escape.Escape.urlEscape;
import static io.jornado.escape.Escape.xhtmlEscape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The blog's pages built in plain Java: every value from the database or the request is escaped
 * with {@code xhtmlEscape}, except an entry's {@code html}, which {@link Markdown} made safe.
 *
 * <p>Ports the templates of Tornado's blog demo (base.html and the pages that extend it).
 */
public final class HtmlViews implements BlogViews {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ATOM_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final String STYLE = """
        <style>
          body { font-family: Georgia, serif; max-width: 44em; margin: 1em auto; padding: 0 1em; }
          #header { border-bottom: 1px solid #ccc; margin-bottom: 1em; }
          #header h1 a, .entry h1 a, .archive a { color: inherit; text-decoration: none; }
          .date { color: #777; font-size: 90%; }
          .entry { margin-bottom: 2em; }
          ul.archive { list-style: none; padding: 0; }
          ul.archive li { margin-bottom: 1em; }
          form.compose .title, form.compose .markdown { width: 100%; box-sizing: border-box; }
        </style>
      """;

  /** Makes the views. */
  public HtmlViews() {}

  @Override
  public String home(PageContext page, List<Entry> entries) {
    StringBuilder body = new StringBuilder();
    entries.forEach(entry -> body.append(entryModule(page, entry)));
    body.append("<div><a href=\"/archive\">Archive</a></div>\n");
    return layout(page, body);
  }

  @Override
  public String entry(PageContext page, Entry entry) {
    return layout(page, entryModule(page, entry));
  }

  @Override
  public String archive(PageContext page, List<Entry> entries) {
    StringBuilder body = new StringBuilder("<ul class=\"archive\">\n");
    for (Entry entry : entries) {
      body.append("<li>\n<div class=\"title\"><a href=\"/entry/").append(xhtmlEscape(entry.slug())).append("\">")
          .append(xhtmlEscape(entry.title())).append("</a></div>\n<div class=\"date\">")
          .append(DATE.format(entry.published())).append("</div>\n</li>\n");
    }
    return layout(page, body.append("</ul>\n"));
  }

  @Override
  public String feed(PageContext page, List<Entry> entries) {
    String site = "http://" + page.host() + "/";
    String title = xhtmlEscape(page.blogTitle());
    Instant updated = entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElseGet(Instant::now);
    StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <title>").append(title).append("</title>\n")
        .append("  <updated>").append(ATOM_DATE.format(updated)).append("</updated>\n")
        .append("  <id>").append(xhtmlEscape(site)).append("</id>\n")
        .append("  <link rel=\"alternate\" href=\"").append(xhtmlEscape(site)).append("\" title=\"").append(title)
        .append("\" type=\"text/html\"/>\n")
        .append("  <link rel=\"self\" href=\"").append(xhtmlEscape(page.fullUrl())).append("\" title=\"").append(title)
        .append("\" type=\"application/atom+xml\"/>\n")
        .append("  <author><name>").append(title).append("</name></author>\n");
    for (Entry entry : entries) {
      String link = xhtmlEscape(site + "entry/" + entry.slug());
      feed.append("  <entry>\n")
          .append("    <id>").append(link).append("</id>\n")
          .append("    <title type=\"text\">").append(xhtmlEscape(entry.title())).append("</title>\n")
          .append("    <link href=\"").append(link).append("\" rel=\"alternate\" type=\"text/html\"/>\n")
          .append("    <updated>").append(ATOM_DATE.format(entry.updated())).append("</updated>\n")
          .append("    <published>").append(ATOM_DATE.format(entry.published())).append("</published>\n")
          .append("    <content type=\"xhtml\" xml:base=\"").append(xhtmlEscape(site)).append("\">\n")
          .append("      <div xmlns=\"http://www.w3.org/1999/xhtml\">").append(entry.html()).append("</div>\n")
          .append("    </content>\n")
          .append("  </entry>\n");
    }
    return feed.append("</feed>\n").toString();
  }

  @Override
  public String compose(PageContext page, Optional<Entry> entry) {
    StringBuilder body = new StringBuilder("<form action=\"").append(xhtmlEscape(page.path()))
        .append("\" method=\"post\" class=\"compose\">\n")
        .append("<div><input name=\"title\" type=\"text\" class=\"title\" value=\"")
        .append(xhtmlEscape(entry.map(Entry::title).orElse(""))).append("\" required></div>\n")
        .append("<div><textarea name=\"markdown\" rows=\"30\" cols=\"40\" class=\"markdown\" required>")
        .append(xhtmlEscape(entry.map(Entry::markdown).orElse(""))).append("</textarea></div>\n")
        .append("<div>\n<input type=\"submit\" value=\"").append(entry.isPresent() ? "Save changes" : "Publish post")
        .append("\" class=\"submit\">\n&nbsp;<a href=\"")
        .append(xhtmlEscape(entry.map(e -> "/entry/" + e.slug()).orElse("/"))).append("\">Cancel</a>\n</div>\n");
    entry.ifPresent(e -> body.append("<input type=\"hidden\" name=\"id\" value=\"").append(e.id()).append("\">\n"));
    return layout(page, body.append("</form>\n"));
  }

  @Override
  public String login(PageContext page, Optional<String> error) {
    StringBuilder body = new StringBuilder();
    error.ifPresent(e -> body.append("<p class=\"error\" style=\"color: red\">Error: ").append(xhtmlEscape(e))
        .append("</p>\n"));
    body.append("<form action=\"/auth/login").append(nextQuery(page)).append("\" method=\"post\">\n")
        .append("Email: <input name=\"email\" type=\"text\"><br>\n")
        .append("Password: <input name=\"password\" type=\"password\"><br>\n")
        .append("<input type=\"submit\" value=\"Sign in\">\n</form>\n");
    return layout(page, body);
  }

  @Override
  public String createAuthor(PageContext page) {
    StringBuilder body = new StringBuilder("<form action=\"/auth/create").append(nextQuery(page))
        .append("\" method=\"post\">\n")
        .append("Email: <input name=\"email\" type=\"text\"><br>\n")
        .append("Name: <input name=\"name\" type=\"text\"><br>\n")
        .append("Password: <input name=\"password\" type=\"password\"><br>\n")
        .append("<input type=\"submit\" value=\"Create author\">\n</form>\n");
    return layout(page, body);
  }

  /** The demo's Entry UI module (modules/entry.html). */
  private static String entryModule(PageContext page, Entry entry) {
    StringBuilder html = new StringBuilder("<div class=\"entry\">\n<h1><a href=\"/entry/")
        .append(xhtmlEscape(entry.slug())).append("\">").append(xhtmlEscape(entry.title())).append("</a></h1>\n")
        .append("<div class=\"date\">").append(DATE.format(entry.published())).append("</div>\n")
        .append("<div class=\"body\">").append(entry.html()).append("</div>\n");
    if (page.currentUser().isPresent()) {
      html.append("<div class=\"admin\"><a href=\"/compose?id=").append(entry.id()).append("\">Edit this post</a></div>\n");
    }
    return html.append("</div>\n").toString();
  }

  /** The demo's base.html around a page's body. */
  private static String layout(PageContext page, CharSequence body) {
    String title = xhtmlEscape(page.blogTitle());
    String next = urlEscape(page.path());
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<title>").append(title).append("</title>\n")
        .append("<link rel=\"alternate\" href=\"/feed\" type=\"application/atom+xml\" title=\"").append(title)
        .append("\">\n").append(STYLE).append("</head>\n<body>\n<div id=\"body\">\n<div id=\"header\">\n")
        .append("<div style=\"float:right\">\n");
    if (page.currentUser().isPresent()) {
      html.append("<a href=\"/compose\">New post</a> -\n<a href=\"/auth/logout?next=").append(next)
          .append("\">Sign out</a>\n");
    } else {
      html.append("<a href=\"/auth/login?next=").append(next).append("\">Sign in</a> to compose/edit\n");
    }
    return html.append("</div>\n<h1><a href=\"/\">").append(title).append("</a></h1>\n</div>\n")
        .append("<div id=\"content\">\n").append(body).append("</div>\n</div>\n</body>\n</html>\n").toString();
  }

  /** Keeps the page's {@code ?next=} on a form's action, so that the form's answer goes there. */
  private static String nextQuery(PageContext page) {
    return page.next().map(next -> "?next=" + xhtmlEscape(urlEscape(next))).orElse("");
  }
}
