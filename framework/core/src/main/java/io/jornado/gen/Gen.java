package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Tornado's {@code tornado.gen} on Vert.x futures: {@link #await(Future)} waits for a future inside a
 * coroutine, which is a {@link Coroutine} handler or a body given to {@link #coroutine(Callable)},
 * both running on Java 21 virtual threads.
 *
 * <p>Tornado: tornado.gen.
 */
public final class Gen {
  private Gen() {}

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
