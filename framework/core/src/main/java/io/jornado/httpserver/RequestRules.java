package io.jornado.httpserver;

/** Tornado 6.5's ABNF checks on a request's target and Host header (httputil._ABNF). */
final class RequestRules {
  private static final boolean[] HOST_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      HOST_CHARS[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=[]:".indexOf(c) >= 0;
    }
  }

  private RequestRules() {}

  /** A request target: one or more visible characters (no controls, spaces or DEL). */
  static boolean isValidTarget(String target) {
    if (target.isEmpty()) {
      return false;
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c == 0x7f || c > 0xff) {
        return false;
      }
    }
    return true;
  }

  /** A Host value: unreserved, sub-delims, percent-encoded, brackets and colons, then an optional port. */
  static boolean isValidHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = c < 128 && HOST_CHARS[c];
      if (c == '%') {
        ok = i + 2 < host.length() && isHex(host.charAt(i + 1)) && isHex(host.charAt(i + 2));
        i += 2;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
