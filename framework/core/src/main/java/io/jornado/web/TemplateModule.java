package io.jornado.web;

import io.jornado.template.TemplateFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code Template} UI module: {@code {% module Template("foo.html", **kwargs) %}}
 * renders a template in its own namespace (the handler's plus {@code kwargs}). Such a template can
 * call {@code set_resources(js_files=..., embedded_css=..., ...)} with keyword arguments named
 * after the {@link UIModule} resource methods ({@code embedded_javascript}, {@code javascript_files},
 * {@code embedded_css}, {@code css_files}, {@code html_head}, {@code html_body}); the resources are
 * kept once per template file.
 *
 * <p>Tornado: tornado.web.TemplateModule.
 */
public final class TemplateModule extends UIModule {
  private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();

  /** Tornado: TemplateModule(handler) (the handler is attached after construction). */
  public TemplateModule() {}

  /**
   * Renders the template named by the first argument with {@code kwargs} and {@code set_resources}.
   *
   * <p>Tornado: TemplateModule.render(path, **kwargs).
   *
   * @param args the template name
   * @param kwargs the template's variables
   * @return the output
   * @throws IllegalArgumentException when the arguments are not one template name
   */
  @Override
  public String render(List<Object> args, Map<String, Object> kwargs) {
    if (args.size() != 1 || !(args.get(0) instanceof String)) {
      throw new IllegalArgumentException("Template module takes one template name, got " + args);
    }
    String path = (String) args.get(0);
    Map<String, Object> ns = new HashMap<>(kwargs);
    ns.put("set_resources", (TemplateFunction) (a, given) -> {
      Map<String, Object> previous = resources.putIfAbsent(path, given);
      if (previous != null && !previous.equals(given)) {
        throw new IllegalArgumentException("set_resources called with different resources for the same template");
      }
      return "";
    });
    return renderString(path, ns);
  }

  @Override
  public String embeddedJavascript() {
    return String.join("\n", strings("embedded_javascript"));
  }

  @Override
  public List<String> javascriptFiles() {
    return files("javascript_files");
  }

  @Override
  public String embeddedCss() {
    return String.join("\n", strings("embedded_css"));
  }

  @Override
  public List<String> cssFiles() {
    return files("css_files");
  }

  @Override
  public String htmlHead() {
    return String.join("", strings("html_head"));
  }

  @Override
  public String htmlBody() {
    return String.join("", strings("html_body"));
  }

  private List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : resources.values()) {
      if (r.containsKey(key)) {
        out.add(String.valueOf(r.get(key)));
      }
    }
    return out;
  }

  private List<String> files(String key) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : resources.values()) {
      Object f = r.get(key);
      if (f instanceof Iterable) {
        ((Iterable<?>) f).forEach(item -> out.add(String.valueOf(item)));
      } else if (r.containsKey(key)) {
        out.add(String.valueOf(f));
      }
    }
    return out;
  }
}
