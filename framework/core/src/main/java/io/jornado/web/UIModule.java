package io.jornado.web;

import io.jornado.httputil.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reusable piece of a page, called from templates as {@code {% module Name(args) %}}. One
 * instance per module name serves a whole request; the JavaScript and CSS it asks for are put into
 * the page once by {@link RequestHandler#render}. Subclasses need a public no-argument constructor
 * and are registered under the {@code ui_modules} setting.
 *
 * <p>Tornado: tornado.web.UIModule.
 */
public abstract class UIModule {
  static final Map<String, Class<? extends UIModule>> BUILT_IN = builtIn();

  private RequestHandler handler;

  /** Tornado: UIModule.__init__ (the handler is attached after construction). */
  protected UIModule() {}

  private static Map<String, Class<? extends UIModule>> builtIn() {
    Map<String, Class<? extends UIModule>> modules = new LinkedHashMap<>();
    modules.put("linkify", LinkifyModule.class);
    modules.put("xsrf_form_html", XsrfFormHtmlModule.class);
    modules.put("Template", TemplateModule.class);
    return modules;
  }

  final void attach(RequestHandler handler) {
    this.handler = handler;
  }

  /**
   * This module's output for one call; inserted into the page unescaped.
   *
   * <p>Tornado: UIModule.render(*args, **kwargs).
   *
   * @param args positional arguments from the template
   * @param kwargs keyword arguments from the template, in call order
   * @return the HTML
   */
  public abstract String render(List<Object> args, Map<String, Object> kwargs);

  /**
   * Calls {@link #render(List, Map)} with positional arguments only, for Java callers.
   *
   * <p>Tornado: UIModule.render(*args).
   *
   * @param args the arguments
   * @return the HTML
   */
  public final String render(Object... args) {
    return render(List.of(args), Map.of());
  }

  /**
   * JavaScript embedded at the end of the page's body.
   *
   * <p>Tornado: UIModule.embedded_javascript.
   *
   * @return the script, or empty for none
   */
  public String embeddedJavascript() {
    return "";
  }

  /**
   * Script files the page needs; relative paths go through {@code static_url}.
   *
   * <p>Tornado: UIModule.javascript_files.
   *
   * @return the paths or URLs, possibly empty
   */
  public List<String> javascriptFiles() {
    return List.of();
  }

  /**
   * CSS embedded in the page's head.
   *
   * <p>Tornado: UIModule.embedded_css.
   *
   * @return the style sheet, or empty for none
   */
  public String embeddedCss() {
    return "";
  }

  /**
   * Style sheets the page needs; relative paths go through {@code static_url}.
   *
   * <p>Tornado: UIModule.css_files.
   *
   * @return the paths or URLs, possibly empty
   */
  public List<String> cssFiles() {
    return List.of();
  }

  /**
   * HTML put at the end of the page's head.
   *
   * <p>Tornado: UIModule.html_head.
   *
   * @return the HTML, or empty for none
   */
  public String htmlHead() {
    return "";
  }

  /**
   * HTML put at the end of the page's body.
   *
   * <p>Tornado: UIModule.html_body.
   *
   * @return the HTML, or empty for none
   */
  public String htmlBody() {
    return "";
  }

  /**
   * Renders a template with the handler's namespace plus {@code kwargs}.
   *
   * <p>Tornado: UIModule.render_string.
   *
   * @param path the template name
   * @param kwargs the template's variables
   * @return the output
   */
  public String renderString(String path, Map<String, ?> kwargs) {
    return handler.renderString(path, kwargs);
  }

  /**
   * Tornado: UIModule.handler.
   *
   * @return the handler rendering the page
   */
  public final RequestHandler handler() {
    return handler;
  }

  /**
   * Tornado: UIModule.request.
   *
   * @return the request being served
   */
  public final ServerRequest request() {
    return handler.request();
  }

  /**
   * Tornado: UIModule.current_user.
   *
   * @return the handler's current user, if any
   */
  public final Optional<Object> currentUser() {
    return handler.currentUser();
  }

  /**
   * Jornado has no locale support yet, so this is always empty (Tornado gives the user's locale).
   *
   * <p>Tornado: UIModule.locale.
   *
   * @return empty
   */
  public final Optional<Object> locale() {
    return Optional.empty();
  }
}
