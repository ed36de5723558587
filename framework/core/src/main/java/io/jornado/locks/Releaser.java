package io.jornado.locks;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a successful {@code acquire()} of a {@link Lock} or {@link Semaphore} gives: closing it
 * releases what was acquired, so a coroutine can hold a lock for the length of a block:
 *
 * <pre>{@code
 * try (var held = Gen.await(lock.acquire())) {
 *   // only one holder at a time runs this
 * }
 * }</pre>
 *
 * <p>Closing is idempotent: only the first {@link #close()} releases.
 *
 * <p>Tornado: tornado.locks._ReleasingContextManager (what {@code with (yield lock.acquire()):} and
 * {@code async with lock:} use).
 */
public final class Releaser implements AutoCloseable {
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  Releaser(Runnable release) {
    this.release = release;
  }

  /**
   * Releases the lock or semaphore this came from, the first time it is called; later calls do
   * nothing.
   *
   * <p>Tornado: _ReleasingContextManager.__exit__.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }
}
