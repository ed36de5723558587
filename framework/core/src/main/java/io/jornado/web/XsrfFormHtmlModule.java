package io.jornado.web;

import java.util.List;
import java.util.Map;

/**
 * The built-in {@code xsrf_form_html} UI module. Jornado has no XSRF protection yet, so it fails
 * rather than print a field no check would ever read.
 */
final class XsrfFormHtmlModule extends UIModule {
  @Override
  public String render(List<Object> args, Map<String, Object> kwargs) {
    throw Rendering.noXsrf();
  }
}
