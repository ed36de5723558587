package io.jornado.locks;

import io.jornado.locks.impl.Deadline;
import io.jornado.locks.impl.Waiter;
import io.jornado.locks.impl.WaiterQueue;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/**
 * A counter of permits: {@link #acquire()} takes one, waiting while there are none, and
 * {@link #release()} gives one back, to the oldest waiter if any. Waiters are served first come,
 * first served.
 *
 * <pre>{@code
 * Semaphore sem = new Semaphore(2);            // two workers at a time
 * sem.acquire().compose(held -> work().andThen(done -> held.close()));
 * }</pre>
 *
 * <p>Beyond Tornado, whose primitives belong to one event loop, a semaphore may be shared by code on
 * any event loop or thread: its state is guarded by an internal lock that is never held while
 * waiting, and each waiter's future completes on the Vert.x context that called {@code acquire}.
 *
 * <p>Tornado: tornado.locks.Semaphore.
 */
public class Semaphore {
  final Object lock = new Object();
  private final WaiterQueue<Releaser> waiters = WaiterQueue.failingOnTimeout(lock);
  private int value;

  /**
   * A semaphore with one permit.
   *
   * <p>Tornado: Semaphore() (value=1).
   */
  public Semaphore() {
    this(1);
  }

  /**
   * A semaphore with {@code value} permits.
   *
   * <p>Tornado: Semaphore(value).
   *
   * @param value the initial number of permits
   * @throws IllegalArgumentException "semaphore initial value must be >= 0, not -1" when negative
   */
  public Semaphore(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + value);
    }
    this.value = value;
  }

  /**
   * Takes a permit, waiting as long as it takes.
   *
   * <p>Tornado: Semaphore.acquire().
   *
   * @return a future of the {@link Releaser} that gives the permit back
   */
  public Future<Releaser> acquire() {
    return acquire(Deadline.none());
  }

  /**
   * Takes a permit, failing with {@link TimeoutError} ("Timeout") if none comes within
   * {@code timeout}. As in Tornado 6.5, {@link Duration#ZERO} means no timeout.
   *
   * <p>Tornado: Semaphore.acquire(timeout=timedelta).
   *
   * @param timeout how long to wait, or zero for no limit
   * @return a future of the {@link Releaser} that gives the permit back
   */
  public Future<Releaser> acquire(Duration timeout) {
    return acquire(Deadline.afterUnlessZero(timeout));
  }

  /**
   * Takes a permit, failing with {@link TimeoutError} ("Timeout") if none comes by
   * {@code deadline}.
   *
   * <p>Tornado: Semaphore.acquire(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future of the {@link Releaser} that gives the permit back
   */
  public Future<Releaser> acquire(Instant deadline) {
    return acquire(Deadline.at(deadline));
  }

  private Future<Releaser> acquire(Deadline deadline) {
    synchronized (lock) {
      if (value > 0) {
        value--;
        return Future.succeededFuture(new Releaser(this::release));
      }
      return waiters.add(deadline, null).future();
    }
  }

  /**
   * Gives a permit back: to the oldest waiter if one waits, else to the counter. A plain semaphore
   * may be released more often than acquired, which raises its count.
   *
   * <p>Tornado: Semaphore.release.
   */
  public void release() {
    Waiter<Releaser> next;
    synchronized (lock) {
      checkRelease(value);
      next = waiters.poll();
      if (next == null) {
        value++;
      }
    }
    if (next != null) {
      next.complete(new Releaser(this::release));
    }
  }

  /** Called under the lock before a release; {@link BoundedSemaphore} refuses one too many. */
  void checkRelease(int currentValue) {}

  /**
   * As Tornado's repr: {@code <Semaphore [unlocked,value:2]>}, {@code <Semaphore [locked]>}, or
   * {@code <Semaphore waiters[1] [locked,waiters:1]>}.
   *
   * <p>Tornado: Semaphore.__repr__.
   *
   * @return a description of the state
   */
  @Override
  public String toString() {
    synchronized (lock) {
      String name = getClass().getSimpleName();
      int waiting = waiters.size();
      String state = value == 0 ? "locked" : "unlocked,value:" + value;
      return waiting == 0
          ? "<" + name + " [" + state + "]>"
          : "<" + name + " waiters[" + waiting + "] [" + state + ",waiters:" + waiting + "]>";
    }
  }
}
