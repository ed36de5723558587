package io.jornado.util;

/**
 * An operation did not complete in the time allowed.
 *
 * <p>Tornado: tornado.util.TimeoutError (also tornado.gen.TimeoutError).
 */
public class TimeoutError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /**
   * A timeout with Tornado's message, such as {@code Timeout} or
   * {@code Operation timed out after 5 seconds}.
   *
   * @param message what timed out
   */
  public TimeoutError(String message) {
    super(message);
  }
}
