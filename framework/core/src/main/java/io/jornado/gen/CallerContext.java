package io.jornado.gen;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The Vert.x context a {@link Gen} helper was called on. Promises made here run their listeners on
 * that context whichever thread completes them, so results arrive on the caller's loop (and, for a
 * request's duplicated context, with the request's context data).
 */
final class CallerContext {
  private CallerContext() {}

  /** The running Vert.x context, or the context of {@link IOLoop#current()} off Vert.x threads. */
  static ContextInternal of(IOLoop loop) {
    Context running = Vertx.currentContext();
    return (ContextInternal) (running != null ? running : loop.context());
  }
}
