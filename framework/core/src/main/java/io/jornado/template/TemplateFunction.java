package io.jornado.template;

import java.util.List;
import java.util.Map;

/**
 * A value templates can call with positional and keyword arguments. Plain
 * {@link java.util.function.Function} and {@link java.util.function.Supplier} values are callable
 * too; this interface is for functions that need several or keyword arguments.
 *
 * <p>Tornado: (a Python callable in the template namespace).
 */
@FunctionalInterface
public interface TemplateFunction {
  /**
   * Calls the function.
   *
   * <p>Tornado: (calling a Python callable).
   *
   * @param args positional arguments (Python ints arrive as Long or BigInteger, floats as Double)
   * @param kwargs keyword arguments, in call order
   * @return the result (null is None)
   */
  Object call(List<Object> args, Map<String, Object> kwargs);
}
