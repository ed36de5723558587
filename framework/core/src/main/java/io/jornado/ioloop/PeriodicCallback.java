package io.jornado.ioloop;

import io.jornado.log.Log;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Schedules a callback to be called periodically on an {@link IOLoop}.
 *
 * <p>The callback is called every {@code period}. <b>Tornado's constructor takes
 * {@code callback_time} in milliseconds</b> (or a {@code timedelta}); here the period is always a
 * {@link Duration}, so Tornado's {@code PeriodicCallback(cb, 500)} becomes
 * {@code new PeriodicCallback(cb, Duration.ofMillis(500))}.
 *
 * <p>If a call runs for longer than the period, later calls are skipped to get back on the original
 * schedule: the next deadline is the previous one plus a whole number of periods, so there is never
 * a burst of catch-up calls. Deadlines are kept on the monotonic clock ({@link System#nanoTime()});
 * Tornado keeps them on the wall clock ({@code IOLoop.time()}), where a clock step can stretch or
 * squeeze the schedule. A callback that returns a {@link Future} is waited for: the next call
 * is scheduled only once that future completes, so such a callback never overlaps itself.
 * Exceptions thrown by the callback, and failures of its future, are logged on
 * {@code jornado.application} as {@code Exception in callback ...} and the schedule continues.
 *
 * <p>{@link #start()} must be called after the callback is created. It binds to
 * {@link IOLoop#current()} at that moment, and the callback always runs on that loop's thread.
 * Unlike Tornado, {@link #start()}, {@link #stop()} and {@link #isRunning()} are safe from any
 * thread.
 *
 * <p>Overloads: a lambda whose body is an expression producing a {@code Future}, such as
 * {@code () -> fetchAll()}, selects the {@code Supplier} constructors (as
 * {@code ExecutorService.submit} picks {@code Callable}); a block lambda without a {@code return},
 * such as {@code () -> { tick(); }}, or an expression lambda whose value is not a {@code Future},
 * selects the {@code Runnable} ones. To force a choice, cast the lambda, e.g.
 * {@code (Runnable) () -> fetchAll()} to fire and forget.
 *
 * <p>Tornado: tornado.ioloop.PeriodicCallback.
 */
public final class PeriodicCallback {
  private static final String BAD_PERIOD = "Periodic callback must have a positive callback_time";

  private final Object userCallback;
  private final Supplier<? extends Future<?>> callback;
  private final long periodNanos;
  private final double jitter;

  private final Object lock = new Object();
  // All guarded by lock.
  private boolean running;
  private long generation;
  private IOLoop loop;
  private long nextTimeout; // System.nanoTime() of the next deadline
  private IOLoop.Timeout timeout;

  /**
   * A periodic callback that runs {@code callback} every {@code period}, without jitter.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback(callback, callback_time), whose
   * {@code callback_time} is in milliseconds; here it is a {@link Duration}.
   *
   * @param callback what to run on the loop
   * @param period the time between the starts of two calls; must be positive
   * @throws IllegalArgumentException "Periodic callback must have a positive callback_time" when
   *     {@code period} is null, zero or negative
   */
  public PeriodicCallback(Runnable callback, Duration period) {
    this(callback, period, 0.0);
  }

  /**
   * A periodic callback whose period varies randomly by up to {@code jitter/2} of itself either way.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback(callback, callback_time, jitter), whose
   * {@code callback_time} is in milliseconds; here it is a {@link Duration}.
   *
   * @param callback what to run on the loop
   * @param period the time between the starts of two calls; must be positive
   * @param jitter each wait is {@code period * (1 + jitter * (random() - 0.5))}, with {@code random()}
   *     in [0, 1); 0 for none, 0.1 for up to 5% either way. Must be in [0, 2) (Tornado does not
   *     check it; outside that range the wait could be zero or negative)
   * @throws IllegalArgumentException "Periodic callback must have a positive callback_time" when
   *     {@code period} is null, zero or negative, or when {@code jitter} is out of range
   */
  public PeriodicCallback(Runnable callback, Duration period, double jitter) {
    this(callback, runnableSupplier(callback), period, jitter);
  }

  /**
   * A periodic callback that returns a future; the next call is scheduled only once it completes.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback(callback, callback_time) with a coroutine callback
   * (awaited since Tornado 6.2), whose {@code callback_time} is in milliseconds; here it is a
   * {@link Duration}.
   *
   * @param callback called on the loop; returns a future (or null for nothing to wait for)
   * @param period the time between the starts of two calls; must be positive
   * @throws IllegalArgumentException "Periodic callback must have a positive callback_time" when
   *     {@code period} is null, zero or negative
   */
  public PeriodicCallback(Supplier<? extends Future<?>> callback, Duration period) {
    this(callback, period, 0.0);
  }

  /**
   * A periodic callback that returns a future, with jitter; the next call is scheduled only once the
   * future completes.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback(callback, callback_time, jitter) with a coroutine
   * callback, whose {@code callback_time} is in milliseconds; here it is a {@link Duration}.
   *
   * @param callback called on the loop; returns a future (or null for nothing to wait for)
   * @param period the time between the starts of two calls; must be positive
   * @param jitter each wait is {@code period * (1 + jitter * (random() - 0.5))}; must be in [0, 2)
   * @throws IllegalArgumentException "Periodic callback must have a positive callback_time" when
   *     {@code period} is null, zero or negative, or when {@code jitter} is out of range
   */
  public PeriodicCallback(Supplier<? extends Future<?>> callback, Duration period, double jitter) {
    this(callback, Objects.requireNonNull(callback, "callback"), period, jitter);
  }

  private PeriodicCallback(
      Object userCallback, Supplier<? extends Future<?>> callback, Duration period, double jitter) {
    Objects.requireNonNull(userCallback, "callback");
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(BAD_PERIOD);
    }
    if (!(jitter >= 0.0 && jitter < 2.0)) {
      throw new IllegalArgumentException("jitter must be in [0, 2), got " + jitter);
    }
    this.userCallback = userCallback;
    this.callback = callback;
    this.periodNanos = saturatedNanos(period);
    this.jitter = jitter;
  }

  /**
   * Starts the timer on {@link IOLoop#current()} of the calling thread; the first call comes one
   * period later. Does nothing if already running. Safe from any thread.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback.start.
   */
  public void start() {
    IOLoop current = IOLoop.current();
    synchronized (lock) {
      if (running) {
        return;
      }
      running = true;
      generation++;
      loop = current;
      nextTimeout = System.nanoTime();
      scheduleNext(generation);
    }
  }

  /**
   * Stops the timer: no further calls start, though a call in progress finishes. Safe from any
   * thread; harmless when not running.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback.stop.
   */
  public void stop() {
    synchronized (lock) {
      running = false;
      generation++;
      if (timeout != null) {
        loop.removeTimeout(timeout);
        timeout = null;
      }
    }
  }

  /**
   * Whether the callback is scheduled: true from {@link #start()} until {@link #stop()}.
   *
   * <p>Tornado: tornado.ioloop.PeriodicCallback.is_running.
   *
   * @return true while started
   */
  public boolean isRunning() {
    synchronized (lock) {
      return running;
    }
  }

  /**
   * Names the callback as given.
   *
   * <p>Tornado: (none; PeriodicCallback has the default repr).
   *
   * @return {@code PeriodicCallback(<callback>)}
   */
  @Override
  public String toString() {
    return "PeriodicCallback(" + userCallback + ")";
  }

  /** Tornado: PeriodicCallback._run. Runs on the loop thread. */
  private void run(long gen, IOLoop on) {
    synchronized (lock) {
      if (!running || gen != generation) {
        return;
      }
      timeout = null;
    }
    Future<?> result;
    try {
      result = callback.get();
    } catch (Throwable t) {
      logFailure(t);
      afterRun(gen);
      return;
    }
    if (result == null || result.isComplete()) {
      if (result != null && result.failed()) {
        logFailure(result.cause());
      }
      afterRun(gen);
    } else {
      result.onComplete(ar -> on.addCallback(() -> {
        if (ar.failed()) {
          logFailure(ar.cause());
        }
        afterRun(gen);
      }));
    }
  }

  private void logFailure(Throwable t) {
    Log.APPLICATION.error("Exception in callback {}", userCallback, t);
  }

  private void afterRun(long gen) {
    synchronized (lock) {
      scheduleNext(gen);
    }
  }

  /** Tornado: PeriodicCallback._schedule_next. Called with the lock held. */
  private void scheduleNext(long gen) {
    if (!running || gen != generation) {
      return;
    }
    IOLoop on = loop;
    long now = System.nanoTime();
    updateNext(now);
    timeout = on.callLater(Duration.ofNanos(nextTimeout - now), () -> run(gen, on));
  }

  /** Tornado: PeriodicCallback._update_next. Called with the lock held. */
  private void updateNext(long currentTime) {
    long period = periodNanos;
    if (jitter != 0.0) {
      double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() - 0.5);
      period = Math.max(1, (long) (period * factor));
    }
    if (nextTimeout - currentTime <= 0) {
      // The period runs from the start of one call to the start of the next. If a call took too
      // long, skip whole periods to get back onto the original schedule.
      nextTimeout += ((currentTime - nextTimeout) / period + 1) * period;
    } else {
      // Tornado's branch for a wall clock that moved backwards; with a monotonic clock it only
      // guards against a timer that fired early. Still advance rather than repeat the deadline.
      nextTimeout += period;
    }
  }

  private static long saturatedNanos(Duration period) {
    try {
      return period.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 4; // about 73 years: never, in practice
    }
  }

  private static Supplier<Future<?>> runnableSupplier(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    return () -> {
      callback.run();
      return null;
    };
  }
}
