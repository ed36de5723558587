package io.jornado.locks;

import io.jornado.locks.impl.Deadline;
import io.jornado.locks.impl.Waiter;
import io.jornado.locks.impl.WaiterQueue;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A flag that code can wait for: {@link #waitFor()} completes once the flag is set, at once if it
 * already is. {@link #set()} wakes every waiter; {@link #clear()} makes later waits wait again.
 *
 * <pre>{@code
 * Event ready = new Event();
 * ready.waitFor().onSuccess(v -> ...);
 * ready.set();
 * }</pre>
 *
 * <p>Beyond Tornado, whose events belong to one event loop, an event may be shared by code on any
 * event loop or thread: each waiter's future completes on the Vert.x context that called
 * {@code waitFor}.
 *
 * <p>Tornado: tornado.locks.Event ({@code wait} -> {@code waitFor}, since Java's {@code Object} owns
 * {@code wait}).
 */
public class Event {
  private final Object lock = new Object();
  private final WaiterQueue<Void> waiters = WaiterQueue.failingOnTimeout(lock);
  private boolean value;

  /**
   * An event that is not set.
   *
   * <p>Tornado: Event().
   */
  public Event() {}

  /**
   * Whether the flag is set.
   *
   * <p>Tornado: Event.is_set.
   *
   * @return true when set
   */
  public boolean isSet() {
    synchronized (lock) {
      return value;
    }
  }

  /**
   * Sets the flag and wakes every waiter; waits that start while it stays set complete at once.
   *
   * <p>Tornado: Event.set.
   */
  public void set() {
    List<Waiter<Void>> woken;
    synchronized (lock) {
      if (value) {
        return;
      }
      value = true;
      woken = waiters.poll(Integer.MAX_VALUE);
    }
    WaiterQueue.completeAll(woken, null);
  }

  /**
   * Clears the flag, so that later waits wait for the next {@link #set()}.
   *
   * <p>Tornado: Event.clear.
   */
  public void clear() {
    synchronized (lock) {
      value = false;
    }
  }

  /**
   * Waits until the flag is set.
   *
   * <p>Tornado: Event.wait().
   *
   * @return a future that completes when the flag is set
   */
  public Future<Void> waitFor() {
    return waitFor(Deadline.none());
  }

  /**
   * Waits until the flag is set, failing with {@link TimeoutError} ("Timeout") after
   * {@code timeout}. Unlike the other primitives, and as in Tornado 6.5 (whose {@code Event.wait}
   * goes through {@code gen.with_timeout}), {@link Duration#ZERO} is a timeout that passes on the next
   * loop turn.
   *
   * <p>Tornado: Event.wait(timeout=timedelta).
   *
   * @param timeout how long to wait
   * @return a future that completes when the flag is set
   */
  public Future<Void> waitFor(Duration timeout) {
    return waitFor(Deadline.after(timeout));
  }

  /**
   * Waits until the flag is set, failing with {@link TimeoutError} ("Timeout") at
   * {@code deadline}.
   *
   * <p>Tornado: Event.wait(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future that completes when the flag is set
   */
  public Future<Void> waitFor(Instant deadline) {
    return waitFor(Deadline.at(deadline));
  }

  private Future<Void> waitFor(Deadline deadline) {
    synchronized (lock) {
      if (value) {
        return Future.succeededFuture();
      }
      return waiters.add(deadline, null).future();
    }
  }

  /**
   * As Tornado's repr: {@code <Event set>} or {@code <Event clear>}.
   *
   * <p>Tornado: Event.__repr__.
   *
   * @return a description of the state
   */
  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + (isSet() ? " set>" : " clear>");
  }
}
