package io.jornado.locks;

/**
 * A {@link Semaphore} that refuses to be released above its initial value, which usually means a
 * bug: a permit given back twice.
 *
 * <p>Like every primitive in this package it may be shared across event loops and threads (beyond
 * Tornado).
 *
 * <p>Tornado: tornado.locks.BoundedSemaphore.
 */
public class BoundedSemaphore extends Semaphore {
  private final int initialValue;

  /**
   * A bounded semaphore with one permit.
   *
   * <p>Tornado: BoundedSemaphore() (value=1).
   */
  public BoundedSemaphore() {
    this(1);
  }

  /**
   * A bounded semaphore with {@code value} permits, which is also its maximum.
   *
   * <p>Tornado: BoundedSemaphore(value).
   *
   * @param value the initial and maximum number of permits
   * @throws IllegalArgumentException when negative
   */
  public BoundedSemaphore(int value) {
    super(value);
    this.initialValue = value;
  }

  /**
   * Gives a permit back, as {@link Semaphore#release()}.
   *
   * <p>Tornado: BoundedSemaphore.release.
   *
   * @throws IllegalStateException "Semaphore released too many times" when the count is already at
   *     its initial value (Tornado raises ValueError)
   */
  @Override
  public void release() {
    super.release();
  }

  @Override
  void checkRelease(int currentValue) {
    if (currentValue >= initialValue) {
      throw new IllegalStateException("Semaphore released too many times");
    }
  }
}
