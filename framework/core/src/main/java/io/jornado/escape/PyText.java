package io.jornado.escape;

/** Python's notion of whitespace (str.isspace, str.strip) and of a word character (\w in a str pattern). */
final class PyText {
  /** The characters for which Python's str.isspace() is true, as a regex class body. */
  static final String SPACE_CLASS =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
  /** Python's \w for str patterns (letters, numbers and "_"), as a regex class body. */
  static final String WORD_CLASS = "\\p{L}\\p{N}_";

  private PyText() {}

  static boolean isSpace(char c) {
    if (c <= 0x20) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    switch (c) {
      case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200a;
    }
  }

  /** Python's str.strip() with no argument. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static int codePointLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Python's s[:n] counted in code points. */
  static String prefix(String s, int codePoints) {
    return codePointLength(s) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }
}
