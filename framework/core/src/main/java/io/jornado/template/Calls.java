package io.jornado.template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Calls a template value: TemplateFunction, Function, Supplier, or a Java object's method. */
final class Calls {
  private Calls() {}

  static Object call(Object fn, List<Object> args) {
    return call(fn, args, Map.of());
  }

  @SuppressWarnings("unchecked")
  static Object call(Object fn, List<Object> args, Map<String, Object> kwargs) {
    try {
      if (fn instanceof TemplateFunction) {
        return ((TemplateFunction) fn).call(args, kwargs);
      } else if (fn instanceof Function && args.size() == 1 && kwargs.isEmpty()) {
        return JavaAccess.fromJava(((Function<Object, Object>) fn).apply(args.get(0)));
      } else if (fn instanceof Supplier && args.isEmpty() && kwargs.isEmpty()) {
        return JavaAccess.fromJava(((Supplier<Object>) fn).get());
      }
    } catch (PythonError e) {
      throw e;
    } catch (RuntimeException e) {
      throw PythonError.of(e);
    }
    throw new PythonError("TypeError", "'" + Py.typeName(fn) + "' object is not callable");
  }
}
