package io.jornado.util;

import io.jornado.log.Log;
import io.vertx.core.Context;
import java.util.ArrayDeque;

/**
 * Runs the hooks of one {@code @Coroutine} handler on its virtual-thread context strictly one after
 * another: a hook that parks in {@code Gen.await} holds the next one back until it returns, so
 * messages and body chunks are handled in the order they came (a bare virtual-thread context would
 * start the next task while one is parked).
 *
 * <p>Tornado: (none: Tornado's WebSocketHandler reads the next message only after on_message's
 * coroutine finishes, which this keeps).
 */
public final class HookQueue {
  private final Context context;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private boolean draining;

  /**
   * A queue feeding a context.
   *
   * <p>Tornado: (none).
   *
   * @param context a virtual-thread context
   */
  public HookQueue(Context context) {
    this.context = context;
  }

  /**
   * Tornado: (none).
   *
   * @return the context the hooks run on
   */
  public Context context() {
    return context;
  }

  /**
   * Runs a hook once those queued before it have returned. Safe from any thread.
   *
   * <p>Tornado: (none).
   *
   * @param hook what to run; it handles its own exceptions
   */
  public void execute(Runnable hook) {
    synchronized (waiting) {
      if (draining) {
        waiting.add(hook);
        return;
      }
      draining = true;
    }
    context.runOnContext(v -> drain(hook));
  }

  private void drain(Runnable first) {
    Runnable hook = first;
    while (hook != null) {
      try {
        hook.run();
      } catch (RuntimeException | Error e) {
        Log.APPLICATION.error("Uncaught exception in a @Coroutine hook", e);
      }
      synchronized (waiting) {
        hook = waiting.poll();
        draining = hook != null;
      }
    }
  }
}
