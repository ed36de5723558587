package io.jornado.websocket;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Header parsing for the handshake: Origin netloc, comma-separated tokens. */
final class Origins {
  private Origins() {}

  /** Python's urlparse(origin).netloc.lower(): host[:port] as written, lower-cased; empty when absent. */
  static String netloc(String origin) {
    try {
      String authority = URI.create(origin.strip()).getRawAuthority();
      return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      int start = origin.indexOf("//");
      if (start < 0) {
        return "";
      }
      int end = origin.indexOf('/', start + 2);
      return origin.substring(start + 2, end < 0 ? origin.length() : end).toLowerCase(Locale.ROOT);
    }
  }

  static boolean hasToken(String header, String token) {
    return header != null && tokens(header).stream().anyMatch(t -> t.equalsIgnoreCase(token));
  }

  static List<String> tokens(String header) {
    List<String> tokens = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return tokens;
    }
    for (String part : header.split(",")) {
      tokens.add(part.strip());
    }
    return tokens;
  }
}
