package io.jornado.web;

import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Header names in Tornado's Http-Header-Case, and the normalisation itself. */
final class HeaderNames {
  static final String SERVER = "Server";
  static final String CONTENT_TYPE = "Content-Type";
  static final String CONTENT_LENGTH = "Content-Length";
  static final String CONTENT_ENCODING = "Content-Encoding";
  static final String CONTENT_LANGUAGE = "Content-Language";
  static final String DATE = "Date";
  static final String ETAG = "Etag";
  static final String TEXT_HTML = "text/html; charset=UTF-8";

  static final String CONNECTION = "Connection";
  static final String TRANSFER_ENCODING = "Transfer-Encoding";

  private static final int CACHE_LIMIT = 512;
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private HeaderNames() {}

  /**
   * Vert.x adds Connection and Transfer-Encoding in lower case as it writes the head; Tornado sends them
   * as {@code Connection: close} then {@code Transfer-Encoding: chunked}, last.
   */
  static void recaseConnectionHeaders(MultiMap headers) {
    String connection = headers.get(CONNECTION);
    String transferEncoding = headers.get(TRANSFER_ENCODING);
    if (connection != null) {
      headers.remove(CONNECTION);
    }
    if (transferEncoding != null) {
      headers.remove(TRANSFER_ENCODING);
    }
    if (connection != null) {
      headers.add(CONNECTION, connection.equals("close") ? "close" : "Keep-Alive");
    }
    if (transferEncoding != null) {
      headers.add(TRANSFER_ENCODING, transferEncoding);
    }
  }

  /** "content-TYPE" -> "Content-Type", as httputil._normalize_header (cached for common names). */
  static String normalize(String name) {
    String cached = CACHE.get(name);
    if (cached != null) {
      return cached;
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    String normalized = out.toString();
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(name, normalized);
    }
    return normalized;
  }
}
