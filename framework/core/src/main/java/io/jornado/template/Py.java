package io.jornado.template;

import io.jornado.util.PythonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Python's object semantics over Java values: str, repr, truth, type names, equality, order. */
final class Py {
  private Py() {}

  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof BigInteger
        || v instanceof Short || v instanceof Byte || v instanceof Boolean;
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean isNumber(Object v) {
    return isInt(v) || isFloat(v);
  }

  static boolean isSequence(Object v) {
    return v instanceof List || v instanceof Object[];
  }

  static String str(Object v) {
    if (v instanceof String) {
      return (String) v;
    } else if (v instanceof PythonError) {
      return ((PythonError) v).pythonMessage();
    } else if (v instanceof Double || v instanceof Float) {
      return FloatRepr.repr(((Number) v).doubleValue());
    }
    return repr(v);
  }

  static String repr(Object v) {
    if (v == null) {
      return "None";
    } else if (v instanceof String) {
      return PythonText.repr((String) v);
    } else if (v instanceof Character) {
      return PythonText.repr(v.toString());
    } else if (v instanceof Boolean) {
      return (Boolean) v ? "True" : "False";
    } else if (v instanceof Double || v instanceof Float) {
      return FloatRepr.repr(((Number) v).doubleValue());
    } else if (v instanceof PyTuple) {
      PyTuple t = (PyTuple) v;
      if (t.size() == 1) {
        return "(" + repr(t.get(0)) + ",)";
      }
      return join(t, "(", ")");
    } else if (v instanceof PyRange) {
      return v.toString();
    } else if (v instanceof List) {
      return join((List<?>) v, "[", "]");
    } else if (v instanceof Object[]) {
      return join(List.of((Object[]) v), "[", "]");
    } else if (v instanceof Map) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.add(repr(e.getKey()) + ": " + repr(e.getValue()));
      }
      return out.toString();
    } else if (v instanceof java.util.Set) {
      return ((Collection<?>) v).isEmpty() ? "set()" : join((Collection<?>) v, "{", "}");
    }
    return v.toString();
  }

  private static String join(Collection<?> items, String open, String close) {
    StringJoiner out = new StringJoiner(", ", open, close);
    for (Object item : items) {
      out.add(repr(item));
    }
    return out.toString();
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    } else if (v instanceof Boolean) {
      return (Boolean) v;
    } else if (v instanceof String) {
      return !((String) v).isEmpty();
    } else if (v instanceof BigInteger) {
      return ((BigInteger) v).signum() != 0;
    } else if (v instanceof Number) {
      return ((Number) v).doubleValue() != 0;
    } else if (v instanceof Collection) {
      return !((Collection<?>) v).isEmpty();
    } else if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    } else if (v instanceof Object[]) {
      return ((Object[]) v).length != 0;
    }
    return true;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "NoneType";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (isInt(v)) {
      return "int";
    } else if (isFloat(v)) {
      return "float";
    } else if (v instanceof String || v instanceof Character) {
      return "str";
    } else if (v instanceof PyTuple) {
      return "tuple";
    } else if (v instanceof PyRange) {
      return "range";
    } else if (v instanceof List || v instanceof Object[]) {
      return "list";
    } else if (v instanceof Map) {
      return "dict";
    } else if (v instanceof java.util.Set) {
      return "set";
    } else if (v instanceof Builtins.Builtin) {
      return "builtin_function_or_method";
    } else if (v instanceof TemplateFunction) {
      return "function";
    }
    return v.getClass().getSimpleName();
  }

  static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    } else if (a == null || b == null) {
      return false;
    } else if (isNumber(a) && isNumber(b)) {
      return Arith.compareNumbers(a, b) == 0;
    } else if (a instanceof Character || b instanceof Character) {
      return a.toString().equals(b.toString());
    } else if (a instanceof List && b instanceof List) {
      if ((a instanceof PyTuple) != (b instanceof PyTuple)) {
        return false;
      }
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    } else if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Python's ordering for {@code <} and friends; TypeError for unorderable pairs. */
  static int compare(Object a, Object b, String op) {
    if (isNumber(a) && isNumber(b)) {
      return Arith.compareNumbers(a, b);
    } else if (a instanceof String && b instanceof String) {
      return Integer.signum(((String) a).compareTo((String) b));
    } else if (a instanceof List && b instanceof List
        && (a instanceof PyTuple) == (b instanceof PyTuple)) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return compare(x.get(i), y.get(i), op);
        }
      }
      return Integer.compare(x.size(), y.size());
    } else if (a instanceof Comparable && b != null && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked")
      int c = ((Comparable<Object>) a).compareTo(b);
      return Integer.signum(c);
    }
    throw new PythonError("TypeError", "'" + op + "' not supported between instances of '"
        + typeName(a) + "' and '" + typeName(b) + "'");
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof String) {
      if (!(item instanceof String)) {
        throw new PythonError("TypeError",
            "'in <string>' requires string as left operand, not " + typeName(item));
      }
      return ((String) container).contains((String) item);
    } else if (container instanceof Map) {
      return ((Map<?, ?>) container).containsKey(item);
    }
    Iterator<?> it = iterate(container, "argument of type '" + typeName(container)
        + "' is not iterable");
    while (it.hasNext()) {
      if (equal(it.next(), item)) {
        return true;
      }
    }
    return false;
  }

  static Iterator<?> iterate(Object v) {
    return iterate(v, "'" + typeName(v) + "' object is not iterable");
  }

  private static Iterator<?> iterate(Object v, String error) {
    if (v instanceof Iterable) {
      return ((Iterable<?>) v).iterator();
    } else if (v instanceof Map) {
      return ((Map<?, ?>) v).keySet().iterator();
    } else if (v instanceof String) {
      return ((String) v).codePoints().mapToObj(Character::toString).iterator();
    } else if (v instanceof Object[]) {
      return List.of((Object[]) v).iterator();
    } else if (v instanceof Iterator) {
      return (Iterator<?>) v;
    } else if (v instanceof java.util.stream.Stream) {
      return ((java.util.stream.Stream<?>) v).iterator();
    }
    throw new PythonError("TypeError", error);
  }

  static List<Object> toList(Object v) {
    List<Object> out = new java.util.ArrayList<>();
    iterate(v).forEachRemaining(out::add);
    return out;
  }
}
