package io.jornado.queues;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} whose items come out smallest first: in their natural order, or by a
 * {@link Comparator}. Items that compare equal come out in no set order.
 *
 * <pre>{@code
 * PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * }</pre>
 *
 * <p>Tornado: tornado.queues.PriorityQueue (a heapq, lowest first; entries there are usually
 * {@code (priority, data)} tuples, here a comparator).
 *
 * @param <T> the item type
 */
public class PriorityQueue<T> extends Queue<T> {
  /**
   * An unbounded queue in the items' natural order; items must be {@link Comparable}.
   *
   * <p>Tornado: PriorityQueue().
   */
  public PriorityQueue() {
    this(0);
  }

  /**
   * A queue of at most {@code maxsize} items (0: unbounded) in the items' natural order.
   *
   * <p>Tornado: PriorityQueue(maxsize).
   *
   * @param maxsize the maximum number of items, or 0 for no limit
   * @throws IllegalArgumentException when negative
   */
  public PriorityQueue(int maxsize) {
    super(maxsize, ItemStore.heap(null));
  }

  /**
   * An unbounded queue in the comparator's order.
   *
   * <p>Tornado: PriorityQueue() with (priority, data) entries.
   *
   * @param order smallest first
   */
  public PriorityQueue(Comparator<? super T> order) {
    this(0, order);
  }

  /**
   * A queue of at most {@code maxsize} items (0: unbounded) in the comparator's order.
   *
   * <p>Tornado: PriorityQueue(maxsize) with (priority, data) entries.
   *
   * @param maxsize the maximum number of items, or 0 for no limit
   * @param order smallest first
   * @throws IllegalArgumentException when negative
   */
  public PriorityQueue(int maxsize, Comparator<? super T> order) {
    super(maxsize, ItemStore.heap(Objects.requireNonNull(order, "order")));
  }
}
