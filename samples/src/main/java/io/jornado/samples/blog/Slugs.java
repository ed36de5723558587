package io.jornado.samples.blog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry slugs: the title in lower-case ASCII words joined by {@code -}.
 *
 * <p>Ports the slug code of the blog demo's ComposeHandler.post, with three differences: accents
 * are dropped rather than splitting a word ({@code Café crème} is {@code cafe-creme}, where the demo
 * gives {@code cafe-cre-me}); a word with no ASCII letter leaves no stray {@code -}; and the
 * uniqueness suffix counts ({@code -2}, {@code -3}) where the demo appends {@code -2} again.
 */
final class Slugs {
  /** Longest slug before a uniqueness suffix; the column holds 100 characters. */
  static final int MAX_LENGTH = 90;

  /** Python's {@code \W} (not a letter, digit or underscore), except that combining marks count as letters. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}_]+");
  private static final Pattern NOT_ASCII = Pattern.compile("[^\\x00-\\x7f]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Slugs() {}

  /**
   * The slug for a title, {@code entry} when nothing of it is left.
   *
   * @param title the entry's title
   * @return lower-case ASCII letters, digits, {@code _} and {@code -}, at most {@link #MAX_LENGTH} long
   */
  static String slugify(String title) {
    String text = Normalizer.normalize(title, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    text = NOT_WORD.matcher(text).replaceAll(" ");
    text = NOT_ASCII.matcher(text).replaceAll("").strip();
    String slug = text.isEmpty() ? "" : String.join("-", SPACES.split(text));
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "entry" : slug;
  }

  /**
   * The first of {@code base}, {@code base-2}, {@code base-3}, ... that is not taken.
   *
   * @param base a slug from {@link #slugify}
   * @param taken slugs already in use
   * @return a free slug
   */
  static String unique(String base, Set<String> taken) {
    String slug = base;
    for (int n = 2; taken.contains(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }
}
