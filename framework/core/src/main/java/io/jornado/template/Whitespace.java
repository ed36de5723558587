package io.jornado.template;

import java.util.regex.Pattern;

/** Tornado's whitespace modes for template text: {@code all}, {@code single}, {@code oneline}. */
final class Whitespace {
  private static final Pattern BLANKS = Pattern.compile("[\t ]+");
  private static final Pattern NEWLINE = Pattern.compile("[\\s\\x1c-\\x1f\\x85]*\n[\\s\\x1c-\\x1f\\x85]*",
      Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern ANY = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

  private Whitespace() {}

  static String filter(String mode, String text) {
    switch (mode) {
      case "all":
        return text;
      case "single":
        return NEWLINE.matcher(BLANKS.matcher(text).replaceAll(" ")).replaceAll("\n");
      case "oneline":
        return ANY.matcher(text).replaceAll(" ");
      default:
        throw new IllegalArgumentException("invalid whitespace mode " + mode);
    }
  }
}
