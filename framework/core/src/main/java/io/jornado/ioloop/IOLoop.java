package io.jornado.ioloop;

import io.jornado.log.Log;
import io.jornado.util.JornadoException;
import io.jornado.util.TimeoutError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An event loop: one Vert.x event-loop {@link Context}. Callbacks and timers scheduled on it run on
 * that context's thread, one at a time, as in Tornado.
 *
 * <p>On a Vert.x thread {@link #current()} is the loop of the running context. On any other thread it
 * is the loop made current on that thread with {@link #makeCurrent()}, or else the process's default
 * loop (created on first use with its own {@link Vertx}), so that a {@code main} method reads as a
 * Tornado script: build the app, {@code listen}, then {@code IOLoop.current().start()}.
 *
 * <p>Tornado: tornado.ioloop.IOLoop.
 */
public final class IOLoop {
  private static final Object CONTEXT_KEY = IOLoop.class;
  private static final ThreadLocal<IOLoop> MADE_CURRENT = new ThreadLocal<>();
  private static final Object DEFAULT_LOCK = new Object();
  private static volatile IOLoop defaultLoop;

  private final Vertx vertx;
  private final Context context;
  private final boolean ownsVertx;
  private final Object runLock = new Object();
  private CountDownLatch stopLatch;
  private boolean running;
  private boolean stopRequested;

  private IOLoop(Vertx vertx, Context context, boolean ownsVertx) {
    this.vertx = vertx;
    this.context = context;
    this.ownsVertx = ownsVertx;
  }

  /**
   * The loop of the calling thread: the running Vert.x context's, the one made current on this
   * thread, or the process's default loop.
   *
   * <p>Tornado: IOLoop.current().
   *
   * @return the current loop, never null
   */
  public static IOLoop current() {
    Context running = Vertx.currentContext();
    if (running != null) {
      return of(running);
    }
    IOLoop made = MADE_CURRENT.get();
    return made != null ? made : defaultLoop();
  }

  /**
   * The loop that runs on a given Vert.x context (one loop object per context; a duplicated context,
   * such as the one Vert.x gives each HTTP request, shares the loop of the context it duplicates).
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @param context a Vert.x context
   * @return its loop
   */
  public static IOLoop of(Context context) {
    Objects.requireNonNull(context, "context");
    Context root = root(context);
    IOLoop loop = root.get(CONTEXT_KEY);
    if (loop == null) {
      synchronized (CONTEXT_KEY) {
        loop = root.get(CONTEXT_KEY);
        if (loop == null) {
          loop = new IOLoop(root.owner(), root, false);
          root.put(CONTEXT_KEY, loop);
        }
      }
    }
    return loop;
  }

  /**
   * A new loop with a Vert.x instance of its own, closed by {@link #close()}.
   *
   * <p>Tornado: IOLoop() (a new loop, as AsyncTestCase.get_new_ioloop makes one per test).
   *
   * @return a new loop
   */
  public static IOLoop create() {
    Vertx vertx = Vertx.vertx();
    return register(new IOLoop(vertx, vertx.getOrCreateContext(), true));
  }

  /**
   * A new loop on a fresh event-loop context of an existing Vert.x instance, which it does not close.
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @param vertx the Vert.x instance to run on
   * @return a new loop
   */
  public static IOLoop create(Vertx vertx) {
    // getOrCreateContext() would return the caller's own context on one of vertx's threads.
    Context fresh = vertx instanceof VertxInternal internal
        ? internal.createEventLoopContext()
        : vertx.getOrCreateContext();
    return register(new IOLoop(vertx, fresh, false));
  }

  private static Context root(Context context) {
    return context instanceof ContextInternal internal ? internal.unwrap() : context;
  }

  private static IOLoop register(IOLoop loop) {
    loop.context.put(CONTEXT_KEY, loop);
    return loop;
  }

  private static IOLoop defaultLoop() {
    IOLoop loop = defaultLoop;
    if (loop == null) {
      synchronized (DEFAULT_LOCK) {
        loop = defaultLoop;
        if (loop == null) {
          loop = create();
          defaultLoop = loop;
        }
      }
    }
    return loop;
  }

  /**
   * Makes this loop the one {@link #current()} returns on the calling (non-Vert.x) thread.
   *
   * <p>Tornado: IOLoop.make_current().
   */
  public void makeCurrent() {
    MADE_CURRENT.set(this);
  }

  /**
   * Undoes {@link #makeCurrent()} on the calling thread.
   *
   * <p>Tornado: IOLoop.clear_current().
   */
  public static void clearCurrent() {
    MADE_CURRENT.remove();
  }

  /**
   * The Vert.x instance this loop belongs to.
   *
   * <p>Tornado: (none; Vert.x specific, the counterpart of IOLoop.asyncio_loop).
   *
   * @return the Vert.x instance
   */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * The Vert.x context whose thread runs this loop's callbacks.
   *
   * <p>Tornado: (none; Vert.x specific).
   *
   * @return the context
   */
  public Context context() {
    return context;
  }

  /**
   * Whether the calling thread is this loop's thread, running this loop's context (or a duplicate of
   * it). False on a worker thread running {@link #runInExecutor} work, although Vert.x reports the
   * loop's context as current there.
   *
   * <p>Tornado: (none; Tornado code is always on its loop).
   *
   * @return true on this loop's thread
   */
  public boolean inLoop() {
    Context current = Vertx.currentContext();
    return current != null && root(current) == root(context) && Context.isOnEventLoopThread();
  }

  /**
   * Blocks the calling thread until {@link #stop()} is called. The loop itself runs on Vert.x's
   * threads whether or not anyone waits here; this keeps a Tornado {@code main} method's shape.
   *
   * <p>Tornado: IOLoop.start().
   *
   * @throws IllegalStateException on a Vert.x thread, or when already started
   */
  public void start() {
    if (Vertx.currentContext() != null) {
      throw new IllegalStateException("IOLoop.start() blocks; call it from main, not from a Vert.x thread");
    }
    CountDownLatch latch;
    synchronized (runLock) {
      if (running) {
        throw new IllegalStateException("This event loop is already running");
      }
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      running = true;
      latch = new CountDownLatch(1);
      stopLatch = latch;
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (runLock) {
        running = false;
        stopLatch = null;
      }
    }
  }

  /**
   * Makes {@link #start()} return; if the loop is not started yet, the next {@code start()} returns
   * at once. Safe from any thread.
   *
   * <p>Tornado: IOLoop.stop().
   */
  public void stop() {
    synchronized (runLock) {
      if (stopLatch != null) {
        stopLatch.countDown();
      } else {
        stopRequested = true;
      }
    }
  }

  /**
   * Releases the loop's resources: closes its Vert.x instance if the loop created it.
   *
   * <p>Tornado: IOLoop.close().
   *
   * @return completes when closed
   */
  public Future<Void> close() {
    stop();
    if (this == defaultLoop) {
      synchronized (DEFAULT_LOCK) {
        defaultLoop = null;
      }
    }
    return ownsVertx ? vertx.close() : Future.succeededFuture();
  }

  /**
   * Runs a callback on the next loop turn. The only thread-safe way in Tornado to get onto a loop;
   * here it is safe from any thread. An exception from the callback is logged and goes no further.
   *
   * <p>Tornado: IOLoop.add_callback.
   *
   * @param callback what to run
   */
  public void addCallback(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    context.runOnContext(v -> runLogged(callback));
  }

  /**
   * Same as {@link #addCallback(Runnable)}.
   *
   * <p>Tornado: IOLoop.spawn_callback.
   *
   * @param callback what to run
   */
  public void spawnCallback(Runnable callback) {
    addCallback(callback);
  }

  /**
   * Runs a callback on this loop when a future completes.
   *
   * <p>Tornado: IOLoop.add_future.
   *
   * @param future the future to wait for
   * @param callback given the completed future
   * @param <T> the future's result type
   */
  public <T> void addFuture(Future<T> future, Consumer<Future<T>> callback) {
    Objects.requireNonNull(callback, "callback");
    future.onComplete(ar -> addCallback(() -> callback.accept(future)));
  }

  /**
   * Runs a callback after a delay. Zero and negative delays run on the next loop turn.
   *
   * <p>Tornado: IOLoop.call_later (which takes seconds).
   *
   * @param delay how long to wait
   * @param callback what to run
   * @return a handle for {@link #removeTimeout(Timeout)}
   */
  public Timeout callLater(Duration delay, Runnable callback) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(callback, "callback");
    return schedule(delay.toNanos(), callback);
  }

  /**
   * Runs a callback at an absolute wall-clock time in seconds, as {@link #time()} gives.
   *
   * <p>Tornado: IOLoop.call_at.
   *
   * @param when seconds since the epoch
   * @param callback what to run
   * @return a handle for {@link #removeTimeout(Timeout)}
   */
  public Timeout callAt(double when, Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    return schedule((long) ((when - time()) * 1e9), callback);
  }

  /**
   * Runs a callback at an instant.
   *
   * <p>Tornado: IOLoop.call_at.
   *
   * @param when the wall-clock instant
   * @param callback what to run
   * @return a handle for {@link #removeTimeout(Timeout)}
   */
  public Timeout callAt(Instant when, Runnable callback) {
    Objects.requireNonNull(when, "when");
    return callLater(Duration.between(Instant.now(), when), callback);
  }

  /**
   * Runs a callback at a deadline.
   *
   * <p>Tornado: IOLoop.add_timeout with an absolute deadline.
   *
   * @param deadline the wall-clock instant
   * @param callback what to run
   * @return a handle for {@link #removeTimeout(Timeout)}
   */
  public Timeout addTimeout(Instant deadline, Runnable callback) {
    return callAt(deadline, callback);
  }

  /**
   * Runs a callback after a delay.
   *
   * <p>Tornado: IOLoop.add_timeout with a timedelta.
   *
   * @param delay how long to wait
   * @param callback what to run
   * @return a handle for {@link #removeTimeout(Timeout)}
   */
  public Timeout addTimeout(Duration delay, Runnable callback) {
    return callLater(delay, callback);
  }

  /**
   * Cancels a pending timeout; harmless once it has run or was already removed. Safe from any thread.
   *
   * <p>Tornado: IOLoop.remove_timeout.
   *
   * @param timeout a handle from {@code callLater}, {@code callAt} or {@code addTimeout}
   */
  public void removeTimeout(Timeout timeout) {
    timeout.cancel(vertx);
  }

  /**
   * The wall-clock time in seconds, as Tornado's {@code IOLoop.time()} ({@code time.time()}).
   *
   * <p>Tornado: IOLoop.time.
   *
   * @return seconds since the epoch
   */
  public double time() {
    return System.currentTimeMillis() / 1000.0;
  }

  /**
   * Runs blocking work on Vert.x's worker pool; the future completes on this loop.
   *
   * <p>Tornado: IOLoop.run_in_executor(None, fn).
   *
   * @param work the blocking work
   * @param <T> its result type
   * @return the work's result
   */
  public <T> Future<T> runInExecutor(Callable<T> work) {
    Objects.requireNonNull(work, "work");
    return context.executeBlocking(work, false);
  }

  /**
   * Runs an asynchronous function on this loop and blocks the calling thread for its result.
   *
   * <p>Tornado: IOLoop.run_sync(func).
   *
   * @param function returns the future to wait for; called on this loop
   * @param <T> the result type
   * @return the future's result
   */
  public <T> T runSync(Supplier<? extends Future<T>> function) {
    return runSync(function, null);
  }

  /**
   * Runs an asynchronous function on this loop and blocks the calling thread for its result, failing
   * with {@code TimeoutError("Operation timed out after <seconds> seconds")} once the timeout passes.
   *
   * <p>Tornado: IOLoop.run_sync(func, timeout).
   *
   * @param function returns the future to wait for; called on this loop
   * @param timeout how long to wait, or null for no limit
   * @param <T> the result type
   * @return the future's result
   * @throws TimeoutError when the timeout passes first
   * @throws IllegalStateException on a Vert.x thread, where blocking would stall a loop
   */
  public <T> T runSync(Supplier<? extends Future<T>> function, Duration timeout) {
    Objects.requireNonNull(function, "function");
    if (Vertx.currentContext() != null) {
      throw new IllegalStateException("runSync blocks; it cannot be called from a Vert.x thread");
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        function.get().onComplete(result::complete, result::completeExceptionally);
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    try {
      return timeout == null ? result.get() : result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw TimeoutError.operationTimedOut(timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new JornadoException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JornadoException("Interrupted while waiting in runSync", e);
    }
  }

  private Timeout schedule(long delayNanos, Runnable callback) {
    Timeout timeout = new Timeout(callback);
    if (delayNanos <= 0) {
      context.runOnContext(v -> timeout.fire());
      return timeout;
    }
    long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
    if (inLoop()) {
      timeout.start(vertx, delayMillis);
    } else {
      context.runOnContext(v -> timeout.start(vertx, delayMillis));
    }
    return timeout;
  }

  static void runLogged(Runnable callback) {
    try {
      callback.run();
    } catch (Throwable t) {
      Log.APPLICATION.error("Exception in callback {}", callback, t);
    }
  }

  /**
   * An opaque handle to a scheduled callback, for {@link IOLoop#removeTimeout(Timeout)}.
   *
   * <p>Tornado: the handle returned by IOLoop.add_timeout / call_later / call_at.
   */
  public static final class Timeout {
    private final Runnable callback;
    private volatile boolean cancelled;
    private volatile long timerId = -1;

    private Timeout(Runnable callback) {
      this.callback = callback;
    }

    private void start(Vertx vertx, long delayMillis) {
      if (!cancelled) {
        timerId = vertx.setTimer(delayMillis, id -> fire());
      }
    }

    private void fire() {
      if (!cancelled) {
        cancelled = true;
        runLogged(callback);
      }
    }

    private void cancel(Vertx vertx) {
      cancelled = true;
      long id = timerId;
      if (id >= 0) {
        vertx.cancelTimer(id);
      }
    }
  }
}
