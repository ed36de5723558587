package io.jornado.util;

/**
 * Root of every exception Jornado throws; all are unchecked.
 *
 * <p>Tornado: (no single root in Tornado; its exceptions derive from {@code Exception}).
 */
public class JornadoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what went wrong
   */
  public JornadoException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public JornadoException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * For control-flow exceptions that need no stack trace.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null
   * @param writableStackTrace false to skip filling in the stack trace
   */
  protected JornadoException(String message, Throwable cause, boolean writableStackTrace) {
    super(message, cause, false, writableStackTrace);
  }
}
