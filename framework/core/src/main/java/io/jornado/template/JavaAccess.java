package io.jornado.template;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads attributes of and calls methods on plain Java objects, by reflection. */
final class JavaAccess {
  private JavaAccess() {}

  /** Reads one attribute of instances of one class. */
  interface Getter {
    Object get(Object receiver) throws Exception;
  }

  /** Finds how to read {@code name} on instances of {@code type}, or null. */
  static Getter getter(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          Method m = component.getAccessor();
          m.setAccessible(true);
          return m::invoke;
        }
      }
    }
    String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : new String[] {"get" + cap, "is" + cap}) {
      Method m = publicMethod(type, candidate, 0);
      if (m != null) {
        return m::invoke;
      }
    }
    try {
      Field f = type.getField(name);
      if (!Modifier.isStatic(f.getModifiers())
          && (Modifier.isPublic(type.getModifiers()) || f.trySetAccessible())) {
        return f::get;
      }
    } catch (NoSuchFieldException e) {
      // fall through to a bound method
    }
    if (!methods(type, name).isEmpty()) {
      return receiver -> new BoundMethod(receiver, name);
    }
    return null;
  }

  static Method publicMethod(Class<?> type, String name, int arity) {
    for (Method m : methods(type, name)) {
      if (m.getParameterCount() == arity) {
        return m;
      }
    }
    return null;
  }

  private record MethodKey(Class<?> type, String name) {}

  private static final Map<MethodKey, List<Method>> METHODS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The public methods called {@code name}, found once per class and name. */
  static List<Method> methods(Class<?> type, String name) {
    return METHODS.computeIfAbsent(new MethodKey(type, name), k -> findMethods(type, name));
  }

  private static List<Method> findMethods(Class<?> type, String name) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        out.add(m);
      } else if (m.getName().equals(name)) {
        Method iface = interfaceMethod(type, m);
        if (iface != null) {
          out.add(iface);
        } else if (m.trySetAccessible()) {
          out.add(m);
        }
      }
    }
    return List.copyOf(out);
  }

  private static Method interfaceMethod(Class<?> type, Method m) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          Method found = i.getMethod(m.getName(), m.getParameterTypes());
          if (Modifier.isPublic(i.getModifiers())) {
            return found;
          }
        } catch (NoSuchMethodException e) {
          // not on this interface
        }
      }
    }
    return null;
  }

  /** Calls the public method {@code name} whose parameters accept {@code args}. */
  static Object invoke(Class<?> type, Object receiver, String name, List<Object> args) {
    List<Method> candidates = methods(type, name);
    for (Method m : candidates) {
      if (Modifier.isStatic(m.getModifiers()) != (receiver == null)) {
        continue;
      }
      Object[] converted = convert(m.getParameterTypes(), args);
      if (converted != null) {
        try {
          return fromJava(m.invoke(receiver, converted));
        } catch (InvocationTargetException e) {
          throw PythonError.of(e.getCause());
        } catch (IllegalAccessException e) {
          throw new PythonError("TypeError", e.getMessage(), e);
        }
      }
    }
    if (candidates.isEmpty()) {
      throw new PythonError("AttributeError", "'" + type.getSimpleName()
          + "' object has no attribute '" + name + "'");
    }
    throw new PythonError("TypeError", name + "() got unsuitable arguments " + Py.repr(args));
  }

  static Object fromJava(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof Float) {
      return ((Float) v).doubleValue();
    } else if (v instanceof Character) {
      return v.toString();
    }
    return v;
  }

  private static Object[] convert(Class<?>[] types, List<Object> args) {
    if (types.length != args.size()) {
      return null;
    }
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Object a = args.get(i);
      Class<?> t = types[i];
      if (a == null) {
        if (t.isPrimitive()) {
          return null;
        }
        out[i] = null;
      } else if ((t == int.class || t == Integer.class) && Py.isInt(a) && Arith.fitsLong(a)) {
        out[i] = (int) Arith.asLong(a);
      } else if ((t == long.class || t == Long.class) && Py.isInt(a) && Arith.fitsLong(a)) {
        out[i] = Arith.asLong(a);
      } else if ((t == double.class || t == Double.class) && Py.isNumber(a)) {
        out[i] = Arith.asDouble(a);
      } else if ((t == float.class || t == Float.class) && Py.isNumber(a)) {
        out[i] = (float) Arith.asDouble(a);
      } else if (t == BigInteger.class && Py.isInt(a)) {
        out[i] = Arith.big(a);
      } else if ((t == boolean.class || t == Boolean.class) && a instanceof Boolean) {
        out[i] = a;
      } else if (t == String.class || t == CharSequence.class) {
        if (!(a instanceof String)) {
          return null;
        }
        out[i] = a;
      } else if (!t.isPrimitive() && t.isInstance(a)) {
        out[i] = a;
      } else {
        return null;
      }
    }
    return out;
  }

  /** {@code obj.method} without a call: calling it later calls the Java method. */
  record BoundMethod(Object receiver, String name) implements TemplateFunction {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return invoke(receiver.getClass(), receiver, name, args);
    }

    @Override
    public String toString() {
      return "<bound method " + name + ">";
    }
  }
}
