package io.jornado.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python's attribute access, indexing and slicing over Java values. */
final class Access {
  private Access() {}

  /** How one call site reads an attribute from receivers of one class (cached by the node). */
  record Resolved(Class<?> type, JavaAccess.Getter getter) {}

  static Object attribute(Object receiver, String name) {
    return attribute(receiver, name, resolve(receiver, name));
  }

  static Resolved resolve(Object receiver, String name) {
    Class<?> type = receiver == null ? Void.class : receiver.getClass();
    if (receiver instanceof Map || receiver instanceof String || receiver instanceof List
        || receiver == null || Py.isNumber(receiver) || receiver instanceof TemplateModule) {
      return new Resolved(type, null);
    }
    return new Resolved(type, JavaAccess.getter(type, name));
  }

  static Object attribute(Object receiver, String name, Resolved resolved) {
    if (receiver instanceof TemplateModule) {
      return ((TemplateModule) receiver).attribute(name);
    } else if (Methods.has(receiver, name)) {
      return (TemplateFunction) (a, k) -> Methods.call(receiver, name, a, k);
    } else if (receiver instanceof Map && ((Map<?, ?>) receiver).containsKey(name)) {
      return ((Map<?, ?>) receiver).get(name);
    } else if (resolved.getter() != null) {
      try {
        return JavaAccess.fromJava(resolved.getter().get(receiver));
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw PythonError.of(e.getCause());
      } catch (Exception e) {
        throw PythonError.of(e);
      }
    }
    throw new PythonError("AttributeError", "'" + Py.typeName(receiver)
        + "' object has no attribute '" + name + "'");
  }

  static Object item(Object receiver, Object index) {
    if (receiver instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) receiver;
      if (map.containsKey(index)) {
        return map.get(index);
      } else if (index instanceof Long && (long) index == (int) (long) index
          && map.containsKey((int) (long) index)) {
        return map.get((int) (long) index);
      }
      throw new PythonError("KeyError", Py.repr(index));
    }
    if (!(receiver instanceof List) && !(receiver instanceof String)
        && !(receiver instanceof Object[])) {
      throw new PythonError("TypeError",
          "'" + Py.typeName(receiver) + "' object is not subscriptable");
    }
    String kind = receiver instanceof String ? "string" : receiver instanceof PyTuple ? "tuple"
        : receiver instanceof PyRange ? "range object" : "list";
    if (!Py.isInt(index)) {
      throw new PythonError("TypeError", kind + " indices must be integers"
          + (kind.equals("string") || kind.equals("range object") ? "" : " or slices")
          + ", not " + Py.typeName(index));
    }
    List<Object> items = sequence(receiver);
    long i = Arith.asLong(index);
    if (i < 0) {
      i += items.size();
    }
    if (i < 0 || i >= items.size()) {
      throw new PythonError("IndexError", kind + " index out of range");
    }
    return items.get((int) i);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> sequence(Object v) {
    if (v instanceof String) {
      String s = (String) v;
      if (s.codePointCount(0, s.length()) == s.length()) {
        return new java.util.AbstractList<>() {
          @Override
          public Object get(int i) {
            return String.valueOf(s.charAt(i));
          }

          @Override
          public int size() {
            return s.length();
          }
        };
      }
      return (List<Object>) (List<?>) s.codePoints().mapToObj(Character::toString).toList();
    } else if (v instanceof Object[]) {
      return List.of((Object[]) v);
    }
    return (List<Object>) v;
  }

  static Object slice(Object receiver, Object lo, Object hi, Object step) {
    if (!(receiver instanceof List) && !(receiver instanceof String)) {
      throw new PythonError("TypeError",
          "'" + Py.typeName(receiver) + "' object is not subscriptable");
    }
    List<Object> items = sequence(receiver);
    int n = items.size();
    long s = step == null ? 1 : Arith.asLong(step);
    if (s == 0) {
      throw new PythonError("ValueError", "slice step cannot be zero");
    }
    long start = bound(lo, n, s, true);
    long stop = bound(hi, n, s, false);
    List<Object> out = new ArrayList<>();
    for (long i = start; s > 0 ? i < stop : i > stop; i += s) {
      out.add(items.get((int) i));
    }
    if (receiver instanceof String) {
      StringBuilder b = new StringBuilder();
      out.forEach(b::append);
      return b.toString();
    }
    return receiver instanceof PyTuple ? PyTuple.of(out) : out;
  }

  private static long bound(Object v, int n, long step, boolean start) {
    if (v == null) {
      return step > 0 ? (start ? 0 : n) : (start ? n - 1 : -1);
    }
    if (!Py.isInt(v)) {
      throw new PythonError("TypeError",
          "slice indices must be integers or None or have an __index__ method");
    }
    long i = Arith.asLong(v);
    if (i < 0) {
      i += n;
      if (i < 0) {
        i = step > 0 ? 0 : -1;
      }
    } else if (i >= n) {
      i = step > 0 ? n : n - 1;
    }
    return i;
  }
}
