package io.jornado.locks;

import io.jornado.locks.impl.Deadline;
import io.jornado.locks.impl.Waiter;
import io.jornado.locks.impl.WaiterQueue;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lets code wait until other code notifies it. Unlike {@code java.util.concurrent} conditions it
 * needs no lock held around the wait: {@link #waitFor()} returns a future, and
 * {@link #notifyWaiters(int)} completes the oldest waiters' futures with {@code true}.
 *
 * <pre>{@code
 * Condition condition = new Condition();
 * condition.waitFor().onSuccess(notified -> ...);
 * condition.notifyWaiters();
 * }</pre>
 *
 * <p>Beyond Tornado, whose conditions belong to one event loop, a condition may be shared by code on
 * any event loop or thread: each waiter's future completes on the Vert.x context that called
 * {@code waitFor}, at once when that is the notifier's context (Tornado: on the next loop turn).
 *
 * <p>Tornado: tornado.locks.Condition ({@code wait} -> {@code waitFor}, {@code notify} ->
 * {@code notifyWaiters}, {@code notify_all} -> {@code notifyAllWaiters}, since Java's {@code Object}
 * owns those names).
 */
public class Condition {
  private final Object lock = new Object();
  private final WaiterQueue<Boolean> waiters =
      new WaiterQueue<>(lock, promise -> promise.tryComplete(false));

  /**
   * A condition nobody waits on.
   *
   * <p>Tornado: Condition().
   */
  public Condition() {}

  /**
   * Waits until notified.
   *
   * <p>Tornado: Condition.wait().
   *
   * @return a future that completes with {@code true} when notified
   */
  public Future<Boolean> waitFor() {
    return waitFor(Deadline.none());
  }

  /**
   * Waits until notified or until {@code timeout} passes. As in Tornado 6.5, {@link Duration#ZERO}
   * means no timeout.
   *
   * <p>Tornado: Condition.wait(timeout=timedelta).
   *
   * @param timeout how long to wait, or zero for no limit
   * @return a future of {@code true} when notified, {@code false} when the time ran out
   */
  public Future<Boolean> waitFor(Duration timeout) {
    return waitFor(Deadline.afterUnlessZero(timeout));
  }

  /**
   * Waits until notified or until {@code deadline}.
   *
   * <p>Tornado: Condition.wait(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future of {@code true} when notified, {@code false} when the time ran out
   */
  public Future<Boolean> waitFor(Instant deadline) {
    return waitFor(Deadline.at(deadline));
  }

  private Future<Boolean> waitFor(Deadline deadline) {
    synchronized (lock) {
      return waiters.add(deadline, null).future();
    }
  }

  /**
   * Wakes the oldest waiter.
   *
   * <p>Tornado: Condition.notify().
   */
  public void notifyWaiters() {
    notifyWaiters(1);
  }

  /**
   * Wakes the {@code n} oldest waiters (fewer if fewer wait). A waiter whose time ran out is no
   * longer waiting and does not count.
   *
   * <p>Tornado: Condition.notify(n).
   *
   * @param n how many to wake
   * @throws IllegalArgumentException when {@code n} is negative (Tornado wakes everyone)
   */
  public void notifyWaiters(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, not " + n);
    }
    List<Waiter<Boolean>> woken;
    synchronized (lock) {
      woken = waiters.poll(n);
    }
    WaiterQueue.completeAll(woken, true);
  }

  /**
   * Wakes every waiter.
   *
   * <p>Tornado: Condition.notify_all.
   */
  public void notifyAllWaiters() {
    notifyWaiters(Integer.MAX_VALUE);
  }

  /**
   * As Tornado's repr: {@code <Condition>} or {@code <Condition waiters[2]>}.
   *
   * <p>Tornado: Condition.__repr__.
   *
   * @return a description of the state
   */
  @Override
  public String toString() {
    synchronized (lock) {
      String name = getClass().getSimpleName();
      return waiters.isEmpty() ? "<" + name + ">" : "<" + name + " waiters[" + waiters.size() + "]>";
    }
  }
}
