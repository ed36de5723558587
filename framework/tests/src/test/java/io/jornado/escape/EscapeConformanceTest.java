package io.jornado.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Checks Escape against escape-table.json, the outputs of Tornado 6.5.7's tornado.escape for the
 * same inputs (written by src/test/resources/escape/make_escape_table.py).
 */
class EscapeConformanceTest {
  /** The same function as extra_by_host in make_escape_table.py. */
  private static final Map<String, Function<String, String>> CALLABLES = Map.of("extra_by_host",
      href -> href.startsWith("http://example.com")
          ? "class=\"internal\"" : "  class=\"external\" rel=\"nofollow\"\n");

  @Test
  void everyRowMatchesTornado() throws Exception {
    JsonNode table;
    try (InputStream in = getClass().getResourceAsStream("/escape/escape-table.json")) {
      table = new ObjectMapper().readTree(in);
    }
    assertEquals("6.5.7", table.get("tornado").asText());
    JsonNode rows = table.get("rows");
    assertTrue(rows.size() >= 200, "rows: " + rows.size());
    List<String> mismatches = new ArrayList<>();
    for (JsonNode row : rows) {
      String fn = row.get("fn").asText();
      JsonNode args = row.get("args");
      JsonNode expect = row.get("expect");
      Object actual;
      try {
        actual = call(fn, args);
      } catch (IllegalArgumentException e) {
        actual = Map.of("error", e.getMessage());
      }
      if (!matches(fn, expect, actual)) {
        mismatches.add(fn + " " + show(args) + "\n    expected " + show(expect) + "\n    actual   "
            + show(actual));
      }
    }
    assertTrue(mismatches.isEmpty(),
        mismatches.size() + " of " + rows.size() + " rows differ from Tornado:\n" + String.join("\n", mismatches));
  }

  private static Object call(String fn, JsonNode args) {
    JsonNode first = args.get(0);
    switch (fn) {
      case "xhtml_escape":
        return Escape.xhtmlEscape(textOrBytes(first));
      case "xhtml_unescape":
        return Escape.xhtmlUnescape(textOrBytes(first));
      case "url_escape":
        return first.isTextual() ? Escape.urlEscape(first.asText(), args.get(1).asBoolean())
            : Escape.urlEscape(bytes(first), args.get(1).asBoolean());
      case "url_unescape":
        return Escape.urlUnescape(first.asText(), args.get(1).asBoolean());
      case "url_unescape_bytes":
        return Escape.urlUnescapeToBytes(
            first.isTextual() ? Escape.utf8(first.asText()) : bytes(first), args.get(1).asBoolean());
      case "json_encode":
        return Escape.jsonEncode(fromTyped(first));
      case "json_decode":
        return first.isTextual() ? Escape.jsonDecode(first.asText()) : Escape.jsonDecode(bytes(first));
      case "squeeze":
        return Escape.squeeze(first.asText());
      case "utf8":
        return Escape.utf8(first.asText());
      case "to_unicode":
        return Escape.toUnicode(bytes(first));
      case "linkify":
        return linkify(args);
      default:
        throw new AssertionError("unknown function in table: " + fn);
    }
  }

  private static String linkify(JsonNode args) {
    String text = args.get(0).isTextual() ? args.get(0).asText() : Escape.toUnicode(bytes(args.get(0)));
    if (args.size() == 1) {
      return Escape.linkify(text);
    }
    boolean shorten = args.get(1).asBoolean();
    JsonNode extra = args.get(2);
    boolean requireProtocol = args.get(3).asBoolean();
    List<String> protocols = new ArrayList<>();
    args.get(4).forEach(p -> protocols.add(p.asText()));
    return extra.isTextual()
        ? Escape.linkify(text, shorten, extra.asText(), requireProtocol, protocols)
        : Escape.linkify(text, shorten, CALLABLES.get(extra.get("callable").asText()), requireProtocol,
            protocols);
  }

  private static boolean matches(String fn, JsonNode expect, Object actual) {
    if (expect.has("error")) {
      return actual instanceof Map && ((Map<?, ?>) actual).containsKey("error")
          && (!expect.has("message") || expect.get("message").asText().equals(((Map<?, ?>) actual).get("error")));
    }
    if (expect.has("bytes")) {
      return actual instanceof byte[] && Arrays.equals(bytes(expect), (byte[]) actual);
    }
    if (fn.equals("json_decode")) {
      return java.util.Objects.equals(fromTyped(expect), actual);
    }
    return expect.asText().equals(actual);
  }

  private static Object textOrBytes(JsonNode node) {
    return node.isTextual() ? node.asText() : bytes(node);
  }

  private static byte[] bytes(JsonNode node) {
    return HexFormat.of().parseHex(node.get("bytes").asText());
  }

  /** Builds the Java value jsonDecode gives for a typed tree of make_escape_table.py. */
  private static Object fromTyped(JsonNode node) {
    String type = node.fieldNames().next();
    JsonNode value = node.get(type);
    switch (type) {
      case "null":
        return null;
      case "bool":
        return value.asBoolean();
      case "int":
        BigInteger big = new BigInteger(value.asText());
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      case "float":
        return pythonFloat(value.asText());
      case "str":
        return value.asText();
      case "list":
        List<Object> list = new ArrayList<>();
        value.forEach(item -> list.add(fromTyped(item)));
        return list;
      case "dict":
        Map<String, Object> map = new LinkedHashMap<>();
        value.forEach(pair -> map.put(pair.get(0).asText(), fromTyped(pair.get(1))));
        return map;
      default:
        throw new AssertionError("unknown type in table: " + type);
    }
  }

  private static Double pythonFloat(String repr) {
    switch (repr) {
      case "nan": return Double.NaN;
      case "inf": return Double.POSITIVE_INFINITY;
      case "-inf": return Double.NEGATIVE_INFINITY;
      default: return Double.parseDouble(repr);
    }
  }

  private static String show(Object value) {
    String text = value instanceof byte[] ? "bytes " + HexFormat.of().formatHex((byte[]) value)
        : String.valueOf(value);
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> {
      if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append((char) c);
      }
    });
    return out.toString();
  }
}
