package io.jornado.samples.blog;

import io.jornado.template.BaseLoader;
import io.jornado.template.DictLoader;
import io.jornado.template.TemplateFunction;
import io.jornado.web.UIMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The blog's templates (Tornado's blog demo templates, under {@code io/jornado/samples/blog/templates/}
 * on the classpath) and the helpers they call that Jornado does not provide: the demo's
 * {@code locale.format_date} (Jornado has no locales) and, for the feed, {@code atom_date} and
 * {@code utc_now} (Java instants have no {@code strftime}).
 */
final class BlogTemplates {
  /** The templates' folder on the classpath. */
  static final String TEMPLATE_DIR = "/io/jornado/samples/blog/templates/";

  /** Every template, by its name for the loader. */
  static final List<String> TEMPLATES = List.of("base.html", "home.html", "entry.html", "archive.html",
      "compose.html", "create_author.html", "login.html", "feed.xml", "modules/entry.html");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ATOM_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The {@code locale} templates see: English only, with the one {@code format_date} form they use.
   * {@code RequestHandler}'s namespace has {@code locale} None.
   */
  static final Map<String, Object> ENGLISH = Map.of("format_date", (TemplateFunction) BlogTemplates::formatDate);

  /** The {@code ui_methods} setting: {@code atom_date(instant)} and {@code utc_now()}. */
  static final Map<String, UIMethod> UI_METHODS = Map.of(
      "atom_date", (handler, args, kwargs) -> ATOM_DATE.format(instant("atom_date", args)),
      "utc_now", (handler, args, kwargs) -> Instant.now());

  private BlogTemplates() {}

  /**
   * A loader holding every template, read from the classpath, with autoescaping on: the
   * {@code template_loader} setting.
   *
   * @return the loader
   */
  static BaseLoader loader() {
    return new DictLoader(readTemplates(), "xhtml_escape", Map.of(), null);
  }

  /**
   * Tornado's {@code Locale.format_date(date, full_format=True, shorter=True)} for English: the
   * only form the templates use ({@code November 26, 2026}, UTC).
   */
  private static Object formatDate(List<Object> args, Map<String, Object> kwargs) {
    if (!kwargs.equals(Map.of("full_format", true, "shorter", true))) {
      throw new IllegalArgumentException(
          "format_date takes one instant and full_format=True, shorter=True, not " + args + " " + kwargs);
    }
    return DATE.format(instant("format_date", args));
  }

  private static Instant instant(String function, List<Object> args) {
    if (args.size() != 1 || !(args.get(0) instanceof Instant)) {
      throw new IllegalArgumentException(function + " takes one instant, not " + args);
    }
    return (Instant) args.get(0);
  }

  private static Map<String, String> readTemplates() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name : TEMPLATES) {
      try (InputStream in = BlogTemplates.class.getResourceAsStream(TEMPLATE_DIR + name)) {
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
