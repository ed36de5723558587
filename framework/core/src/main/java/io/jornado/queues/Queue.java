package io.jornado.queues;

import io.jornado.locks.impl.Deadline;
import io.jornado.locks.impl.Waiter;
import io.jornado.locks.impl.WaiterQueue;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A queue that coordinates producers and consumers without blocking a thread: {@link #get()} waits
 * for an item, {@link #put(Object)} waits for room when the queue has a maximum size, and
 * {@link #join()} waits until every item put has been marked done with {@link #taskDone()}. Items
 * come out first in, first out; waiting getters and putters are served oldest first. A put while
 * getters wait hands the item straight to the oldest getter; a get while putters wait takes the
 * oldest putter's item into the queue first.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(2);
 * q.put("job").onSuccess(v -> ...);            // waits while 2 items are queued
 * q.get().onSuccess(item -> { work(item); q.taskDone(); });
 * q.join().onSuccess(v -> ...);                // every item processed
 * }</pre>
 *
 * <p>Beyond Tornado, whose queues belong to one event loop, a queue may be shared by producers and
 * consumers on any event loop or thread: its state is guarded by an internal lock that is never held
 * while waiting or while running a caller's callbacks, and each waiter's future completes on the
 * Vert.x context that called {@code get}, {@code put} or {@code join}.
 *
 * <p>Items may not be null.
 *
 * <p>Tornado: tornado.queues.Queue.
 *
 * @param <T> the item type
 */
public class Queue<T> {
  private final Object lock = new Object();
  private final int maxsize;
  private final ItemStore<T> items;
  private final WaiterQueue<T> getters = WaiterQueue.failingOnTimeout(lock);
  private final WaiterQueue<Void> putters = WaiterQueue.failingOnTimeout(lock);
  private final WaiterQueue<Void> joiners = WaiterQueue.failingOnTimeout(lock);
  private int unfinishedTasks;

  /**
   * An unbounded queue.
   *
   * <p>Tornado: Queue() (maxsize=0).
   */
  public Queue() {
    this(0);
  }

  /**
   * A queue of at most {@code maxsize} items; 0 means unbounded.
   *
   * <p>Tornado: Queue(maxsize).
   *
   * @param maxsize the maximum number of items, or 0 for no limit
   * @throws IllegalArgumentException "maxsize can't be negative, not -1" when negative
   */
  public Queue(int maxsize) {
    this(maxsize, ItemStore.fifo());
  }

  Queue(int maxsize, ItemStore<T> items) {
    if (maxsize < 0) {
      throw new IllegalArgumentException("maxsize can't be negative, not " + maxsize);
    }
    this.maxsize = maxsize;
    this.items = items;
  }

  /**
   * The maximum number of items, 0 for unbounded.
   *
   * <p>Tornado: Queue.maxsize.
   *
   * @return the maximum size
   */
  public int maxsize() {
    return maxsize;
  }

  /**
   * The number of items in the queue (not counting those of waiting putters).
   *
   * <p>Tornado: Queue.qsize.
   *
   * @return the number of items
   */
  public int qsize() {
    synchronized (lock) {
      return items.size();
    }
  }

  /**
   * Whether the queue holds no item.
   *
   * <p>Tornado: Queue.empty.
   *
   * @return true when empty
   */
  public boolean empty() {
    return qsize() == 0;
  }

  /**
   * Whether the queue holds {@link #maxsize()} items; never for an unbounded queue.
   *
   * <p>Tornado: Queue.full.
   *
   * @return true when full
   */
  public boolean full() {
    synchronized (lock) {
      return isFull();
    }
  }

  private boolean isFull() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  /**
   * Puts an item, waiting as long as it takes for room.
   *
   * <p>Tornado: Queue.put(item).
   *
   * @param item the item
   * @return a future that completes when the item is in the queue (or with a getter)
   */
  public Future<Void> put(T item) {
    return put(item, Deadline.none());
  }

  /**
   * Puts an item, failing with {@link TimeoutError} ("Timeout") if there is no room within
   * {@code timeout}; the item is then not put. As in Tornado 6.5, {@link Duration#ZERO} means no
   * timeout.
   *
   * <p>Tornado: Queue.put(item, timeout=timedelta).
   *
   * @param item the item
   * @param timeout how long to wait, or zero for no limit
   * @return a future that completes when the item is in the queue (or with a getter)
   */
  public Future<Void> put(T item, Duration timeout) {
    return put(item, Deadline.afterUnlessZero(timeout));
  }

  /**
   * Puts an item, failing with {@link TimeoutError} ("Timeout") if there is no room by
   * {@code deadline}; the item is then not put.
   *
   * <p>Tornado: Queue.put(item, timeout=absolute time).
   *
   * @param item the item
   * @param deadline the wall-clock time to give up at
   * @return a future that completes when the item is in the queue (or with a getter)
   */
  public Future<Void> put(T item, Instant deadline) {
    return put(item, Deadline.at(deadline));
  }

  private Future<Void> put(T item, Deadline deadline) {
    Objects.requireNonNull(item, "item");
    Handoff<T> handoff;
    synchronized (lock) {
      if (getters.isEmpty() && isFull()) {
        return putters.add(deadline, item).future();
      }
      handoff = putNowaitLocked(item);
    }
    handoff.run();
    return Future.succeededFuture();
  }

  /**
   * Puts an item without waiting: to the oldest waiting getter, else into the queue.
   *
   * <p>Tornado: Queue.put_nowait.
   *
   * @param item the item
   * @throws QueueFull when the queue is full
   */
  public void putNowait(T item) {
    Objects.requireNonNull(item, "item");
    Handoff<T> handoff;
    synchronized (lock) {
      if (getters.isEmpty() && isFull()) {
        throw new QueueFull(maxsize);
      }
      handoff = putNowaitLocked(item);
    }
    handoff.run();
  }

  private Handoff<T> putNowaitLocked(T item) {
    Waiter<T> getter = getters.poll();
    addItem(item);
    return getter == null ? Handoff.none() : new Handoff<>(getter, items.take());
  }

  /**
   * Takes the next item, waiting as long as it takes.
   *
   * <p>Tornado: Queue.get().
   *
   * @return a future of the item
   */
  public Future<T> get() {
    return get(Deadline.none());
  }

  /**
   * Takes the next item, failing with {@link TimeoutError} ("Timeout") if none comes within
   * {@code timeout}. As in Tornado 6.5, {@link Duration#ZERO} means no timeout.
   *
   * <p>Tornado: Queue.get(timeout=timedelta).
   *
   * @param timeout how long to wait, or zero for no limit
   * @return a future of the item
   */
  public Future<T> get(Duration timeout) {
    return get(Deadline.afterUnlessZero(timeout));
  }

  /**
   * Takes the next item, failing with {@link TimeoutError} ("Timeout") if none comes by
   * {@code deadline}.
   *
   * <p>Tornado: Queue.get(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future of the item
   */
  public Future<T> get(Instant deadline) {
    return get(Deadline.at(deadline));
  }

  private Future<T> get(Deadline deadline) {
    T item;
    Waiter<Void> putter;
    synchronized (lock) {
      if (items.size() == 0 && putters.isEmpty()) {
        return getters.add(deadline, null).future();
      }
      putter = admitOldestPutter();
      item = items.take();
    }
    if (putter != null) {
      putter.complete(null);
    }
    return Future.succeededFuture(item);
  }

  /**
   * Takes the next item without waiting. When putters wait (so the queue is full), the oldest
   * putter's item goes into the queue first, then the next item comes out.
   *
   * <p>Tornado: Queue.get_nowait.
   *
   * @return the item
   * @throws QueueEmpty when there is no item
   */
  public T getNowait() {
    T item;
    Waiter<Void> putter;
    synchronized (lock) {
      if (items.size() == 0 && putters.isEmpty()) {
        throw new QueueEmpty();
      }
      putter = admitOldestPutter();
      item = items.take();
    }
    if (putter != null) {
      putter.complete(null);
    }
    return item;
  }

  private Waiter<Void> admitOldestPutter() {
    Waiter<Void> putter = putters.poll();
    if (putter != null) {
      addItem(putter.attachment());
    }
    return putter;
  }

  private void addItem(T item) {
    unfinishedTasks++;
    items.add(item);
  }

  /**
   * Marks one item taken from the queue as processed; when every item put has been marked, waiting
   * {@link #join()} calls complete.
   *
   * <p>Tornado: Queue.task_done.
   *
   * @throws IllegalStateException "task_done() called too many times" when more calls than items put
   *     (Tornado raises ValueError)
   */
  public void taskDone() {
    List<Waiter<Void>> finished;
    synchronized (lock) {
      if (unfinishedTasks <= 0) {
        throw new IllegalStateException("task_done() called too many times");
      }
      unfinishedTasks--;
      finished = unfinishedTasks == 0 ? joiners.poll(Integer.MAX_VALUE) : List.of();
    }
    WaiterQueue.completeAll(finished, null);
  }

  /**
   * Waits until every item put has been marked done with {@link #taskDone()}.
   *
   * <p>Tornado: Queue.join().
   *
   * @return a future that completes when all items are processed
   */
  public Future<Void> join() {
    return join(Deadline.none());
  }

  /**
   * Waits until every item put has been marked done, failing with {@link TimeoutError} ("Timeout")
   * after {@code timeout}. As in Tornado 6.5 (whose {@code join} waits on an {@code Event}),
   * {@link Duration#ZERO} is a timeout that passes on the next loop turn.
   *
   * <p>Tornado: Queue.join(timeout=timedelta).
   *
   * @param timeout how long to wait
   * @return a future that completes when all items are processed
   */
  public Future<Void> join(Duration timeout) {
    return join(Deadline.after(timeout));
  }

  /**
   * Waits until every item put has been marked done, failing with {@link TimeoutError} ("Timeout")
   * at {@code deadline}.
   *
   * <p>Tornado: Queue.join(timeout=absolute time).
   *
   * @param deadline the wall-clock time to give up at
   * @return a future that completes when all items are processed
   */
  public Future<Void> join(Instant deadline) {
    return join(Deadline.at(deadline));
  }

  private Future<Void> join(Deadline deadline) {
    synchronized (lock) {
      if (unfinishedTasks == 0) {
        return Future.succeededFuture();
      }
      return joiners.add(deadline, null).future();
    }
  }

  /**
   * As Tornado's str: {@code <Queue maxsize=2 queue=[1, 2] getters[1] putters[1] tasks=2>}, naming
   * only the parts that are not empty.
   *
   * <p>Tornado: Queue.__str__.
   *
   * @return a description of the state
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("<").append(getClass().getSimpleName());
    synchronized (lock) {
      out.append(" maxsize=").append(maxsize);
      if (items.size() > 0) {
        out.append(" queue=").append(items.snapshot());
      }
      if (!getters.isEmpty()) {
        out.append(" getters[").append(getters.size()).append(']');
      }
      if (!putters.isEmpty()) {
        out.append(" putters[").append(putters.size()).append(']');
      }
      if (unfinishedTasks > 0) {
        out.append(" tasks=").append(unfinishedTasks);
      }
    }
    return out.append('>').toString();
  }

  /** An item given to a waiting getter once the lock is released. */
  private record Handoff<T>(Waiter<T> getter, T item) {
    private static final Handoff<?> NONE = new Handoff<>(null, null);

    @SuppressWarnings("unchecked")
    static <T> Handoff<T> none() {
      return (Handoff<T>) NONE;
    }

    void run() {
      if (getter != null) {
        getter.complete(item);
      }
    }
  }
}
