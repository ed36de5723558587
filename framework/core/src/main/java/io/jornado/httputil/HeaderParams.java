package io.jornado.httputil;

import java.util.Locale;
import java.util.Map;

/** Parses a header value such as {@code form-data; name="a"; filename="b.txt"} (Tornado's _parse_header). */
final class HeaderParams {
  private HeaderParams() {}

  /** Returns the main value; puts lower-cased parameter names and unquoted values into params. */
  static String parse(String header, Map<String, String> params) {
    int i = 0;
    int n = header.length();
    int semi = nextSemicolon(header, 0);
    String main = header.substring(0, semi).strip();
    i = semi + 1;
    while (i < n) {
      int end = nextSemicolon(header, i);
      String item = header.substring(i, end).strip();
      int eq = item.indexOf('=');
      if (eq > 0) {
        String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = item.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
        }
        params.put(key, value);
      }
      i = end + 1;
    }
    return main;
  }

  private static int nextSemicolon(String s, int from) {
    boolean quoted = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return i;
      }
    }
    return s.length();
  }
}
