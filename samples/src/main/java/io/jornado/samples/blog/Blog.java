package io.jornado.samples.blog;

import static io.jornado.web.UrlSpec.url;

import io.jornado.ioloop.IOLoop;
import io.jornado.options.Option;
import io.jornado.options.Options;
import io.jornado.samples.SampleMain;
import io.jornado.web.Application;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The blog sample: one author writes entries (title and Markdown), readers see the newest on the home
 * page, every title in the archive and the newest ten in an Atom feed.
 *
 * <ul>
 *   <li>{@code GET /}: {@link HomeHandler}; {@code GET /archive}: {@link ArchiveHandler};
 *       {@code GET /feed}: {@link FeedHandler}; {@code GET /entry/<slug>}: {@link EntryHandler}.
 *   <li>{@code GET|POST /compose}: {@link ComposeHandler}, for the logged-in author.
 *   <li>{@code /auth/create}, {@code /auth/login}, {@code /auth/logout}: {@link AuthCreateHandler},
 *       {@link AuthLoginHandler}, {@link AuthLogoutHandler}.
 * </ul>
 *
 * <p>Run with {@code java -jar jornado-samples.jar blog [--port=8888] [--address=127.0.0.1]
 * [--db_url=URL]}; the first visit leads to creating the author.
 *
 * <p>Ports Tornado's blog demo (demos/blog/blog.py).
 */
public final class Blog {
  /** The blog's name, shown in every page's title and the feed. */
  public static final String BLOG_TITLE = "Jornado Blog";

  /**
   * The database when {@code --db_url} names none: an H2 file under the system's temporary
   * directory, so entries outlive a restart without a database server to install.
   */
  public static final String DEFAULT_DB_URL =
      "jdbc:h2:file:" + Path.of(System.getProperty("java.io.tmpdir"), "jornado-blog", "blog").toAbsolutePath();

  private Blog() {}

  /**
   * The application, shared by {@link #main} and the tests. Its settings are the demo's:
   * {@code blog_title}, {@code login_url}, the templates ({@code template_loader}, since they are
   * classpath resources, not a {@code template_path} directory), {@code ui_modules} with
   * {@link EntryModule} as {@code Entry}, and {@code ui_methods} for the feed's dates.
   *
   * @param store where authors and entries are kept
   * @return the blog application
   */
  public static Application makeApp(BlogStore store) {
    Map<String, Object> shared = Map.of(BaseHandler.STORE, store, BaseHandler.SESSIONS, new Sessions());
    return new Application(List.of(
        url("/", HomeHandler.class, shared),
        url("/archive", ArchiveHandler.class, shared),
        url("/feed", FeedHandler.class, shared),
        url("/entry/([^/]+)", EntryHandler.class, shared),
        url("/compose", ComposeHandler.class, shared),
        url("/auth/create", AuthCreateHandler.class, shared),
        url("/auth/login", AuthLoginHandler.class, shared),
        url("/auth/logout", AuthLogoutHandler.class, shared)),
        Map.of("blog_title", BLOG_TITLE,
            "login_url", ComposeHandler.LOGIN_URL,
            "template_loader", BlogTemplates.loader(),
            "ui_modules", Map.of("Entry", EntryModule.class),
            "ui_methods", BlogTemplates.UI_METHODS));
  }

  /**
   * Runs the sample: {@code blog [--port=8888] [--address=127.0.0.1] [--db_url=URL]}, where URL is
   * {@code jdbc:h2:...} (default {@link #DEFAULT_DB_URL}) or {@code postgresql://user:password@host/db}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    Option<String> dbUrl = Options.define("db_url", DEFAULT_DB_URL,
        "database: jdbc:h2:... (embedded) or postgresql://user:password@host:5432/blog");
    SampleMain.runAsync("blog", args, () -> {
      System.out.println("Blog database: " + dbUrl.value());
      return BlogStore.open(IOLoop.current().vertx(), dbUrl.value()).map(Blog::makeApp);
    });
  }
}
