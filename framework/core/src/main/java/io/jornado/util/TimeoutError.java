package io.jornado.util;

import java.math.BigDecimal;
import java.time.Duration;

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

  /**
   * The error for a wait that ran out: {@code Operation timed out after <seconds> seconds}, the
   * seconds written as Python's {@code %s} would ({@code 5}, {@code 0.05}).
   *
   * <p>Tornado: IOLoop.run_sync's TimeoutError.
   *
   * @param timeout the time that was allowed
   * @return the error
   */
  public static TimeoutError operationTimedOut(Duration timeout) {
    BigDecimal seconds = BigDecimal.valueOf(timeout.getSeconds()).add(BigDecimal.valueOf(timeout.getNano(), 9));
    return new TimeoutError("Operation timed out after " + seconds.stripTrailingZeros().toPlainString() + " seconds");
  }
}
