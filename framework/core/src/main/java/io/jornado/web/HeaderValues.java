package io.jornado.web;

/** Which header values and reason phrases Tornado accepts. */
final class HeaderValues {
  private HeaderValues() {}

  /** Header values may hold only \t, printable ASCII and \x80-\xff. */
  static boolean isSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 7230 reason-phrase (HTAB, SP, VCHAR, obs-text) without '<'. */
  static boolean isValidReason(String reason) {
    return isSafe(reason) && reason.indexOf('<') < 0;
  }
}
