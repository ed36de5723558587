package io.jornado.util;

/**
 * Python's string semantics where Tornado's observable text depends on them: {@code repr()} in error
 * messages that name an offending value, and {@code str.strip()} for arguments.
 *
 * <p>Tornado: (Python built-ins {@code repr} and {@code str.strip} as Tornado uses them).
 */
public final class PythonText {
  private PythonText() {}

  /**
   * Python's {@code repr} of a string: single quotes unless the text holds a single quote and no
   * double quote, with {@code \t \n \r}, backslashes and non-printable characters escaped.
   *
   * <p>Tornado: (repr of str, as in {@code Unsafe header value 'a\r\nb'}).
   *
   * @param text the text
   * @return the quoted, escaped text
   */
  public static String repr(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    text.codePoints().forEach(cp -> {
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
    });
    return out.append(quote).toString();
  }

  /**
   * Python's {@code str.strip()} with no argument: removes whitespace as {@link #isSpace(int)} defines it.
   *
   * <p>Tornado: (str.strip, as get_argument applies it).
   *
   * @param text the text
   * @return the text without leading and trailing whitespace
   */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }

  /**
   * Python's {@code str.isspace()} for one character (includes \x1c-\x1f and U+0085).
   *
   * <p>Tornado: (str.isspace).
   *
   * @param c a character
   * @return whether Python counts it as whitespace
   */
  public static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
