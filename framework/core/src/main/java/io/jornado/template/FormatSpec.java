package io.jornado.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code format(value, spec)} for str, int and float. */
final class FormatSpec {
  private static final Pattern SPEC = Pattern.compile(
      "(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([a-zA-Z%])?");

  private FormatSpec() {}

  static String apply(Object value, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PythonError("ValueError", "Invalid format specifier '" + spec + "' for object of type '"
          + Py.typeName(value) + "'");
    }
    String fill = m.group(1);
    String align = m.group(2);
    String signOpt = m.group(3);
    boolean alt = m.group(5) != null;
    boolean zero = m.group(6) != null;
    int width = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
    String grouping = m.group(8);
    int precision = m.group(9) == null ? -1 : Integer.parseInt(m.group(9));
    String type = m.group(10);
    if (zero && align == null) {
      fill = "0";
      align = "=";
    }
    String sign = "";
    String body;
    boolean numeric = Py.isNumber(value) && !(value instanceof Boolean && type == null);
    if (!numeric) {
      if (type != null && !type.equals("s")) {
        throw unknown(type, value);
      }
      if (signOpt != null) {
        throw new PythonError("ValueError", "Sign not allowed in string format specifier");
      }
      body = Py.str(value);
      if (precision >= 0 && precision < body.length()) {
        body = body.substring(0, precision);
      }
    } else if (Py.isInt(value) && (type == null || "dnbcoxX".contains(type))) {
      if (precision >= 0) {
        throw new PythonError("ValueError", "Precision not allowed in integer format specifier");
      }
      String t = type == null ? "d" : type;
      if (t.equals("c")) {
        body = Character.toString((int) Arith.asLong(value));
      } else {
        int radix = t.equals("b") ? 2 : t.equals("o") ? 8 : t.equalsIgnoreCase("x") ? 16 : 10;
        body = Numbers.integer(value, radix, t.equals("X"));
        if (grouping != null) {
          body = Numbers.group(body, grouping.charAt(0));
        }
        if (alt && radix != 10) {
          body = "0" + (radix == 2 ? "b" : radix == 8 ? "o" : t) + body;
        }
        sign = Numbers.negative(value) ? "-" : "";
      }
    } else if (type == null || "eEfFgGn%".contains(type)) {
      double d = Arith.asDouble(value);
      body = floatBody(d, type, precision, alt);
      if (grouping != null) {
        body = Numbers.group(body, grouping.charAt(0));
      }
      sign = Numbers.negative(d) && !Double.isNaN(d) ? "-" : "";
    } else {
      throw unknown(type, value);
    }
    if (numeric && sign.isEmpty() && signOpt != null && !signOpt.equals("-")) {
      sign = signOpt;
    }
    String f = fill == null ? " " : fill;
    String a = align == null ? (numeric ? ">" : "<") : align;
    int pad = width - sign.length() - body.length();
    if (pad <= 0) {
      return sign + body;
    }
    switch (a) {
      case "<": return sign + body + f.repeat(pad);
      case "^": return f.repeat(pad / 2) + sign + body + f.repeat(pad - pad / 2);
      case "=": return sign + f.repeat(pad) + body;
      default: return f.repeat(pad) + sign + body;
    }
  }

  private static String floatBody(double d, String type, int precision, boolean alt) {
    if (type == null) {
      if (precision < 0) {
        String r = FloatRepr.repr(Math.abs(d));
        return r;
      }
      String g = Numbers.general(d, precision, alt, false);
      return g.contains(".") || g.contains("e") || !Double.isFinite(d) ? g : g + ".0";
    }
    int p = precision < 0 ? 6 : precision;
    switch (type) {
      case "f": return Numbers.fixed(d, p, alt);
      case "F": return Numbers.fixed(d, p, alt).toUpperCase();
      case "e": return Numbers.exponent(d, p, alt, false);
      case "E": return Numbers.exponent(d, p, alt, true).toUpperCase();
      case "%": return Numbers.fixed(d * 100, p, alt) + "%";
      case "G": return Numbers.general(d, p, alt, true).toUpperCase();
      default: return Numbers.general(d, p, alt, false);
    }
  }

  private static PythonError unknown(String type, Object value) {
    return new PythonError("ValueError", "Unknown format code '" + type
        + "' for object of type '" + Py.typeName(value) + "'");
  }
}
