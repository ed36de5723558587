package io.jornado.httputil;

import io.jornado.escape.Escape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses query strings, urlencoded and multipart bodies as Tornado's httputil does. */
final class FormParser {
  /** Tornado: ParseMultipartConfig.max_parts (counting the empty piece before the first boundary). */
  static final int MAX_PARTS = 100;

  /** Tornado: ParseMultipartConfig.max_part_header_size. */
  static final int MAX_PART_HEADER_SIZE = 10 * 1024;

  private FormParser() {}

  /** Python's parse_qs with keep_blank_values=True: '&'-separated, '+' is space, blank values kept. */
  static Arguments parseQuery(String query) {
    if (query == null || query.isEmpty()) {
      return Arguments.EMPTY;
    }
    Arguments args = new Arguments();
    int start = 0;
    int n = query.length();
    while (start <= n) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        String field = query.substring(start, end);
        int eq = field.indexOf('=');
        String name = eq < 0 ? field : field.substring(0, eq);
        String value = eq < 0 ? "" : field.substring(eq + 1);
        String decodedName = new String(Escape.urlUnescapeToBytes(name, true), StandardCharsets.UTF_8);
        args.add(decodedName, Escape.urlUnescapeToBytes(value, true));
      }
      start = end + 1;
    }
    return args;
  }

  /** Body arguments and files for urlencoded and multipart bodies; other types give nothing. */
  static Arguments parseBody(String contentType, byte[] body, Map<String, List<HttpFile>> files) {
    if (contentType == null || body.length == 0) {
      return Arguments.EMPTY;
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      return parseQuery(new String(body, StandardCharsets.ISO_8859_1));
    }
    if (contentType.startsWith("multipart/form-data")) {
      if (!contentType.split(";", 2)[0].strip().equals("multipart/form-data")) {
        throw new IllegalArgumentException("Invalid content type");
      }
      for (String field : contentType.split(";")) {
        String f = field.strip();
        int eq = f.indexOf('=');
        if (eq > 0 && f.substring(0, eq).equals("boundary") && eq < f.length() - 1) {
          return parseMultipart(f.substring(eq + 1), body, files);
        }
      }
      throw new IllegalArgumentException("multipart boundary not found");
    }
    return Arguments.EMPTY;
  }

  static Arguments parseMultipart(String boundary, byte[] data, Map<String, List<HttpFile>> files) {
    if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
      boundary = boundary.substring(1, boundary.length() - 1);
    }
    byte[] finalBoundary = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
    int finalIndex = lastIndexOf(data, finalBoundary);
    if (finalIndex < 0) {
      throw new IllegalArgumentException("Invalid multipart/form-data: no final boundary found");
    }
    byte[] separator = ("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    if (countParts(data, separator, finalIndex) > MAX_PARTS) {
      throw new IllegalArgumentException("multipart/form-data has too many parts");
    }
    Arguments args = new Arguments();
    int pos = 0;
    while (pos < finalIndex) {
      int next = indexOf(data, separator, pos, finalIndex);
      int partEnd = next < 0 ? finalIndex : next;
      if (partEnd > pos) {
        parsePart(data, pos, partEnd, args, files);
      }
      if (next < 0) {
        break;
      }
      pos = next + separator.length;
    }
    return args;
  }

  private static void parsePart(byte[] data, int from, int to, Arguments args, Map<String, List<HttpFile>> files) {
    int eoh = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), from, to);
    if (eoh < 0) {
      throw new IllegalArgumentException("multipart/form-data missing headers");
    }
    if (eoh - from > MAX_PART_HEADER_SIZE) {
      throw new IllegalArgumentException("multipart/form-data part header too large");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String headerText = new String(data, from, eoh - from, StandardCharsets.UTF_8);
    for (String line : headerText.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    String disposition = HeaderParams.parse(headers.getOrDefault("content-disposition", ""), params);
    if (!disposition.equals("form-data") || to - from < 2 || data[to - 2] != '\r' || data[to - 1] != '\n') {
      throw new IllegalArgumentException("Invalid multipart/form-data");
    }
    byte[] value = java.util.Arrays.copyOfRange(data, eoh + 4, to - 2);
    String name = params.get("name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("multipart/form-data value missing name");
    }
    String filename = params.get("filename");
    if (filename != null && !filename.isEmpty()) {
      String type = headers.getOrDefault("content-type", "application/unknown");
      files.computeIfAbsent(name, k -> new ArrayList<>()).add(new HttpFile(filename, type, value));
    } else {
      args.add(name, value);
    }
  }

  /** The pieces the separator cuts the data before the final boundary into, as Python's split counts them. */
  private static int countParts(byte[] data, byte[] separator, int finalIndex) {
    int parts = 1;
    for (int at = indexOf(data, separator, 0, finalIndex); at >= 0 && parts <= MAX_PARTS;
        at = indexOf(data, separator, at + separator.length, finalIndex)) {
      parts++;
    }
    return parts;
  }

  static int indexOf(byte[] data, byte[] needle, int from, int to) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = data.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
