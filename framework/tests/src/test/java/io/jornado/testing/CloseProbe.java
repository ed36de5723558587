package io.jornado.testing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;

/** Test helper: a verticle whose stop (when its Vert.x instance closes) completes a future. */
final class CloseProbe extends VerticleBase {
  final CompletableFuture<Void> stopped = new CompletableFuture<>();

  private CloseProbe() {}

  /** Deploys a probe; the returned future completes when the Vert.x instance undeploys it. */
  static Future<CompletableFuture<Void>> deploy(Vertx vertx) {
    CloseProbe probe = new CloseProbe();
    return vertx.deployVerticle(probe).map(id -> probe.stopped);
  }

  @Override
  public Future<?> stop() {
    stopped.complete(null);
    return Future.succeededFuture();
  }
}
