package io.jornado.util;

import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

/**
 * Vert.x virtual-thread contexts for {@code @Coroutine} handlers and {@code Gen.coroutine}: whether
 * this Java has virtual threads, and a new context per request, connection or coroutine.
 *
 * <p>Tornado: (none: the machinery under Jornado's {@code await} on virtual threads).
 */
public final class VirtualThreads {
  private VirtualThreads() {}

  /**
   * Tornado: (none).
   *
   * @return whether the running Java has virtual threads (Java 21 or later)
   */
  public static boolean available() {
    return Runtime.version().feature() >= 21;
  }

  /**
   * Fails unless virtual threads are available.
   *
   * <p>Tornado: (none).
   *
   * @param subject what needs them, the subject of the message, such as {@code "Gen.coroutine"}
   * @throws IllegalStateException naming the subject, the Java version needed and the one running
   */
  public static void require(String subject) {
    if (!available()) {
      throw new IllegalStateException(subject + " runs on virtual threads, which need Java 21 or later;"
          + " this is Java " + Runtime.version());
    }
  }

  /**
   * A new virtual-thread context whose Vert.x timers and I/O callbacks use the event loop of
   * {@code loop}: its tasks run one at a time, in order, each on a virtual thread, and a task parked
   * in {@code Future.await} lets the next one start.
   *
   * <p>Tornado: (none).
   *
   * @param loop a context on the event loop to stay near
   * @return the new context
   */
  public static Context newContext(Context loop) {
    ContextInternal near = (ContextInternal) loop;
    return near.owner().contextBuilder()
        .withThreadingModel(ThreadingModel.VIRTUAL_THREAD)
        .withEventLoop(near.nettyEventLoop())
        .build();
  }

  /**
   * A new virtual-thread context of a Vert.x instance.
   *
   * <p>Tornado: (none).
   *
   * @param vertx the instance
   * @return the new context
   */
  public static Context newContext(Vertx vertx) {
    return ((VertxInternal) vertx).createVirtualThreadContext();
  }

  /**
   * Tornado: (none).
   *
   * @return whether the calling thread runs a task of a Vert.x virtual-thread context
   */
  public static boolean inVirtualThreadContext() {
    Context current = Vertx.currentContext();
    return current != null && current.threadingModel() == ThreadingModel.VIRTUAL_THREAD
        && ((ContextInternal) current).inThread();
  }
}
