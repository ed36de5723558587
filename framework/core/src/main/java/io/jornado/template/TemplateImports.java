package io.jornado.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules templates can import: {@code {% import name %}} binds {@code name} to an object whose
 * attributes are the public static methods and fields of the class registered under that name;
 * {@code {% from name import f %}} binds one of them. {@code math} is registered by default with
 * {@code floor}, {@code ceil}, {@code sqrt}, {@code pi} and {@code e}.
 *
 * <p>Tornado: (Python's import statement inside templates).
 */
public final class TemplateImports {
  private static final Map<String, Class<?>> MODULES = new ConcurrentHashMap<>();

  static {
    MODULES.put("math", PyMathModule.class);
  }

  private TemplateImports() {}

  /**
   * Makes the public static members of {@code holder} importable as {@code name}.
   *
   * <p>Tornado: (sys.modules, in effect).
   *
   * @param name the module name templates import, e.g. {@code "textutil"}
   * @param holder the class whose public static methods and fields the module exposes
   */
  public static void register(String name, Class<?> holder) {
    MODULES.put(name, holder);
  }

  static Object load(String name) {
    Class<?> holder = MODULES.get(name);
    if (holder == null) {
      throw new PythonError("ModuleNotFoundError", "No module named " + Py.repr(name));
    }
    return new TemplateModule(name, holder);
  }

  /**
   * The built-in {@code math} module's subset.
   *
   * <p>Tornado: (Python's math module).
   */
  public static final class PyMathModule {
    /**
     * Python's {@code math.pi}.
     *
     * <p>Tornado: (math.pi).
     */
    public static final double pi = Math.PI;
    /**
     * Python's {@code math.e}.
     *
     * <p>Tornado: (math.e).
     */
    public static final double e = Math.E;

    private PyMathModule() {}

    /**
     * Python's {@code math.floor}: an int.
     *
     * <p>Tornado: (math.floor).
     *
     * @param x the number
     * @return the largest int not above x
     */
    public static Object floor(double x) {
      return Builtins.Convert.toInt(java.util.List.of(Math.floor(x)));
    }

    /**
     * Python's {@code math.ceil}: an int.
     *
     * <p>Tornado: (math.ceil).
     *
     * @param x the number
     * @return the smallest int not below x
     */
    public static Object ceil(double x) {
      return Builtins.Convert.toInt(java.util.List.of(Math.ceil(x)));
    }

    /**
     * Python's {@code math.sqrt}.
     *
     * <p>Tornado: (math.sqrt).
     *
     * @param x the number
     * @return its square root
     */
    public static double sqrt(double x) {
      if (x < 0) {
        throw new PythonError("ValueError", "math domain error");
      }
      return Math.sqrt(x);
    }
  }
}
