package io.jornado.web;

import io.jornado.httputil.HttpStatus;
import io.jornado.util.JornadoException;

/**
 * Ends a request with an HTTP error status. The optional log message (with {@code %s}-style
 * arguments) goes to the {@code jornado.general} log, never to the client.
 *
 * <p>{@code toString()} and {@code getMessage()} read as Tornado's {@code str(HTTPError)}:
 * {@code HTTP 404: Not Found (log message)}.
 *
 * <p>Tornado: tornado.web.HTTPError.
 */
public class HttpError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /** The status to send. */
  private final int statusCode;
  /** What to log, or null. */
  private final String logMessage;
  private final transient Object[] args;
  /** A custom reason phrase, or null. */
  private String reason;

  /**
   * A 500 error.
   *
   * <p>Tornado: HTTPError().
   */
  public HttpError() {
    this(500);
  }

  /**
   * An error with a status code and no log message.
   *
   * <p>Tornado: HTTPError(status_code).
   *
   * @param statusCode the status to send
   */
  public HttpError(int statusCode) {
    this(statusCode, null);
  }

  /**
   * An error with a log message, formatted Python-style ({@code %s}, {@code %d}, {@code %r}) with
   * the arguments when there are any.
   *
   * <p>Tornado: HTTPError(status_code, log_message, *args).
   *
   * @param statusCode the status to send
   * @param logMessage what to log, or null
   * @param args values for the message's placeholders
   */
  public HttpError(int statusCode, String logMessage, Object... args) {
    super(null, null, false);
    this.statusCode = statusCode;
    this.logMessage = logMessage;
    this.args = args == null ? new Object[0] : args.clone();
  }

  /**
   * Sets a custom reason phrase for the status line and error page.
   *
   * <p>Tornado: HTTPError(..., reason=...).
   *
   * @param reason the reason phrase
   * @return this error, to throw
   */
  public HttpError reason(String reason) {
    this.reason = reason;
    return this;
  }

  /**
   * Tornado: HTTPError.status_code.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Tornado: HTTPError.reason.
   *
   * @return the custom reason, or null for the standard one
   */
  public String reason() {
    return reason;
  }

  /**
   * Tornado: HTTPError.log_message.
   *
   * @return the unformatted log message, or null
   */
  public String logMessage() {
    return logMessage;
  }

  /**
   * Tornado: HTTPError.args.
   *
   * @return the log message's arguments
   */
  public Object[] args() {
    return args.clone();
  }

  /**
   * The log message with its arguments substituted, or null when there is none.
   *
   * <p>Tornado: {@code log_message % args}.
   *
   * @return the formatted log message
   */
  public String formattedLogMessage() {
    if (logMessage == null) {
      return null;
    }
    return args.length == 0 ? logMessage : PercentFormat.format(logMessage, args);
  }

  @Override
  public String getMessage() {
    String message = "HTTP " + statusCode + ": " + (reason != null ? reason : HttpStatus.reason(statusCode));
    String log = formattedLogMessage();
    return log == null ? message : message + " (" + log + ")";
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
