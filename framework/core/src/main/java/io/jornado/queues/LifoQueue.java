package io.jornado.queues;

/**
 * A {@link Queue} whose items come out most recently put first. As in Tornado, a get while putters
 * wait moves the oldest putter's item into the queue first, so that item comes out next.
 *
 * <p>Tornado: tornado.queues.LifoQueue.
 *
 * @param <T> the item type
 */
public class LifoQueue<T> extends Queue<T> {
  /**
   * An unbounded LIFO queue.
   *
   * <p>Tornado: LifoQueue().
   */
  public LifoQueue() {
    this(0);
  }

  /**
   * A LIFO queue of at most {@code maxsize} items; 0 means unbounded.
   *
   * <p>Tornado: LifoQueue(maxsize).
   *
   * @param maxsize the maximum number of items, or 0 for no limit
   * @throws IllegalArgumentException when negative
   */
  public LifoQueue(int maxsize) {
    super(maxsize, ItemStore.lifo());
  }
}
