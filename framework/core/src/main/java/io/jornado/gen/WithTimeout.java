package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Follows a future until a timer on the caller's loop runs out; the future itself is left alone.
 * Tornado: tornado.gen.with_timeout.
 */
final class WithTimeout {
  private WithTimeout() {}

  /** {@code schedule} starts the timer on the loop, for a delay or a deadline. */
  static <T> Future<T> wrap(
      Future<T> future,
      Set<Class<? extends Throwable>> quiet,
      BiFunction<IOLoop, Runnable, IOLoop.Timeout> schedule) {
    IOLoop loop = IOLoop.current();
    Promise<T> result = CallerContext.of(loop).promise();
    if (future.isComplete()) {
      copy(future, result);
      return result.future();
    }
    IOLoop.Timeout timer = schedule.apply(loop, () -> {
      TimeoutError timeout = new TimeoutError("Timeout");
      future.onFailure(cause -> {
        if (result.future().cause() == timeout && !QuietExceptions.covers(quiet, cause)) {
          Log.APPLICATION.error("Exception in Future {} after timeout", future, cause);
        }
      });
      result.tryFail(timeout);
    });
    future.onComplete(ar -> {
      loop.removeTimeout(timer);
      copy(future, result);
    });
    return result.future();
  }

  private static <T> void copy(Future<T> from, Promise<T> to) {
    if (from.succeeded()) {
      to.tryComplete(from.result());
    } else {
      to.tryFail(from.cause());
    }
  }
}
