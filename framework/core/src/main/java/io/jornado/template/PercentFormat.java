package io.jornado.template;

import java.util.List;
import java.util.Map;

/** Python's {@code str % args}: {@code %s %r %a %d %i %u %f %F %e %E %g %G %x %X %o %c %%}. */
final class PercentFormat {
  private final String fmt;
  private final List<Object> args;
  private final Map<?, ?> mapping;
  private int next;
  private int i;

  private PercentFormat(String fmt, Object args) {
    this.fmt = fmt;
    if (args instanceof PyTuple) {
      this.args = (PyTuple) args;
      this.mapping = null;
    } else {
      this.args = java.util.Collections.singletonList(args);
      this.mapping = args instanceof Map ? (Map<?, ?>) args : null;
    }
  }

  static String format(String fmt, Object args) {
    return new PercentFormat(fmt, args).run();
  }

  private String run() {
    StringBuilder out = new StringBuilder();
    boolean usedMapping = false;
    while (i < fmt.length()) {
      char c = fmt.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      Object value = null;
      boolean haveValue = false;
      if (peek() == '(') {
        if (mapping == null) {
          throw new PythonError("TypeError", "format requires a mapping");
        }
        int close = fmt.indexOf(')', i);
        if (close < 0) {
          throw new PythonError("ValueError", "incomplete format key");
        }
        String key = fmt.substring(i + 1, close);
        if (!mapping.containsKey(key)) {
          throw new PythonError("KeyError", Py.repr(key));
        }
        value = mapping.get(key);
        haveValue = true;
        usedMapping = true;
        i = close + 1;
      }
      String flags = "";
      while ("-+ #0".indexOf(peek()) >= 0 && peek() != 0) {
        flags += fmt.charAt(i++);
      }
      int width = peek() == '*' ? starArg() : number(-1);
      int precision = -1;
      if (peek() == '.') {
        i++;
        precision = peek() == '*' ? starArg() : number(0);
      }
      while ("hlL".indexOf(peek()) >= 0 && peek() != 0) {
        i++;
      }
      if (i >= fmt.length()) {
        throw new PythonError("ValueError", "incomplete format");
      }
      char type = fmt.charAt(i++);
      if (type == '%') {
        out.append('%');
        continue;
      }
      if (!haveValue) {
        value = nextArg();
      }
      out.append(convert(type, value, flags, width, precision));
    }
    if (!usedMapping && mapping == null && next < args.size()) {
      throw new PythonError("TypeError", "not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private char peek() {
    return i < fmt.length() ? fmt.charAt(i) : 0;
  }

  private int number(int absent) {
    int start = i;
    while (Character.isDigit(peek())) {
      i++;
    }
    return i == start ? absent : Integer.parseInt(fmt.substring(start, i));
  }

  private int starArg() {
    i++;
    Object v = nextArg();
    if (!Py.isInt(v)) {
      throw new PythonError("TypeError", "* wants int");
    }
    return (int) Arith.asLong(v);
  }

  private Object nextArg() {
    if (next >= args.size()) {
      throw new PythonError("TypeError", "not enough arguments for format string");
    }
    return args.get(next++);
  }

  private String convert(char type, Object v, String flags, int width, int precision) {
    boolean alt = flags.indexOf('#') >= 0;
    String body;
    String sign = "";
    boolean numeric = true;
    switch (type) {
      case 's': case 'r': case 'a':
        body = type == 's' ? Py.str(v) : Py.repr(v);
        if (precision >= 0 && precision < body.length()) {
          body = body.substring(0, precision);
        }
        numeric = false;
        break;
      case 'c':
        body = v instanceof String ? (String) v : Character.toString((int) Arith.asLong(v));
        numeric = false;
        break;
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        requireNumber(type, v);
        body = Numbers.integer(Numbers.truncate(v), type == 'x' || type == 'X' ? 16
            : type == 'o' ? 8 : 10, type == 'X');
        if (alt && type != 'd' && type != 'i' && type != 'u') {
          body = "0" + (type == 'o' ? "o" : String.valueOf(type)) + body;
        }
        if (precision > body.length()) {
          body = "0".repeat(precision - body.length()) + body;
        }
        sign = Numbers.truncate(v).signum() < 0 ? "-" : "";
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        requireNumber(type, v);
        double d = Arith.asDouble(v);
        int p = precision < 0 ? 6 : precision;
        body = type == 'f' || type == 'F' ? Numbers.fixed(d, p, alt)
            : type == 'e' || type == 'E' ? Numbers.exponent(d, p, alt, type == 'E')
            : Numbers.general(d, p, alt, type == 'G');
        if (type == 'F' || type == 'E' || type == 'G') {
          body = body.toUpperCase();
        }
        sign = Numbers.negative(d) && !Double.isNaN(d) ? "-" : "";
        break;
      default:
        throw new PythonError("ValueError", "unsupported format character '" + type + "' (0x"
            + Integer.toHexString(type) + ") at index " + (i - 1));
    }
    if (numeric && sign.isEmpty()) {
      sign = flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
    }
    int pad = width - sign.length() - body.length();
    if (pad <= 0) {
      return sign + body;
    } else if (flags.indexOf('-') >= 0) {
      return sign + body + " ".repeat(pad);
    } else if (numeric && flags.indexOf('0') >= 0) {
      return sign + "0".repeat(pad) + body;
    }
    return " ".repeat(pad) + sign + body;
  }

  private static void requireNumber(char type, Object v) {
    if (!Py.isNumber(v)) {
      String kind = "xXoc".indexOf(type) >= 0 ? "an integer is required"
          : "a real number is required";
      throw new PythonError("TypeError", "%" + type + " format: " + kind + ", not "
          + Py.typeName(v));
    }
  }
}
