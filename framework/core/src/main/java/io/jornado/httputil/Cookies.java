package io.jornado.httputil;

import io.jornado.util.PythonCookies;
import io.jornado.util.PythonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Cookie request header as browsers send it (Tornado's httputil.parse_cookie), then keeps
 * only the names a Python SimpleCookie accepts, as HTTPServerRequest.cookies does.
 */
final class Cookies {
  private Cookies() {}

  /** Several Cookie lines count as one value joined with commas, as Tornado's HTTPHeaders joins them. */
  static Map<String, String> parse(List<String> headerLines) {
    Map<String, String> cookies = new LinkedHashMap<>();
    if (headerLines.isEmpty()) {
      return cookies;
    }
    for (String chunk : String.join(",", headerLines).split(";", -1)) {
      int eq = chunk.indexOf('=');
      String key = eq < 0 ? "" : PythonText.strip(chunk.substring(0, eq));
      String value = PythonText.strip(eq < 0 ? chunk : chunk.substring(eq + 1));
      if (PythonCookies.isLegalName(key) && !PythonCookies.isReservedName(key)) {
        cookies.put(key, PythonCookies.unquote(value));
      }
    }
    return cookies;
  }
}
