package io.jornado.locks.impl;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * One pending wait of a {@link WaiterQueue}: a promise bound to the context that started the wait,
 * so its listeners run there whichever thread completes it. Internal; not API.
 *
 * <p>Tornado: the Future a waiter holds in Condition._waiters, Semaphore._waiters and Queue._getters.
 *
 * @param <T> the wait's result type
 */
public final class Waiter<T> {
  private final Promise<T> promise;
  private final Object attachment;
  private IOLoop loop;
  private IOLoop.Timeout timer;

  Waiter(Promise<T> promise, Object attachment) {
    this.promise = promise;
    this.attachment = attachment;
  }

  void armed(IOLoop loop, IOLoop.Timeout timer) {
    this.loop = loop;
    this.timer = timer;
  }

  /**
   * What the wait carries, such as the item of a waiting put.
   *
   * @param <A> its type
   * @return the attachment given to {@link WaiterQueue#add}
   */
  @SuppressWarnings("unchecked")
  public <A> A attachment() {
    return (A) attachment;
  }

  /**
   * The future the waiting caller holds.
   *
   * @return the future
   */
  public Future<T> future() {
    return promise.future();
  }

  /**
   * Ends the wait with a result. Call it after taking the waiter from its queue and outside the
   * owner's lock, since listeners on the calling context run at once.
   *
   * @param result the result
   */
  public void complete(T result) {
    cancelTimer();
    promise.tryComplete(result);
  }

  /**
   * Ends the wait with a failure; as {@link #complete} for when to call it.
   *
   * @param failure the failure
   */
  public void fail(Throwable failure) {
    cancelTimer();
    promise.tryFail(failure);
  }

  Promise<T> promise() {
    return promise;
  }

  private void cancelTimer() {
    if (timer != null) {
      loop.removeTimeout(timer);
    }
  }
}
