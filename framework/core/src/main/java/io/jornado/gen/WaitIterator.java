package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out the results of several futures one at a time, in the order they complete, so that each
 * result can be used as soon as it is there and one failure does not hide the other results.
 *
 * <pre>{@code
 * WaitIterator<Integer, String> it = Gen.waitIterator(List.of(a, b, c));
 * Future<Void> drain(WaitIterator<Integer, String> it) {
 *   if (it.done()) {
 *     return Future.succeededFuture();
 *   }
 *   return it.next().transform(ar -> {
 *     System.out.println(it.currentIndex() + ": " + (ar.succeeded() ? ar.result() : ar.cause()));
 *     return drain(it);
 *   });
 * }
 * }</pre>
 *
 * <p>{@link #next()} returns a new future that takes the outcome of the next input future to
 * complete: its result, or its failure (the failed input is then {@link #currentFuture()}). Input
 * futures that are already complete when the iterator is made come out in input order. While a
 * {@code next()} future is pending, {@link #currentIndex()}, {@link #currentKey()} and
 * {@link #currentFuture()} still describe the previous one; they change just before a
 * {@code next()} future completes, so its listeners see the input it came from.
 *
 * <p>Differences from Tornado: {@code next()} throws {@link IllegalStateException} once
 * {@link #done()} (Tornado returns a future that never completes) and while the previous
 * {@code next()} future is still pending (Tornado abandons the earlier future); the same future
 * given twice is handed out twice; the {@code current...} accessors throw
 * {@link IllegalStateException} where Tornado's attributes are {@code None}. The methods are safe
 * from any thread; each {@code next()} future completes on the context that called {@code next()}.
 * There is no {@code async for}: loop with {@code done()} and {@code next()}, as above.
 *
 * <p>Tornado: tornado.gen.WaitIterator.
 *
 * @param <K> the key type: {@code Integer} (the list index) for a list of futures, the map's key type
 *     for a map
 * @param <T> the futures' result type
 */
public final class WaitIterator<K, T> {
  private static final int NONE = -1;

  private final Children<K, T> children;
  private final Object lock = new Object();
  // Guarded by lock.
  private final Deque<Integer> completed = new ArrayDeque<>();
  private int undelivered;
  private Promise<T> waiting;
  private int current = NONE;

  WaitIterator(Children<K, T> children) {
    this.children = children;
    this.undelivered = children.size();
    for (int i = 0; i < children.size(); i++) {
      int position = i;
      children.futures().get(i).onComplete(ar -> onInputComplete(position));
    }
  }

  /**
   * Whether every input future has been handed out by {@link #next()}. Once it returns true the
   * {@code current...} accessors are cleared, as in Tornado.
   *
   * <p>Tornado: WaitIterator.done.
   *
   * @return true when there are no more results
   */
  public boolean done() {
    synchronized (lock) {
      if (undelivered > 0) {
        return false;
      }
      current = NONE;
      return true;
    }
  }

  /**
   * A future for the next input future to complete: it succeeds with that input's result or fails
   * with its failure. It is never one of the input futures.
   *
   * <p>Tornado: WaitIterator.next.
   *
   * @return the next result, in completion order
   * @throws IllegalStateException when {@link #done()}, or while the previous {@code next()} future
   *     is still pending
   */
  public Future<T> next() {
    Promise<T> promise = CallerContext.of(IOLoop.current()).promise();
    int position;
    synchronized (lock) {
      if (undelivered == 0) {
        throw new IllegalStateException("WaitIterator.next() called when done(): every future was handed out");
      }
      if (waiting != null) {
        throw new IllegalStateException("WaitIterator.next() called before the previous next() future completed");
      }
      Integer ready = completed.poll();
      if (ready == null) {
        waiting = promise;
        return promise.future();
      }
      position = ready;
      deliverLocked(position);
    }
    complete(promise, position);
    return promise.future();
  }

  /**
   * The position of the input future behind the last {@link #next()} result: its list index, or
   * for a map the place of its key in the map's iteration order.
   *
   * <p>Tornado: WaitIterator.current_index (for a list).
   *
   * @return the position, from 0
   * @throws IllegalStateException before the first result, or after {@link #done()} returned true
   */
  public int currentIndex() {
    synchronized (lock) {
      return requireCurrentLocked();
    }
  }

  /**
   * The key of the input future behind the last {@link #next()} result: the map key, or the list
   * index.
   *
   * <p>Tornado: WaitIterator.current_index (the keyword for WaitIterator(**kwargs)).
   *
   * @return the key
   * @throws IllegalStateException before the first result, or after {@link #done()} returned true
   */
  public K currentKey() {
    return children.keys().get(currentIndex());
  }

  /**
   * The input future behind the last {@link #next()} result; for a failed result, the failed input.
   *
   * <p>Tornado: WaitIterator.current_future.
   *
   * @return one of the input futures
   * @throws IllegalStateException before the first result, or after {@link #done()} returned true
   */
  public Future<? extends T> currentFuture() {
    return children.futures().get(currentIndex());
  }

  private void onInputComplete(int position) {
    Promise<T> target;
    synchronized (lock) {
      if (waiting == null) {
        completed.add(position);
        return;
      }
      target = waiting;
      waiting = null;
      deliverLocked(position);
    }
    complete(target, position);
  }

  private void deliverLocked(int position) {
    undelivered--;
    current = position;
  }

  private int requireCurrentLocked() {
    if (current == NONE) {
      throw new IllegalStateException("WaitIterator has no current future: next() has not completed yet,"
          + " or done() returned true");
    }
    return current;
  }

  private void complete(Promise<T> promise, int position) {
    Future<? extends T> input = children.futures().get(position);
    if (input.succeeded()) {
      promise.complete(input.result());
    } else {
      promise.fail(input.cause());
    }
  }
}
