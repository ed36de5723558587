package io.jornado.web;

import java.util.List;
import java.util.Map;

/**
 * A function templates call by name, with the rendering handler passed first; registered under the
 * {@code ui_methods} setting.
 *
 * <p>Tornado: (an entry of the ui_methods setting: a function taking the handler first).
 */
@FunctionalInterface
public interface UIMethod {
  /**
   * Calls the method.
   *
   * <p>Tornado: method(handler, *args, **kwargs).
   *
   * @param handler the handler rendering the template
   * @param args positional arguments from the template
   * @param kwargs keyword arguments from the template, in call order
   * @return the value the template sees (null is None)
   */
  Object call(RequestHandler handler, List<Object> args, Map<String, Object> kwargs);
}
