package io.jornado.web;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.jornado.util.PythonText;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content versions of static files by absolute path, shared by every event loop. A file that
 * cannot be read is logged once and remembered as having no version, as Tornado does.
 *
 * <p>Tornado: StaticFileHandler._static_hashes and _get_cached_version.
 */
final class StaticVersions {
  private static final ConcurrentHashMap<String, Future<Optional<String>>> VERSIONS = new ConcurrentHashMap<>();

  private StaticVersions() {}

  static void clear() {
    VERSIONS.clear();
  }

  /** The version now, computing it on the calling thread when unknown (static_url must answer at once). */
  static Optional<String> get(boolean cached, String absolutePath, Callable<String> compute) {
    if (cached) {
      Future<Optional<String>> known = VERSIONS.get(absolutePath);
      if (known != null && known.succeeded()) {
        return known.result();
      }
    }
    Optional<String> version = computeLogged(absolutePath, compute);
    if (cached) {
      VERSIONS.compute(absolutePath, (path, old) -> old != null && old.succeeded() ? old : Future.succeededFuture(version));
    }
    return version;
  }

  /**
   * The version without blocking the loop: computed on a worker, once per path however many requests
   * ask at the same time. The future may complete on another loop's thread.
   */
  static Future<Optional<String>> getAsync(boolean cached, String absolutePath, Callable<String> compute, IOLoop loop) {
    if (!cached) {
      return loop.runInExecutor(() -> computeLogged(absolutePath, compute));
    }
    Future<Optional<String>> known = VERSIONS.get(absolutePath);
    if (known != null) {
      return known;
    }
    Promise<Optional<String>> promise = Promise.promise();
    known = VERSIONS.putIfAbsent(absolutePath, promise.future());
    if (known != null) {
      return known;
    }
    loop.runInExecutor(() -> computeLogged(absolutePath, compute)).onComplete(ar -> {
      if (ar.failed()) {
        VERSIONS.remove(absolutePath, promise.future());
      }
      promise.handle(ar);
    });
    return promise.future();
  }

  private static Optional<String> computeLogged(String absolutePath, Callable<String> compute) {
    try {
      String version = compute.call();
      return version == null || version.isEmpty() ? Optional.empty() : Optional.of(version);
    } catch (Exception e) {
      Log.GENERAL.error("Could not open static file {}", PythonText.repr(absolutePath));
      return Optional.empty();
    }
  }
}
