package io.jornado.escape;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text as Python's json.loads does (NaN and Infinity accepted, control characters in
 * strings refused, lone surrogate escapes kept), with errors worded as Python's JSONDecodeError.
 */
final class JsonReader {
  private static final int MAX_DEPTH = 1000;
  private final String s;
  private int pos;
  private int depth;

  private JsonReader(String s) {
    this.s = s;
  }

  static Object read(String text) {
    JsonReader reader = new JsonReader(text);
    if (text.startsWith("\uFEFF")) {
      throw reader.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    reader.skipWhitespace();
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("Extra data", reader.pos);
    }
    return value;
  }

  private Object value() {
    if (pos >= s.length()) {
      throw error("Expecting value", pos);
    }
    char c = s.charAt(pos);
    switch (c) {
      case '"':
        pos++;
        return string();
      case '{':
        return nested(true);
      case '[':
        return nested(false);
      case 'n':
        return literal("null", null);
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'N':
        return literal("NaN", Double.NaN);
      case 'I':
        return literal("Infinity", Double.POSITIVE_INFINITY);
      default:
        if (s.startsWith("-Infinity", pos)) {
          pos += 9;
          return Double.NEGATIVE_INFINITY;
        }
        return number();
    }
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, pos)) {
      throw error("Expecting value", pos);
    }
    pos += word.length();
    return value;
  }

  private Object number() {
    int start = pos;
    int i = pos;
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    if (i < s.length() && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
      i = digits(i + 1);
    } else if (i < s.length() && s.charAt(i) == '0') {
      i++;
    } else {
      throw error("Expecting value", start);
    }
    boolean isFloat = false;
    if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(i + 1)) {
      i = digits(i + 1);
      isFloat = true;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int e = i + 1;
      if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
        e++;
      }
      if (isDigit(e)) {
        i = digits(e);
        isFloat = true;
      }
    }
    pos = i;
    String text = s.substring(start, i);
    if (isFloat) {
      return Double.parseDouble(text);
    }
    return text.length() < 19 ? (Object) Long.parseLong(text) : integer(text);
  }

  private static Object integer(String text) {
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private boolean isDigit(int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private int digits(int i) {
    while (isDigit(i)) {
      i++;
    }
    return i;
  }

  private String string() {
    int begin = pos - 1;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("Unterminated string starting at", begin);
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw error("Invalid control character at", pos);
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= s.length()) {
        throw error("Unterminated string starting at", begin);
      }
      char e = s.charAt(pos + 1);
      switch (e) {
        case '"': case '\\': case '/': out.append(e); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          out.append((char) hex4(pos + 2, pos + 1));
          pos += 4;
          break;
        default:
          throw error("Invalid \\escape", pos);
      }
      pos += 2;
    }
  }

  private int hex4(int at, int errorAt) {
    if (at + 4 > s.length()) {
      throw error("Invalid \\uXXXX escape", errorAt);
    }
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      char c = s.charAt(i);
      int digit = c < 0x80 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        throw error("Invalid \\uXXXX escape", errorAt);
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private Object nested(boolean object) {
    if (++depth > MAX_DEPTH) {
      throw error("Nesting deeper than " + MAX_DEPTH, pos);
    }
    pos++;
    Object result = object ? object() : array();
    depth--;
    return result;
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw error("Expecting property name enclosed in double quotes", pos);
      }
      pos++;
      String key = string();
      skipWhitespace();
      if (pos >= s.length() || s.charAt(pos) != ':') {
        throw error("Expecting ':' delimiter", pos);
      }
      pos++;
      skipWhitespace();
      map.put(key, value());
      skipWhitespace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return map;
      }
      if (pos >= s.length() || s.charAt(pos) != ',') {
        throw error("Expecting ',' delimiter", pos);
      }
      pos++;
      skipWhitespace();
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipWhitespace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return list;
      }
      if (pos >= s.length() || s.charAt(pos) != ',') {
        throw error("Expecting ',' delimiter", pos);
      }
      pos++;
      skipWhitespace();
    }
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String message, int at) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new IllegalArgumentException(String.format("%s: line %d column %d (char %d)", message, line,
        s.codePointCount(lineStart, at) + 1, s.codePointCount(0, at)));
  }
}
