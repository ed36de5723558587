package io.jornado.web;

import io.jornado.escape.Escape;
import io.jornado.template.Template;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The built-in {@code linkify} UI module: {@code {% module linkify(text, **kwargs) %}}. */
final class LinkifyModule extends UIModule {
  private static final Template CALL = new Template("{% autoescape None %}{{ linkify(text, shorten=shorten, "
      + "extra_params=extra_params, require_protocol=require_protocol, permitted_protocols=permitted_protocols) }}");

  @Override
  public String render(List<Object> args, Map<String, Object> kwargs) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("linkify module takes the text and keyword arguments, got " + args.size() + " positional");
    }
    Map<String, Object> ns = new HashMap<>();
    ns.put("shorten", false);
    ns.put("extra_params", "");
    ns.put("require_protocol", false);
    ns.put("permitted_protocols", Escape.DEFAULT_PERMITTED_PROTOCOLS);
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      if (!ns.containsKey(e.getKey())) {
        throw new IllegalArgumentException("linkify() got an unexpected keyword argument '" + e.getKey() + "'");
      }
      ns.put(e.getKey(), e.getValue());
    }
    ns.put("text", args.get(0));
    return CALL.generate(ns);
  }
}
