package io.jornado.template;

import io.jornado.util.JornadoException;
import java.util.List;
import java.util.Map;

/**
 * A Python exception raised while a template runs ({@code NameError}, {@code KeyError}, ...): the
 * Python type name, Python's message, and where it happened (template, line, expression).
 * {@code {% try %}...{% except KeyError %}} catches it by {@link #pythonType()}; exceptions thrown by
 * Java code called from a template arrive wrapped in one, with the Java exception as the cause.
 *
 * <p>Tornado: (the Python exception propagating out of Template.generate).
 */
public final class PythonError extends JornadoException {
  private static final long serialVersionUID = 1L;

  private static final Map<String, List<String>> PARENTS = Map.ofEntries(
      Map.entry("KeyError", List.of("LookupError")),
      Map.entry("IndexError", List.of("LookupError")),
      Map.entry("ZeroDivisionError", List.of("ArithmeticError")),
      Map.entry("OverflowError", List.of("ArithmeticError")),
      Map.entry("UnboundLocalError", List.of("NameError")));

  /** The Python exception type, such as {@code KeyError}. */
  private final String pythonType;
  /** Python's message for it. */
  private final String pythonMessage;
  /** The template where it happened, once known. */
  private String template;
  /** The template line, once known. */
  private int line;
  /** The expression being evaluated, once known. */
  private String expression;

  PythonError(String pythonType, String pythonMessage) {
    this(pythonType, pythonMessage, null);
  }

  PythonError(String pythonType, String pythonMessage, Throwable cause) {
    super(pythonType + ": " + pythonMessage, cause);
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
  }

  static PythonError of(Throwable error) {
    if (error instanceof PythonError) {
      return (PythonError) error;
    }
    String message = String.valueOf(error.getMessage());
    if (error instanceof IndexOutOfBoundsException) {
      return new PythonError("IndexError", message, error);
    } else if (error instanceof ArithmeticException) {
      return new PythonError("ZeroDivisionError", message, error);
    } else if (error instanceof IllegalArgumentException) {
      return new PythonError("ValueError", message, error);
    } else if (error instanceof ClassCastException) {
      return new PythonError("TypeError", message, error);
    }
    return new PythonError("Exception", error.getClass().getName() + ": " + message, error);
  }

  PythonError at(String template, int line, String expression) {
    if (this.template == null) {
      this.template = template;
      this.line = line;
      this.expression = expression;
    }
    return this;
  }

  /**
   * Whether an {@code except} clause naming this Python class catches the error
   * ({@code Exception} catches all; {@code LookupError} catches {@code KeyError} and
   * {@code IndexError}; {@code ArithmeticError} catches {@code ZeroDivisionError}).
   *
   * <p>Tornado: (Python's except matching).
   *
   * @param pythonClass a Python exception class name
   * @return whether it matches
   */
  public boolean isInstance(String pythonClass) {
    return pythonClass.equals("Exception") || pythonClass.equals("BaseException")
        || pythonClass.equals(pythonType)
        || PARENTS.getOrDefault(pythonType, List.of()).contains(pythonClass);
  }

  /**
   * The Python exception class name, e.g. {@code NameError}.
   *
   * <p>Tornado: (type(e).__name__).
   *
   * @return the class name
   */
  public String pythonType() {
    return pythonType;
  }

  /**
   * Python's {@code str(e)}, e.g. {@code name 'x' is not defined}.
   *
   * <p>Tornado: (str(e)).
   *
   * @return the message
   */
  public String pythonMessage() {
    return pythonMessage;
  }

  /**
   * The template name where the error was raised, or null if outside a template.
   *
   * <p>Tornado: (the generated code's line comment).
   *
   * @return the template name
   */
  public String template() {
    return template;
  }

  /**
   * The template line where the error was raised.
   *
   * <p>Tornado: (the generated code's line comment).
   *
   * @return the 1-based line
   */
  public int line() {
    return line;
  }

  /**
   * The expression or statement being evaluated.
   *
   * <p>Tornado: (the generated code's line).
   *
   * @return the source text
   */
  public String expression() {
    return expression;
  }

  /**
   * {@code "<Type>: <message>"}, followed by {@code " at <template>:<line> in <expression>"} once
   * the error has passed through a template.
   *
   * <p>Tornado: (the last line of the traceback, plus the generated code's line comment).
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    String base = pythonType + ": " + pythonMessage;
    return template == null ? base : base + " at " + template + ":" + line + " in " + expression;
  }
}
