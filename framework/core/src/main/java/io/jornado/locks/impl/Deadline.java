package io.jornado.locks.impl;

import io.jornado.ioloop.IOLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a wait gives up: never, after a duration, or at an instant. Internal to {@code io.jornado.locks}
 * and {@code io.jornado.queues}; not API.
 *
 * <p>Tornado: the {@code timeout} argument of the locks and queues (a timedelta or an absolute time).
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(null, null);

  private final Duration delay;
  private final Instant instant;

  private Deadline(Duration delay, Instant instant) {
    this.delay = delay;
    this.instant = instant;
  }

  /**
   * No deadline: wait until done.
   *
   * @return the empty deadline
   */
  public static Deadline none() {
    return NONE;
  }

  /**
   * A deadline after a delay; zero and negative delays pass on the next loop turn.
   *
   * @param delay how long to wait
   * @return the deadline
   */
  public static Deadline after(Duration delay) {
    return new Deadline(Objects.requireNonNull(delay, "timeout"), null);
  }

  /**
   * A deadline after a delay, where a zero delay means no deadline, as Tornado 6.5's
   * {@code if timeout:} in Condition, Semaphore, Lock and Queue get/put.
   *
   * @param delay how long to wait, or zero for no limit
   * @return the deadline
   */
  public static Deadline afterUnlessZero(Duration delay) {
    return Objects.requireNonNull(delay, "timeout").isZero() ? NONE : after(delay);
  }

  /**
   * A deadline at an instant; one in the past passes on the next loop turn.
   *
   * @param instant the wall-clock deadline
   * @return the deadline
   */
  public static Deadline at(Instant instant) {
    return new Deadline(null, Objects.requireNonNull(instant, "deadline"));
  }

  boolean isNone() {
    return delay == null && instant == null;
  }

  IOLoop.Timeout schedule(IOLoop loop, Runnable callback) {
    return delay != null ? loop.callLater(delay, callback) : loop.callAt(instant, callback);
  }
}
