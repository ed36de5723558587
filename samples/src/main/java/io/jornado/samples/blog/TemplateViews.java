package io.jornado.samples.blog;

import io.jornado.template.BaseLoader;
import io.jornado.template.DictLoader;
import io.jornado.template.TemplateFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The blog's pages rendered from the templates under {@code io/jornado/samples/blog/templates/} on
 * the classpath: Tornado's blog demo templates ported to Jornado's template language, with
 * autoescaping on and {@code base.html} as the layout the pages extend.
 *
 * <p>The templates see the names Tornado's {@code RequestHandler.render} gives them, filled from the
 * {@link PageContext}: {@code handler.settings["blog_title"]}, {@code current_user},
 * {@code request.path}, {@code request.host}, {@code request.full_url()}, {@code locale.format_date}
 * and {@code _} (English only), plus {@code next} (the request's {@code next} argument),
 * {@code atom_date} and {@code utc_now} for the feed.
 *
 * <p>Ports the templates of Tornado's blog demo (demos/blog/templates).
 */
public final class TemplateViews implements BlogViews {
  /** The templates' folder on the classpath. */
  static final String TEMPLATE_DIR = "/io/jornado/samples/blog/templates/";

  /** Every template, by its name for the loader. */
  static final List<String> TEMPLATES = List.of("base.html", "home.html", "entry.html", "archive.html",
      "compose.html", "create_author.html", "login.html", "feed.xml", "modules/entry.html");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ATOM_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final BaseLoader loader = new DictLoader(readTemplates(), "xhtml_escape", Map.of(
      "_", (Function<Object, Object>) text -> text,
      "locale", Map.of("format_date", (TemplateFunction) TemplateViews::formatDate),
      "atom_date", (Function<Instant, String>) ATOM_DATE::format,
      "utc_now", (Supplier<Instant>) Instant::now), null);

  /** Reads the templates from the classpath. */
  public TemplateViews() {}

  @Override
  public String home(PageContext page, List<Entry> entries) {
    return render("home.html", page, Map.of("entries", entries));
  }

  @Override
  public String entry(PageContext page, Entry entry) {
    return render("entry.html", page, Map.of("entry", entry));
  }

  @Override
  public String archive(PageContext page, List<Entry> entries) {
    return render("archive.html", page, Map.of("entries", entries));
  }

  @Override
  public String feed(PageContext page, List<Entry> entries) {
    return render("feed.xml", page, Map.of("entries", entries));
  }

  @Override
  public String compose(PageContext page, Optional<Entry> entry) {
    return render("compose.html", page, nullable("entry", entry));
  }

  @Override
  public String login(PageContext page, Optional<String> error) {
    return render("login.html", page, nullable("error", error));
  }

  @Override
  public String createAuthor(PageContext page) {
    return render("create_author.html", page, Map.of());
  }

  /**
   * The loader that holds the parsed templates.
   *
   * @return the loader
   */
  BaseLoader loader() {
    return loader;
  }

  private String render(String template, PageContext page, Map<String, Object> args) {
    Map<String, Object> namespace = new HashMap<>(args);
    namespace.put("handler", Map.of("settings", Map.of("blog_title", page.blogTitle())));
    namespace.put("current_user", page.currentUser().orElse(null));
    namespace.put("request", Map.of("path", page.path(), "host", page.host(),
        "full_url", (Supplier<String>) page::fullUrl));
    namespace.put("next", page.next().orElse(null));
    return loader.load(template).generate(namespace);
  }

  /** A map that holds {@code None} when the value is absent, as the demo passes {@code error=None}. */
  private static Map<String, Object> nullable(String name, Optional<?> value) {
    Map<String, Object> args = new HashMap<>();
    args.put(name, value.orElse(null));
    return args;
  }

  /**
   * Tornado's {@code Locale.format_date(date, full_format=True, shorter=True)} for English: the
   * only form the templates use ({@code November 26, 2026}, UTC).
   */
  private static Object formatDate(List<Object> args, Map<String, Object> kwargs) {
    if (args.size() != 1 || !(args.get(0) instanceof Instant)
        || !kwargs.equals(Map.of("full_format", true, "shorter", true))) {
      throw new IllegalArgumentException(
          "format_date takes one instant and full_format=True, shorter=True, not " + args + " " + kwargs);
    }
    return DATE.format((Instant) args.get(0));
  }

  private static Map<String, String> readTemplates() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name : TEMPLATES) {
      try (InputStream in = TemplateViews.class.getResourceAsStream(TEMPLATE_DIR + name)) {
        if (in == null) {
          throw new IllegalStateException("template " + name + " is not on the classpath under " + TEMPLATE_DIR);
        }
        sources.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read template " + name, e);
      }
    }
    return sources;
  }
}
