package io.jornado.template;

import io.jornado.escape.Escape;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The functions every template sees: Tornado's escape helpers. */
final class DefaultNamespace {
  static final Map<String, Object> FUNCTIONS = build();

  private DefaultNamespace() {}

  private static Map<String, Object> build() {
    Map<String, Object> ns = new HashMap<>();
    TemplateFunction escape = (a, k) -> Escape.xhtmlEscape(text("xhtml_escape", a));
    ns.put("escape", escape);
    ns.put("xhtml_escape", escape);
    ns.put("url_escape", (TemplateFunction) (a, k) -> Escape.urlEscape(text("url_escape", a),
        Py.truthy(k.getOrDefault("plus", a.size() > 1 ? a.get(1) : true))));
    ns.put("json_encode", (TemplateFunction) (a, k) -> Escape.jsonEncode(a.get(0)));
    optional(ns, "squeeze", "squeeze");
    optional(ns, "linkify", "linkify");
    return Map.copyOf(ns);
  }

  private static String text(String fn, List<Object> a) {
    Object v = a.isEmpty() ? null : a.get(0);
    if (v == null) {
      return "";
    } else if (!(v instanceof String)) {
      throw new PythonError("TypeError", "Expected bytes, unicode, or None; got <class '"
          + Py.typeName(v) + "'>");
    }
    return (String) v;
  }

  /** Binds {@code name} to {@code Escape.method(String)} when that method exists. */
  private static void optional(Map<String, Object> ns, String name, String method) {
    for (Method m : Escape.class.getMethods()) {
      if (!m.getName().equals(method) || m.getParameterCount() != 1
          || !m.getParameterTypes()[0].isAssignableFrom(String.class)
          || !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      ns.put(name, (TemplateFunction) (a, k) -> {
        try {
          return m.invoke(null, text(name, a));
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw PythonError.of(e.getCause());
        } catch (IllegalAccessException e) {
          throw PythonError.of(e);
        }
      });
      return;
    }
  }
}
