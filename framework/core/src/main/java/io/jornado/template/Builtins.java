package io.jornado.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's built-in functions that templates use, by name. */
final class Builtins {
  /** A built-in function; the type built-ins ({@code int}, {@code str}, ...) also serve isinstance. */
  record Builtin(String name, TemplateFunction body) implements TemplateFunction {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return body.call(args, kwargs);
    }

    @Override
    public String toString() {
      return TYPES.contains(name) ? "<class '" + name + "'>" : "<built-in function " + name + ">";
    }
  }

  private static final List<String> TYPES =
      List.of("int", "float", "str", "bool", "list", "dict", "tuple");
  private static final Map<String, Builtin> ALL = new LinkedHashMap<>();

  static {
    define("len", (a, k) -> len(one("len", a)));
    define("range", (a, k) -> range(a));
    define("enumerate", (a, k) -> enumerate(a, k));
    define("zip", (a, k) -> zip(a));
    define("sorted", (a, k) -> sorted(one("sorted", a), k));
    define("reversed", (a, k) -> reversed(one("reversed", a)));
    define("min", (a, k) -> extreme("min", a, k, -1));
    define("max", (a, k) -> extreme("max", a, k, 1));
    define("sum", (a, k) -> sum(a));
    define("abs", (a, k) -> abs(one("abs", a)));
    define("str", (a, k) -> a.isEmpty() ? "" : Py.str(one("str", a)));
    define("repr", (a, k) -> Py.repr(one("repr", a)));
    define("int", (a, k) -> a.isEmpty() ? (Object) 0L : Convert.toInt(a));
    define("float", (a, k) -> a.isEmpty() ? (Object) 0.0 : Convert.toFloat(one("float", a)));
    define("bool", (a, k) -> !a.isEmpty() && Py.truthy(one("bool", a)));
    define("list", (a, k) -> a.isEmpty() ? new ArrayList<>() : Py.toList(one("list", a)));
    define("tuple", (a, k) -> a.isEmpty() ? new PyTuple() : PyTuple.of(Py.toList(one("tuple", a))));
    define("dict", (a, k) -> dict(a, k));
    define("isinstance", (a, k) -> isinstance(a));
    define("any", (a, k) -> anyAll(one("any", a), true));
    define("all", (a, k) -> anyAll(one("all", a), false));
    define("round", (a, k) -> Convert.round(a));
  }

  private Builtins() {}

  private static void define(String name, TemplateFunction body) {
    ALL.put(name, new Builtin(name, body));
  }

  static Builtin get(String name) {
    return ALL.get(name);
  }

  static Object one(String name, List<Object> args) {
    if (args.size() != 1) {
      throw new PythonError("TypeError",
          name + "() takes exactly one argument (" + args.size() + " given)");
    }
    return args.get(0);
  }

  static long len(Object v) {
    if (v instanceof String) {
      return ((String) v).codePointCount(0, ((String) v).length());
    } else if (v instanceof java.util.Collection) {
      return ((java.util.Collection<?>) v).size();
    } else if (v instanceof Map) {
      return ((Map<?, ?>) v).size();
    } else if (v instanceof Object[]) {
      return ((Object[]) v).length;
    }
    throw new PythonError("TypeError", "object of type '" + Py.typeName(v) + "' has no len()");
  }

  private static Object range(List<Object> a) {
    for (Object v : a) {
      if (!Py.isInt(v)) {
        throw new PythonError("TypeError",
            "'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
      }
    }
    switch (a.size()) {
      case 1: return new PyRange(0, Arith.asLong(a.get(0)), 1);
      case 2: return new PyRange(Arith.asLong(a.get(0)), Arith.asLong(a.get(1)), 1);
      case 3: return new PyRange(Arith.asLong(a.get(0)), Arith.asLong(a.get(1)),
          Arith.asLong(a.get(2)));
      default:
        throw new PythonError("TypeError", "range expected at most 3 arguments, got " + a.size());
    }
  }

  private static Object enumerate(List<Object> a, Map<String, Object> k) {
    Object start = k.containsKey("start") ? k.get("start") : a.size() > 1 ? a.get(1) : 0L;
    List<Object> out = new ArrayList<>();
    Object i = start;
    for (Iterator<?> it = Py.iterate(a.get(0)); it.hasNext(); ) {
      out.add(new PyTuple(i, it.next()));
      i = Arith.add(i, 1L);
    }
    return out;
  }

  private static Object zip(List<Object> a) {
    List<Iterator<?>> its = new ArrayList<>();
    for (Object v : a) {
      its.add(Py.iterate(v));
    }
    List<Object> out = new ArrayList<>();
    while (!its.isEmpty()) {
      Object[] row = new Object[its.size()];
      for (int i = 0; i < row.length; i++) {
        if (!its.get(i).hasNext()) {
          return out;
        }
        row[i] = its.get(i).next();
      }
      out.add(new PyTuple(row));
    }
    return out;
  }

  private static Comparator<Object> order(Map<String, Object> k) {
    Object keyFn = k.get("key");
    Comparator<Object> cmp = keyFn == null ? (x, y) -> Py.compare(x, y, "<")
        : (x, y) -> Py.compare(Calls.call(keyFn, List.of(x)), Calls.call(keyFn, List.of(y)), "<");
    return cmp;
  }

  private static Object sorted(Object v, Map<String, Object> k) {
    List<Object> out = Py.toList(v);
    Comparator<Object> cmp = order(k);
    if (Py.truthy(k.get("reverse"))) {
      out.sort((x, y) -> cmp.compare(y, x));
    } else {
      out.sort(cmp);
    }
    return out;
  }

  private static Object reversed(Object v) {
    if (!(v instanceof List) && !(v instanceof String) && !(v instanceof Map)) {
      throw new PythonError("TypeError", "'" + Py.typeName(v) + "' object is not reversible");
    }
    List<Object> out = Py.toList(v);
    Collections.reverse(out);
    return out;
  }

  private static Object extreme(String name, List<Object> a, Map<String, Object> k, int sign) {
    List<Object> items = a.size() == 1 ? Py.toList(a.get(0)) : a;
    if (items.isEmpty()) {
      if (k.containsKey("default")) {
        return k.get("default");
      }
      throw new PythonError("ValueError", name + "() iterable argument is empty");
    }
    Comparator<Object> cmp = order(k);
    Object best = items.get(0);
    for (Object item : items.subList(1, items.size())) {
      if (cmp.compare(item, best) * sign > 0) {
        best = item;
      }
    }
    return best;
  }

  private static Object sum(List<Object> a) {
    Object total = a.size() > 1 ? a.get(1) : 0L;
    for (Iterator<?> it = Py.iterate(a.get(0)); it.hasNext(); ) {
      total = Arith.add(total, it.next());
    }
    return total;
  }

  private static Object abs(Object v) {
    if (Py.isInt(v)) {
      return Arith.normalize(Arith.big(v).abs());
    } else if (Py.isFloat(v)) {
      return Math.abs(Arith.asDouble(v));
    }
    throw new PythonError("TypeError", "bad operand type for abs(): '" + Py.typeName(v) + "'");
  }

  private static Object dict(List<Object> a, Map<String, Object> k) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (!a.isEmpty()) {
      Object src = a.get(0);
      if (src instanceof Map) {
        out.putAll((Map<?, ?>) src);
      } else {
        for (Iterator<?> it = Py.iterate(src); it.hasNext(); ) {
          List<Object> pair = Py.toList(it.next());
          out.put(pair.get(0), pair.get(1));
        }
      }
    }
    out.putAll(k);
    return out;
  }

  private static Object isinstance(List<Object> a) {
    Object v = a.get(0);
    Object types = a.get(1);
    List<Object> options = types instanceof PyTuple ? (PyTuple) types : List.of(types);
    for (Object t : options) {
      if (!(t instanceof Builtin) || !TYPES.contains(((Builtin) t).name())) {
        throw new PythonError("TypeError",
            "isinstance() arg 2 must be a type, a tuple of types, or a union");
      }
      String name = ((Builtin) t).name();
      String actual = Py.typeName(v);
      if (actual.equals(name) || name.equals("int") && actual.equals("bool")) {
        return true;
      }
    }
    return false;
  }

  private static Object anyAll(Object v, boolean any) {
    for (Iterator<?> it = Py.iterate(v); it.hasNext(); ) {
      if (Py.truthy(it.next()) == any) {
        return any;
      }
    }
    return !any;
  }

  /** Python's int(), float() and round() conversions. */
  static final class Convert {
    private Convert() {}

    static Object toInt(List<Object> a) {
      Object v = a.get(0);
      if (a.size() > 1 || v instanceof String) {
        if (!(v instanceof String)) {
          throw new PythonError("TypeError", "int() can't convert non-string with explicit base");
        }
        int base = a.size() > 1 ? (int) Arith.asLong(a.get(1)) : 10;
        String text = io.jornado.util.PythonText.strip((String) v).replace("_", "");
        try {
          return Arith.normalize(new BigInteger(text.startsWith("+") ? text.substring(1) : text,
              base));
        } catch (NumberFormatException e) {
          throw new PythonError("ValueError", "invalid literal for int() with base " + base + ": "
              + Py.repr(v));
        }
      } else if (Py.isInt(v)) {
        return v instanceof Boolean ? Arith.asLong(v) : v;
      } else if (Py.isFloat(v)) {
        double d = Arith.asDouble(v);
        if (Double.isNaN(d)) {
          throw new PythonError("ValueError", "cannot convert float NaN to integer");
        } else if (Double.isInfinite(d)) {
          throw new PythonError("OverflowError", "cannot convert float infinity to integer");
        }
        return Arith.normalize(new BigDecimal(d).toBigInteger());
      }
      throw new PythonError("TypeError", "int() argument must be a string, a bytes-like object "
          + "or a real number, not '" + Py.typeName(v) + "'");
    }

    static Object toFloat(Object v) {
      if (Py.isNumber(v)) {
        return Arith.asDouble(v);
      } else if (v instanceof String) {
        String text = io.jornado.util.PythonText.strip((String) v).toLowerCase();
        switch (text.replace("+", "")) {
          case "inf": case "infinity": return Double.POSITIVE_INFINITY;
          case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
          case "nan": case "-nan": return Double.NaN;
          default:
            if (text.matches("[+-]?(\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)(e[+-]?\\d+)?")) {
              return Double.parseDouble(text.replace("_", ""));
            }
        }
        throw new PythonError("ValueError", "could not convert string to float: " + Py.repr(v));
      }
      throw new PythonError("TypeError",
          "float() argument must be a string or a real number, not '" + Py.typeName(v) + "'");
    }

    static Object round(List<Object> a) {
      Object v = a.get(0);
      Object digits = a.size() > 1 ? a.get(1) : null;
      if (Py.isInt(v)) {
        return digits == null || Arith.asLong(digits) >= 0 ? (Object) Arith.asLong(v)
            : Arith.normalize(new BigDecimal(Arith.big(v))
                .setScale((int) Arith.asLong(digits), java.math.RoundingMode.HALF_EVEN)
                .toBigInteger());
      }
      double d = Arith.asDouble(v);
      if (digits == null) {
        return Arith.normalize(new BigDecimal(d).setScale(0, java.math.RoundingMode.HALF_EVEN)
            .toBigInteger());
      }
      return new BigDecimal(d).setScale((int) Arith.asLong(digits),
          java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
  }
}
