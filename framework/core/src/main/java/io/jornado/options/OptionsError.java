package io.jornado.options;

import io.jornado.util.JornadoException;

/**
 * An error in defining, parsing or setting options: a redefined option, an unrecognized command
 * line option, a missing or malformed value, a value of the wrong type, or a bad config file.
 *
 * <p>Tornado: tornado.options.Error.
 */
public class OptionsError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with Tornado's message, such as {@code Option 'port' requires a value}.
   *
   * <p>Tornado: tornado.options.Error(message).
   *
   * @param message what went wrong
   */
  public OptionsError(String message) {
    super(message);
  }

  /**
   * An error with a message and the failure that caused it.
   *
   * <p>Tornado: tornado.options.Error(message), raised from the cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public OptionsError(String message, Throwable cause) {
    super(message, cause);
  }
}
