package io.jornado.locks;

import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/**
 * A lock for asynchronous code: {@link #acquire()} completes when the lock is free, and waiters get
 * it in the order they asked. It is not reentrant and has no owner: any code may release it.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * lock.acquire().compose(held -> update().andThen(done -> held.close()));
 * // in a coroutine:
 * try (var held = Gen.await(lock.acquire())) { ... }
 * }</pre>
 *
 * <p>Beyond Tornado, whose locks belong to one event loop, a lock may be shared by code on any event
 * loop or thread; the thread that waits is never blocked, and each waiter's future completes on the
 * Vert.x context that called {@code acquire}.
 *
 * <p>Tornado: tornado.locks.Lock.
 */
public class Lock {
  private final BoundedSemaphore block = new BoundedSemaphore(1);

  /**
   * An unlocked lock.
   *
   * <p>Tornado: Lock().
   */
  public Lock() {}

  /**
   * Locks, waiting as long as it takes.
   *
   * <p>Tornado: Lock.acquire().
   *
   * @return a future of the {@link Releaser} that unlocks
   */
  public Future<Releaser> acquire() {
    return block.acquire();
  }

  /**
   * Locks, failing with {@link TimeoutError} ("Timeout") if the lock is not free within
   * {@code timeout}. As in Tornado 6.5, {@link Duration#ZERO} means no timeout.
   *
   * <p>Tornado: Lock.acquire(timeout=timedelta).
   *
   * @param timeout how long to wait, or zero for no limit
   * @return a future of the {@link Releaser} that unlocks
   */
  public Future<Releaser> acquire(Duration timeout) {
    return block.acquire(timeout);
  }

  /**
   * Locks, failing with {@link TimeoutError} ("Timeout") if the lock is not free by
   * {@code deadline}.
   *
   * <p>Tornado: Lock.acquire(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future of the {@link Releaser} that unlocks
   */
  public Future<Releaser> acquire(Instant deadline) {
    return block.acquire(deadline);
  }

  /**
   * Unlocks; the oldest waiter, if any, gets the lock.
   *
   * <p>Tornado: Lock.release.
   *
   * @throws IllegalStateException "release unlocked lock" when not locked (Tornado raises
   *     RuntimeError)
   */
  public void release() {
    try {
      block.release();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("release unlocked lock");
    }
  }

  /**
   * As Tornado's repr: {@code <Lock _block=<BoundedSemaphore [locked]>>}.
   *
   * <p>Tornado: Lock.__repr__.
   *
   * @return a description of the state
   */
  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " _block=" + block + ">";
  }
}
