package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.TimeoutError;
import io.jornado.util.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Helpers that combine and time Vert.x {@link Future}s the way tornado.gen combines Tornado futures.
 *
 * <p>Every future returned here completes on the Vert.x context of the caller (the running context
 * on a Vert.x thread, else the context of {@link IOLoop#current()}): its listeners run on the
 * caller's loop whichever thread completed the futures it waits for. Vert.x futures cannot be
 * cancelled, so nothing here cancels anything: a helper's result completing early (a failure in
 * {@link #multi(List)}, a timeout in {@link #withTimeout(Duration, Future)}) leaves the futures it
 * was given running.
 *
 * <p>{@link #await(Future)} waits for a future inside a coroutine: a {@link Coroutine} handler or a
 * body given to {@link #coroutine(Callable)}, both running on Java 21+ virtual threads.
 *
 * <p>Tornado: tornado.gen.
 */
public final class Gen {
  private Gen() {}

  /**
   * Waits for all the futures, then succeeds with their results in the order of the list. If any
   * fail, it waits for the rest anyway and then fails with the failure of the first failed future
   * in the list; every other failure is logged on {@code jornado.application} as
   * {@code Multiple exceptions in yield list}, with its stack trace. An empty list gives an already
   * succeeded empty list. The result list is unmodifiable and keeps null results.
   *
   * <p>Tornado: tornado.gen.multi(list) (also {@code yield [f1, f2]}); cancelling is not possible
   * with Vert.x futures, so Tornado's note that cancelling the result does not cancel the children
   * has no counterpart.
   *
   * @param futures the futures to wait for
   * @param <T> their result type
   * @return the results, in list order
   * @throws NullPointerException when the list or one of its futures is null (naming the index)
   */
  public static <T> Future<List<T>> multi(List<? extends Future<? extends T>> futures) {
    return multi(futures, Set.of());
  }

  /**
   * As {@link #multi(List)}, without logging the later failures that are instances of one of
   * {@code quietExceptions} (subclasses included).
   *
   * <p>Tornado: tornado.gen.multi(list, quiet_exceptions=...).
   *
   * @param futures the futures to wait for
   * @param quietExceptions exception classes whose later failures are not logged
   * @param <T> their result type
   * @return the results, in list order
   * @throws NullPointerException when an argument, a future or a class is null
   */
  public static <T> Future<List<T>> multi(
      List<? extends Future<? extends T>> futures, Set<Class<? extends Throwable>> quietExceptions) {
    return MultiFuture.list(Children.of(futures), QuietExceptions.check(quietExceptions));
  }

  /**
   * Waits for all the futures of a map, then succeeds with a map from the same keys, in the same
   * iteration order, to their results. Failures are handled as in {@link #multi(List)}: the first
   * failed future in the map's iteration order fails the result and the others are logged. An empty
   * map gives an already succeeded empty map. The result is unmodifiable and keeps null results.
   *
   * <p>Tornado: tornado.gen.multi(dict) (also {@code yield {"a": f1, "b": f2}}).
   *
   * @param futures the futures to wait for, by key
   * @param <K> the key type
   * @param <V> the result type
   * @return the results by key
   * @throws NullPointerException when the map or one of its futures is null (naming the key)
   */
  public static <K, V> Future<Map<K, V>> multi(Map<K, ? extends Future<? extends V>> futures) {
    return multi(futures, Set.of());
  }

  /**
   * As {@link #multi(Map)}, without logging the later failures that are instances of one of
   * {@code quietExceptions} (subclasses included).
   *
   * <p>Tornado: tornado.gen.multi(dict, quiet_exceptions=...).
   *
   * @param futures the futures to wait for, by key
   * @param quietExceptions exception classes whose later failures are not logged
   * @param <K> the key type
   * @param <V> the result type
   * @return the results by key
   * @throws NullPointerException when an argument, a future or a class is null
   */
  public static <K, V> Future<Map<K, V>> multi(
      Map<K, ? extends Future<? extends V>> futures, Set<Class<? extends Throwable>> quietExceptions) {
    return MultiFuture.map(Children.of(futures), QuietExceptions.check(quietExceptions));
  }

  /**
   * A future that succeeds after {@code duration}, on a timer of {@link IOLoop#current()}. A zero
   * duration completes on the next loop turn.
   *
   * <p>Tornado: tornado.gen.sleep(seconds), which takes seconds and accepts negative values.
   *
   * @param duration how long to wait
   * @return completes after the duration
   * @throws IllegalArgumentException when {@code duration} is negative, naming it
   * @throws NullPointerException when {@code duration} is null
   */
  public static Future<Void> sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("sleep duration must not be negative: " + duration);
    }
    IOLoop loop = IOLoop.current();
    Promise<Void> promise = CallerContext.of(loop).promise();
    loop.callLater(duration, promise::complete);
    return promise.future();
  }

  /**
   * A future that completes on the next loop turn, letting the loop run what is already queued.
   * It completes in a task queued on the caller's loop when {@code moment()} is called: after every
   * callback queued on that loop before the call ({@link IOLoop#addCallback}, expired timers) and
   * before any queued after it. Listeners attached on the loop before that turn run within it.
   *
   * <p>Tornado: tornado.gen.moment (a value to yield there; a method here).
   *
   * @return completes on the next loop turn
   */
  public static Future<Void> moment() {
    ContextInternal context = CallerContext.of(IOLoop.current());
    Promise<Void> promise = context.promise();
    context.runOnContext(v -> promise.complete());
    return promise.future();
  }

  /**
   * Follows {@code future}, but fails with {@link TimeoutError} {@code "Timeout"} if it has not
   * completed within {@code timeout}. The wrapped future is not cancelled or changed: it may still
   * complete later, and if it then fails, its failure is logged on {@code jornado.application} as
   * {@code Exception in Future ... after timeout}. A future that is already complete is followed
   * whatever the timeout; a zero or negative timeout otherwise times out on the next loop turn (as in
   * Tornado 6.5, where a zero timeout is an expired one, not "no timeout").
   *
   * <p>Tornado: tornado.gen.with_timeout(timedelta, future).
   *
   * @param timeout how long to wait, from now
   * @param future the future to follow
   * @param <T> its result type
   * @return the future's outcome, or a TimeoutError
   */
  public static <T> Future<T> withTimeout(Duration timeout, Future<T> future) {
    return withTimeout(timeout, future, Set.of());
  }

  /**
   * As {@link #withTimeout(Duration, Future)}, without logging a failure after the timeout that is
   * an instance of one of {@code quietExceptions}.
   *
   * <p>Tornado: tornado.gen.with_timeout(timedelta, future, quiet_exceptions=...).
   *
   * @param timeout how long to wait, from now
   * @param future the future to follow
   * @param quietExceptions exception classes whose late failures are not logged
   * @param <T> its result type
   * @return the future's outcome, or a TimeoutError
   */
  public static <T> Future<T> withTimeout(
      Duration timeout, Future<T> future, Set<Class<? extends Throwable>> quietExceptions) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(future, "future");
    QuietExceptions.check(quietExceptions);
    return WithTimeout.wrap(future, quietExceptions, (loop, onTimeout) -> loop.addTimeout(timeout, onTimeout));
  }

  /**
   * As {@link #withTimeout(Duration, Future)}, with an absolute wall-clock deadline; a deadline that
   * has passed times out on the next loop turn (unless the future is already complete).
   *
   * <p>Tornado: tornado.gen.with_timeout(deadline, future), whose deadline is in IOLoop.time()
   * seconds.
   *
   * @param deadline when to give up
   * @param future the future to follow
   * @param <T> its result type
   * @return the future's outcome, or a TimeoutError
   */
  public static <T> Future<T> withTimeout(Instant deadline, Future<T> future) {
    return withTimeout(deadline, future, Set.of());
  }

  /**
   * As {@link #withTimeout(Instant, Future)}, without logging a failure after the deadline that is
   * an instance of one of {@code quietExceptions}.
   *
   * <p>Tornado: tornado.gen.with_timeout(deadline, future, quiet_exceptions=...).
   *
   * @param deadline when to give up
   * @param future the future to follow
   * @param quietExceptions exception classes whose late failures are not logged
   * @param <T> its result type
   * @return the future's outcome, or a TimeoutError
   */
  public static <T> Future<T> withTimeout(
      Instant deadline, Future<T> future, Set<Class<? extends Throwable>> quietExceptions) {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(future, "future");
    QuietExceptions.check(quietExceptions);
    return WithTimeout.wrap(future, quietExceptions, (loop, onTimeout) -> loop.addTimeout(deadline, onTimeout));
  }

  /**
   * An iterator over the outcomes of the futures in the order they complete; see
   * {@link WaitIterator}. Its keys are the list indexes.
   *
   * <p>Tornado: tornado.gen.WaitIterator(*futures).
   *
   * @param futures the futures to wait for
   * @param <T> their result type
   * @return a new iterator
   * @throws NullPointerException when the list or one of its futures is null (naming the index)
   */
  public static <T> WaitIterator<Integer, T> waitIterator(List<? extends Future<? extends T>> futures) {
    return new WaitIterator<>(Children.of(futures));
  }

  /**
   * An iterator over the outcomes of the futures of a map in the order they complete; see
   * {@link WaitIterator}. {@link WaitIterator#currentKey()} names the map key of each result.
   *
   * <p>Tornado: tornado.gen.WaitIterator(**futures).
   *
   * @param futures the futures to wait for, by key
   * @param <K> the key type
   * @param <T> their result type
   * @return a new iterator
   * @throws NullPointerException when the map or one of its futures is null (naming the key)
   */
  public static <K, T> WaitIterator<K, T> waitIterator(Map<K, ? extends Future<? extends T>> futures) {
    return new WaitIterator<>(Children.of(futures));
  }

  /**
   * Waits for a future and returns its result, or throws its failure as it is (a checked exception
   * included). On the virtual thread of a {@link Coroutine} handler or of {@link #coroutine(Callable)}
   * it parks that thread, and the event loop serves others meanwhile. On an event-loop thread it
   * refuses, since waiting there would stop the loop. On any other thread (a plain thread, a worker
   * of {@code IOLoop.runInExecutor}) it blocks that thread until the future completes.
   *
   * <p>Tornado: the {@code await} expression (and {@code yield} in a {@code gen.coroutine}).
   *
   * @param future the future to wait for
   * @param <T> its result type
   * @return the result
   * @throws IllegalStateException on an event-loop thread, pointing to {@code @Coroutine} and
   *     {@code Gen.coroutine}
   */
  public static <T> T await(Future<T> future) {
    Objects.requireNonNull(future, "future");
    if (VirtualThreads.inVirtualThreadContext()) {
      return future.await();
    }
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("Gen.await called on event-loop thread " + Thread.currentThread().getName()
          + ", which it would block: annotate the handler class @Coroutine, or run the code in Gen.coroutine(...),"
          + " so that it runs on a virtual thread that await can park; or chain the future with compose/onComplete");
    }
    CountDownLatch done = new CountDownLatch(1);
    future.onComplete(ar -> done.countDown());
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted in Gen.await", e);
    }
    if (future.failed()) {
      throw Gen.<RuntimeException>unchecked(future.cause());
    }
    return future.result();
  }

  /**
   * Runs a body on a new virtual thread (its own Vert.x virtual-thread context, near the caller's
   * event loop when called on one), where it may {@link #await(Future)} and block. The returned
   * future completes with the body's result or fails with what it threw; on a Vert.x context its
   * callbacks run on the caller's context.
   *
   * <p>Tornado: tornado.gen.coroutine (and calling an {@code async def}, which starts a coroutine).
   *
   * @param body what to run
   * @param <T> its result type
   * @return the body's result
   * @throws IllegalStateException on Java older than 21, naming the version needed and the one running
   */
  public static <T> Future<T> coroutine(Callable<T> body) {
    Objects.requireNonNull(body, "body");
    VirtualThreads.require("Gen.coroutine");
    Context caller = Vertx.currentContext();
    Context context = caller != null ? VirtualThreads.newContext(caller)
        : VirtualThreads.newContext(IOLoop.current().vertx());
    Promise<T> result = caller != null ? ((ContextInternal) caller).promise() : Promise.promise();
    context.runOnContext(v -> {
      try {
        result.complete(body.call());
      } catch (Throwable t) {
        result.fail(t);
      }
    });
    return result.future();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E unchecked(Throwable error) throws E {
    throw (E) error;
  }
}
