package io.jornado.web;

/** Tornado's argument clean-up: control characters become spaces, then Python's str.strip(). */
final class ArgumentText {
  private ArgumentText() {}

  /** Replaces [\x00-\x08\x0e-\x1f] with a space, as RequestHandler._remove_control_chars_regex. */
  static String removeControlCharacters(String value) {
    char[] chars = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x08 || (c >= 0x0e && c <= 0x1f)) {
        if (chars == null) {
          chars = value.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? value : new String(chars);
  }

  /** Python's str.strip(): removes Unicode whitespace (and \x1c-\x1f) from both ends. */
  static String stripPython(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isPythonSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  private static boolean isPythonSpace(char c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
