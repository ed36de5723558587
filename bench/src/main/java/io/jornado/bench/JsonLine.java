package io.jornado.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object on one line, built field by field in insertion order: the result format of
 * {@link WsLoad}. Values are numbers, strings, booleans, lists or maps of these; a double is written
 * with at most three decimals and a whole one without any.
 */
public final class JsonLine {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /**
   * Adds or replaces a field.
   *
   * @param key the name
   * @param value the value
   * @return this
   */
  public JsonLine put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /**
   * @param key the name
   * @return the field's value, or null
   */
  public Object get(String key) {
    return fields.get(key);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    write(out, fields);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", ""));
      }
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      writeString(out, value.toString());
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
