package io.jornado.web;

/**
 * A required argument is absent: 400 with the generic page; {@code Missing argument <name>} is logged.
 *
 * <p>Tornado: tornado.web.MissingArgumentError.
 */
public class MissingArgumentError extends HttpError {
  private static final long serialVersionUID = 1L;

  /** The missing argument's name. */
  private final String argName;

  /**
   * The error for one argument.
   *
   * <p>Tornado: MissingArgumentError(arg_name).
   *
   * @param argName the missing argument's name
   */
  public MissingArgumentError(String argName) {
    super(400, "Missing argument %s", argName);
    this.argName = argName;
  }

  /**
   * Tornado: MissingArgumentError.arg_name.
   *
   * @return the missing argument's name
   */
  public String argName() {
    return argName;
  }
}
