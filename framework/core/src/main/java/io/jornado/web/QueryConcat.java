package io.jornado.web;

import io.jornado.escape.Escape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Copies a request's query arguments onto a redirect target, as Tornado's
 * {@code url_concat(url, qs_to_qsl(request.query_arguments))}: the target's own query is re-encoded
 * (form encoding, blank values kept), then the request's arguments follow grouped by name in
 * order of first appearance, each value's bytes kept as sent; a fragment stays last.
 */
final class QueryConcat {
  private QueryConcat() {}

  static String append(String target, String rawQuery) {
    Map<String, List<byte[]>> requestArguments = new LinkedHashMap<>();
    for (byte[][] pair : pairs(rawQuery)) {
      String name = new String(pair[0], StandardCharsets.ISO_8859_1);
      requestArguments.computeIfAbsent(name, k -> new ArrayList<>(1)).add(pair[1]);
    }
    if (requestArguments.isEmpty()) {
      return target;
    }
    int hash = target.indexOf('#');
    String fragment = hash < 0 ? "" : target.substring(hash);
    String beforeFragment = hash < 0 ? target : target.substring(0, hash);
    int question = beforeFragment.indexOf('?');
    String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
    StringJoiner query = new StringJoiner("&");
    if (question >= 0) {
      for (byte[][] pair : pairs(percentEncodeNonAscii(beforeFragment.substring(question + 1)))) {
        query.add(Escape.urlEscape(utf8(pair[0]), true) + "=" + Escape.urlEscape(utf8(pair[1]), true));
      }
    }
    requestArguments.forEach((name, values) -> {
      String encodedName = Escape.urlEscape(name.getBytes(StandardCharsets.ISO_8859_1), true);
      for (byte[] value : values) {
        query.add(encodedName + "=" + Escape.urlEscape(value, true));
      }
    });
    return base + "?" + query + fragment;
  }

  /** Python's parse_qsl(keep_blank_values=True) as raw bytes: '&'-separated, '+' is space. */
  private static List<byte[][]> pairs(String query) {
    List<byte[][]> pairs = new ArrayList<>();
    for (String field : query.split("&")) {
      if (field.isEmpty()) {
        continue;
      }
      int eq = field.indexOf('=');
      String name = eq < 0 ? field : field.substring(0, eq);
      String value = eq < 0 ? "" : field.substring(eq + 1);
      pairs.add(new byte[][] {Escape.urlUnescapeToBytes(name, true), Escape.urlUnescapeToBytes(value, true)});
    }
    return pairs;
  }

  /** Valid UTF-8 stays as it is; invalid bytes become U+FFFD, as Python's unquote(errors='replace'). */
  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The target is text, not a request line: its non-ASCII characters stand for their UTF-8 bytes. */
  private static String percentEncodeNonAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
        i = end - 1;
      }
    }
    return out.toString();
  }
}
