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

  static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
