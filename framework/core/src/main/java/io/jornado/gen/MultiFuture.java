package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Waits for every child, then succeeds with their results in input order or fails with the first
 * failure in input order, logging the other failures. Tornado: tornado.gen.multi_future.
 */
final class MultiFuture {
  private MultiFuture() {}

  @SuppressWarnings("unchecked")
  static <T> Future<List<T>> list(Children<Integer, T> children, Set<Class<? extends Throwable>> quiet) {
    return join(children, quiet, values -> (List<T>) values);
  }

  @SuppressWarnings("unchecked")
  static <K, V> Future<Map<K, V>> map(Children<K, V> children, Set<Class<? extends Throwable>> quiet) {
    return join(children, quiet, values -> {
      Map<K, V> byKey = new LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        byKey.put(children.keys().get(i), (V) values.get(i));
      }
      return Collections.unmodifiableMap(byKey);
    });
  }

  private static <R> Future<R> join(
      Children<?, ?> children, Set<Class<? extends Throwable>> quiet, Function<List<Object>, R> assemble) {
    ContextInternal context = CallerContext.of(IOLoop.current());
    if (children.size() == 0) {
      return context.succeededFuture(assemble.apply(List.of()));
    }
    Promise<R> result = context.promise();
    AtomicInteger pending = new AtomicInteger(children.size());
    for (Future<?> child : children.futures()) {
      child.onComplete(ar -> {
        if (pending.decrementAndGet() == 0) {
          settle(children.futures(), quiet, assemble, result);
        }
      });
    }
    return result.future();
  }

  private static <R> void settle(
      List<? extends Future<?>> children,
      Set<Class<? extends Throwable>> quiet,
      Function<List<Object>, R> assemble,
      Promise<R> result) {
    List<Object> values = new ArrayList<>(children.size());
    Throwable first = null;
    for (Future<?> child : children) {
      if (child.succeeded()) {
        values.add(child.result());
      } else if (first == null) {
        first = child.cause();
      } else if (!QuietExceptions.covers(quiet, child.cause())) {
        Log.APPLICATION.error("Multiple exceptions in yield list", child.cause());
      }
    }
    if (first != null) {
      result.fail(first);
    } else {
      result.complete(assemble.apply(Collections.unmodifiableList(values)));
    }
  }
}
