package io.jornado.httputil;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses a Cookie request header as browsers send it (Tornado's httputil.parse_cookie). */
final class Cookies {
  private Cookies() {}

  static Map<String, String> parse(String header) {
    Map<String, String> cookies = new LinkedHashMap<>();
    if (header == null) {
      return cookies;
    }
    for (String chunk : header.split(";", -1)) {
      int eq = chunk.indexOf('=');
      String key = eq < 0 ? "" : chunk.substring(0, eq).strip();
      String value = (eq < 0 ? chunk : chunk.substring(eq + 1)).strip();
      if (!key.isEmpty() || !value.isEmpty()) {
        cookies.put(key, unquote(value));
      }
    }
    return cookies;
  }

  /** Python's http.cookies._unquote: only a double-quoted value has its escapes decoded. */
  static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    String inner = value.substring(1, value.length() - 1);
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && isOctal(inner, i + 1)) {
        out.append((char) Integer.parseInt(inner.substring(i + 1, i + 4), 8));
        i += 3;
      } else if (c == '\\' && i + 1 < inner.length()) {
        out.append(inner.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int at) {
    if (at + 3 > s.length()) {
      return false;
    }
    for (int i = at; i < at + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return s.charAt(at) <= '3';
  }
}
