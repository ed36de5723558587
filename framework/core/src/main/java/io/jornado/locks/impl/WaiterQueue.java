package io.jornado.locks.impl;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.TimeoutError;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The waiters of one lock or queue, oldest first. Every method except the constructor is called
 * while holding the owner's lock; waiters taken out are completed after releasing it. A waiter whose
 * deadline passes leaves the queue at once, so it never takes a later notification, permit or item.
 * Internal; not API.
 *
 * <p>Tornado: the {@code _waiters} deque of tornado.locks and the {@code _getters}/{@code _putters}
 * of tornado.queues, with timed-out waiters removed right away instead of by
 * {@code _garbage_collect}/{@code _consume_expired}.
 *
 * @param <T> the waiters' result type
 */
public final class WaiterQueue<T> {
  private final Object lock;
  private final Consumer<Promise<T>> onTimeout;
  private final LinkedHashSet<Waiter<T>> waiters = new LinkedHashSet<>();

  /**
   * An empty queue.
   *
   * @param lock the owner's lock, taken when a deadline passes
   * @param onTimeout ends a wait whose deadline passed (fails it, or completes it with false)
   */
  public WaiterQueue(Object lock, Consumer<Promise<T>> onTimeout) {
    this.lock = lock;
    this.onTimeout = onTimeout;
  }

  /**
   * An empty queue whose waiters fail with {@code TimeoutError("Timeout")} when their deadline passes.
   *
   * @param lock the owner's lock, taken when a deadline passes
   * @param <T> the waiters' result type
   * @return the queue
   */
  public static <T> WaiterQueue<T> failingOnTimeout(Object lock) {
    return new WaiterQueue<>(lock, promise -> promise.tryFail(new TimeoutError("Timeout")));
  }

  /**
   * Adds a waiter for the calling context: its future's listeners run on the caller's Vert.x context,
   * or on {@link IOLoop#current()}'s for a caller outside Vert.x; its deadline is a timer on
   * {@code IOLoop.current()}.
   *
   * @param deadline when to give up
   * @param attachment what the waiter carries, or null
   * @return the new waiter
   */
  public Waiter<T> add(Deadline deadline, Object attachment) {
    Context current = Vertx.currentContext();
    IOLoop loop = current == null || !deadline.isNone() ? IOLoop.current() : null;
    Context context = current != null ? current : loop.context();
    Promise<T> promise = context instanceof ContextInternal internal ? internal.promise() : Promise.promise();
    Waiter<T> waiter = new Waiter<>(promise, attachment);
    waiters.add(waiter);
    if (!deadline.isNone()) {
      waiter.armed(loop, deadline.schedule(loop, () -> expire(waiter)));
    }
    return waiter;
  }

  private void expire(Waiter<T> waiter) {
    synchronized (lock) {
      if (!waiters.remove(waiter)) {
        return;
      }
    }
    onTimeout.accept(waiter.promise());
  }

  /**
   * Takes the oldest waiter out.
   *
   * @return the oldest waiter, or null when none waits
   */
  public Waiter<T> poll() {
    Iterator<Waiter<T>> oldest = waiters.iterator();
    if (!oldest.hasNext()) {
      return null;
    }
    Waiter<T> waiter = oldest.next();
    oldest.remove();
    return waiter;
  }

  /**
   * Takes up to {@code n} waiters out, oldest first.
   *
   * @param n how many at most
   * @return the waiters taken
   */
  public List<Waiter<T>> poll(int n) {
    List<Waiter<T>> taken = new ArrayList<>(Math.min(n, waiters.size()));
    for (Waiter<T> waiter; taken.size() < n && (waiter = poll()) != null; ) {
      taken.add(waiter);
    }
    return taken;
  }

  /**
   * Whether nobody waits.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return waiters.isEmpty();
  }

  /**
   * How many wait.
   *
   * @return the number of waiters
   */
  public int size() {
    return waiters.size();
  }

  /**
   * Completes each waiter taken out; call it after releasing the owner's lock.
   *
   * @param taken waiters from {@link #poll(int)}
   * @param result the result for each
   * @param <T> the result type
   */
  public static <T> void completeAll(List<Waiter<T>> taken, T result) {
    for (Waiter<T> waiter : taken) {
      waiter.complete(result);
    }
  }
}
