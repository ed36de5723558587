package io.jornado.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/** Writes JSON text as Python's json.dumps with its default options, then escapes "</". */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private JsonText() {}

  static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
      writeString(out, value.toString());
    } else if (value instanceof Boolean) {
      out.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Number) {
      writeNumber(out, (Number) value);
    } else if (value instanceof Map) {
      writeMap(out, (Map<?, ?>) value);
    } else if (value instanceof JsonObject) {
      writeMap(out, ((JsonObject) value).getMap());
    } else if (value instanceof JsonArray) {
      writeIterable(out, ((JsonArray) value).getList());
    } else if (value instanceof Iterable) {
      writeIterable(out, (Iterable<?>) value);
    } else if (value.getClass().isArray()) {
      writeArray(out, value);
    } else {
      write(out, MAPPER.convertValue(value, Object.class));
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      writeString(out, String.valueOf(e.getKey()));
      out.append(": ");
      write(out, e.getValue());
    }
    out.append('}');
  }

  private static void writeIterable(StringBuilder out, Iterable<?> items) {
    out.append('[');
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      write(out, it.next());
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    out.append(']');
  }

  private static void writeArray(StringBuilder out, Object array) {
    out.append('[');
    int n = Array.getLength(array);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(out, Array.get(array, i));
    }
    out.append(']');
  }

  private static void writeNumber(StringBuilder out, Number n) {
    if (n instanceof Double || n instanceof Float) {
      out.append(pythonFloat(n.doubleValue()));
    } else if (n instanceof BigDecimal) {
      out.append(((BigDecimal) n).toString());
    } else if (n instanceof BigInteger) {
      out.append(n.toString());
    } else {
      out.append(n.longValue());
    }
  }

  /** Python's repr of a float: NaN, Infinity, 1.0, 1e+16, 1.5e-05. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestDigits(d);
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
    String digits = shortest.unscaledValue().abs().toString();
    StringBuilder s = new StringBuilder();
    if (d < 0) {
      s.append('-');
    }
    s.append(digits.charAt(0));
    if (digits.length() > 1) {
      s.append('.').append(digits, 1, digits.length());
    }
    s.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      s.append('0');
    }
    return s.append(abs).toString();
  }

  /**
   * The shortest decimal that reads back as {@code d}, the nearest to it when several have as few
   * digits, as Python's repr finds it. Java 17's Double.toString sometimes gives a digit more
   * (4.9E-324 for 5e-324), so fewer digits are tried, rounding both down and up.
   */
  private static BigDecimal shortestDigits(double d) {
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    BigDecimal exact = null;
    for (int digits = shortest.precision(); digits > 0; digits--) {
      if (exact == null) {
        exact = new BigDecimal(d);
      }
      BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
      boolean downFits = down.doubleValue() == d;
      boolean upFits = up.doubleValue() == d;
      if (!downFits && !upFits) {
        break;
      }
      boolean upIsNearer = upFits && (!downFits || isNearer(up, down, exact));
      shortest = (upIsNearer ? up : down).stripTrailingZeros();
    }
    return shortest;
  }

  /** Whether {@code a} is nearer to {@code exact} than {@code b}, ties going to an even last digit. */
  private static boolean isNearer(BigDecimal a, BigDecimal b, BigDecimal exact) {
    int order = a.subtract(exact).abs().compareTo(b.subtract(exact).abs());
    return order < 0 || (order == 0 && !a.unscaledValue().testBit(0));
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '/':
          out.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
