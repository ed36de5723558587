package io.jornado.template;

import io.jornado.escape.Escape;
import java.util.ArrayList;
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
    ns.put("squeeze", (TemplateFunction) (a, k) -> Escape.squeeze(text("squeeze", a)));
    ns.put("linkify", (TemplateFunction) DefaultNamespace::linkify);
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

  /** linkify(text, shorten=False, extra_params="", require_protocol=False, permitted_protocols=["http", "https"]). */
  private static Object linkify(List<Object> a, Map<String, Object> k) {
    String text = text("linkify", a);
    boolean shorten = Py.truthy(argument(a, k, 1, "shorten", false));
    Object extra = argument(a, k, 2, "extra_params", "");
    boolean requireProtocol = Py.truthy(argument(a, k, 3, "require_protocol", false));
    Object protocols = argument(a, k, 4, "permitted_protocols", Escape.DEFAULT_PERMITTED_PROTOCOLS);
    List<String> permitted = new ArrayList<>();
    for (Object protocol : (Iterable<?>) protocols) {
      permitted.add(String.valueOf(protocol));
    }
    if (extra instanceof TemplateFunction) {
      TemplateFunction callable = (TemplateFunction) extra;
      return Escape.linkify(text, shorten, href -> String.valueOf(callable.call(List.of(href), Map.of())),
          requireProtocol, permitted);
    }
    return Escape.linkify(text, shorten, extra == null ? "" : String.valueOf(extra), requireProtocol, permitted);
  }

  private static Object argument(List<Object> a, Map<String, Object> k, int index, String name, Object fallback) {
    if (a.size() > index) {
      return a.get(index);
    }
    return k.containsKey(name) ? k.get(name) : fallback;
  }
}
