package io.jornado.web;

import io.jornado.escape.Escape;
import io.jornado.template.BaseLoader;
import io.jornado.template.TemplateFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request's template state: the UI modules it has used (one instance per name, in first-use
 * order), the loaders already reset for it when templates are not cached, and the page assembly
 * that puts the modules' resources into the rendered HTML.
 */
final class Rendering {
  private final RequestHandler handler;
  private final TemplateSupport support;
  private final Map<String, UIModule> activeModules = new LinkedHashMap<>();
  private final Set<BaseLoader> resetLoaders = new HashSet<>();
  private Map<String, Object> ui;

  Rendering(RequestHandler handler, TemplateSupport support) {
    this.handler = handler;
    this.support = support;
  }

  static RuntimeException noXsrf() {
    return new UnsupportedOperationException("xsrf_form_html: Jornado has no XSRF protection yet");
  }

  BaseLoader loader(String templatePath, boolean cached) {
    BaseLoader loader = support.loader(templatePath, handler::createTemplateLoader);
    if (!cached && resetLoaders.add(loader)) {
      loader.reset();
    }
    return loader;
  }

  Map<String, Object> namespace() {
    Map<String, Object> ns = new HashMap<>();
    ns.put("handler", handler);
    ns.put("request", handler.request());
    ns.put("current_user", handler.currentUser().orElse(null));
    ns.put("locale", null);
    ns.put("static_url", (TemplateFunction) (a, k) -> handler.staticUrl(String.valueOf(a.get(0)),
        isTrue(a.size() > 1 ? a.get(1) : k.get("include_host"))));
    ns.put("xsrf_form_html", (TemplateFunction) (a, k) -> {
      throw noXsrf();
    });
    ns.put("reverse_url", (TemplateFunction) (a, k) -> handler.reverseUrl(String.valueOf(a.get(0)),
        a.subList(1, a.size()).toArray()));
    ns.putAll(ui());
    return ns;
  }

  private static boolean isTrue(Object value) {
    return value != null && !Boolean.FALSE.equals(value);
  }

  private Map<String, Object> ui() {
    if (ui == null) {
      ui = new HashMap<>();
      support.methods().forEach((name, method) ->
          ui.put(name, (TemplateFunction) (a, k) -> method.call(handler, a, k)));
      Map<String, Object> modules = new HashMap<>();
      for (String name : support.moduleNames()) {
        modules.put(name, (TemplateFunction) (a, k) -> String.valueOf(module(name).render(a, k)));
      }
      ui.put("_tt_modules", modules);
      ui.put("modules", modules);
    }
    return ui;
  }

  private UIModule module(String name) {
    UIModule module = activeModules.get(name);
    if (module == null) {
      module = support.newModule(name);
      module.attach(handler);
      activeModules.put(name, module);
    }
    return module;
  }

  /** Puts the active modules' scripts, style sheets and head/body HTML where Tornado's render does. */
  String assemble(String html) {
    if (activeModules.isEmpty()) {
      return html;
    }
    List<String> jsEmbed = new ArrayList<>();
    List<String> jsFiles = new ArrayList<>();
    List<String> cssEmbed = new ArrayList<>();
    List<String> cssFiles = new ArrayList<>();
    StringBuilder heads = new StringBuilder();
    StringBuilder bodies = new StringBuilder();
    for (UIModule module : activeModules.values()) {
      addIfPresent(jsEmbed, module.embeddedJavascript());
      addAll(jsFiles, module.javascriptFiles());
      addIfPresent(cssEmbed, module.embeddedCss());
      addAll(cssFiles, module.cssFiles());
      heads.append(orEmpty(module.htmlHead()));
      bodies.append(orEmpty(module.htmlBody()));
    }
    String page = html;
    if (!jsFiles.isEmpty()) {
      page = insert(page, lastIndex(page, "</body>"), handler.renderLinkedJs(jsFiles));
    }
    if (!jsEmbed.isEmpty()) {
      page = insert(page, lastIndex(page, "</body>"), handler.renderEmbedJs(jsEmbed));
    }
    if (!cssFiles.isEmpty()) {
      page = insert(page, firstIndex(page, "</head>"), handler.renderLinkedCss(cssFiles));
    }
    if (!cssEmbed.isEmpty()) {
      page = insert(page, firstIndex(page, "</head>"), handler.renderEmbedCss(cssEmbed));
    }
    if (heads.length() > 0) {
      page = insert(page, firstIndex(page, "</head>"), heads.toString());
    }
    if (bodies.length() > 0) {
      page = insert(page, firstIndex(page, "</body>"), bodies.toString());
    }
    return page;
  }

  /** Tornado's render_linked_js and render_linked_css: relative paths through static_url, duplicates dropped. */
  static String linkedFiles(RequestHandler handler, List<String> files, String before, String after) {
    Set<String> paths = new LinkedHashSet<>();
    for (String path : files) {
      boolean absolute = path.startsWith("/") || path.startsWith("http:") || path.startsWith("https:");
      paths.add(absolute ? path : handler.staticUrl(path));
    }
    StringBuilder out = new StringBuilder();
    for (String path : paths) {
      out.append(before).append(Escape.xhtmlEscape(path)).append(after);
    }
    return out.toString();
  }

  private static void addIfPresent(List<String> parts, String part) {
    if (part != null && !part.isEmpty()) {
      parts.add(part);
    }
  }

  private static void addAll(List<String> parts, List<String> more) {
    if (more != null) {
      parts.addAll(more);
    }
  }

  private static String orEmpty(String part) {
    return part == null ? "" : part;
  }

  private static int lastIndex(String page, String tag) {
    return check(page.lastIndexOf(tag), tag);
  }

  private static int firstIndex(String page, String tag) {
    return check(page.indexOf(tag), tag);
  }

  private static int check(int index, String tag) {
    if (index < 0) {
      throw new IllegalStateException("render(): the page has no " + tag + " for the UI modules' resources");
    }
    return index;
  }

  private static String insert(String page, int at, String part) {
    return page.substring(0, at) + part + "\n" + page.substring(at);
  }
}
