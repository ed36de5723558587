package io.jornado.ioloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Black-box tests of {@link IOLoop}. Tornado: tornado/test/ioloop_test.py. */
class IOLoopTest extends AsyncTestCase {
  /** Only reached when a test fails; a passing test takes well under a second. */
  private static final long WAIT_SECONDS = 5;

  /** Runs {@code body} on the loop and returns its value. */
  private <T> T onLoop(Supplier<T> body) {
    return ioLoop().runSync(() -> Future.succeededFuture(body.get()), Duration.ofSeconds(WAIT_SECONDS));
  }

  private Thread loopThread() {
    return onLoop(Thread::currentThread);
  }

  private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting for the loop");
  }

  private static <T> T awaitResult(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void currentOnTheLoopThreadIsThatContextsLoop() {
    IOLoop loop = ioLoop();
    assertSame(loop, IOLoop.current(), "the test loop is current on the test thread");
    assertSame(loop, onLoop(IOLoop::current));
    assertSame(loop, onLoop(() -> IOLoop.of(Vertx.currentContext())));
    assertTrue(onLoop(loop::inLoop));
    assertFalse(loop.inLoop(), "the test thread is not the loop's thread");
  }

  @Test
  void createWithVertxOnALoopThreadMakesAnotherLoop() throws Exception {
    IOLoop loop = ioLoop();
    IOLoop other = onLoop(() -> IOLoop.create(loop.vertx()));
    assertNotSame(loop, other);
    assertNotSame(loop.context(), other.context());
    assertSame(loop, onLoop(IOLoop::current), "the calling loop keeps its identity");
    CompletableFuture<IOLoop> currentOnOther = new CompletableFuture<>();
    other.addCallback(() -> currentOnOther.complete(IOLoop.current()));
    assertSame(other, awaitResult(currentOnOther));
  }

  @Test
  void addCallbackFromAForeignThreadRunsOnTheLoopThread() throws Exception {
    Thread loopThread = loopThread();
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    AtomicBoolean inLoop = new AtomicBoolean();
    Thread foreign = new Thread(() -> ioLoop().addCallback(() -> {
      inLoop.set(ioLoop().inLoop());
      ranOn.complete(Thread.currentThread());
    }), "foreign");
    foreign.start();
    assertSame(loopThread, awaitResult(ranOn));
    assertTrue(inLoop.get());
    foreign.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }

  @Test
  void callLaterWithZeroOrNegativeDelayRunsOnTheNextTurn() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(2);
    ioLoop().addCallback(() -> {
      order.add("before");
      ioLoop().callLater(Duration.ZERO, () -> {
        order.add("zero");
        done.countDown();
      });
      ioLoop().callLater(Duration.ofMillis(-5), () -> {
        order.add("negative");
        done.countDown();
      });
      order.add("after");
    });
    awaitLatch(done);
    assertEquals(List.of("before", "after", "zero", "negative"), order);
  }

  @Test
  void callLaterRunsInDeadlineOrderThenSchedulingOrder() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(5);
    ioLoop().addCallback(() -> {
      for (String[] item : new String[][] {{"30", "c"}, {"10", "a1"}, {"20", "b"}, {"10", "a2"}, {"0", "now"}}) {
        ioLoop().callLater(Duration.ofMillis(Long.parseLong(item[0])), () -> {
          order.add(item[1]);
          done.countDown();
        });
      }
    });
    awaitLatch(done);
    assertEquals(List.of("now", "a1", "a2", "b", "c"), order);
  }

  @Test
  void callLaterFromAForeignThreadWaitsAtLeastTheDelay() throws Exception {
    Thread loopThread = loopThread();
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    long start = System.nanoTime();
    ioLoop().callLater(Duration.ofMillis(40), () -> ranOn.complete(Thread.currentThread()));
    assertSame(loopThread, awaitResult(ranOn));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40));
  }

  @Test
  void callAtSecondsAndAddTimeoutRunAtTheirTime() throws Exception {
    IOLoop loop = ioLoop();
    CompletableFuture<Double> byCallAt = new CompletableFuture<>();
    CompletableFuture<Instant> byInstant = new CompletableFuture<>();
    CompletableFuture<Long> byDuration = new CompletableFuture<>();
    CompletableFuture<Instant> byCallAtInstant = new CompletableFuture<>();

    double when = loop.time() + 0.05;
    Instant deadline = Instant.now().plusMillis(40);
    long start = System.nanoTime();
    loop.callAt(when, () -> byCallAt.complete(loop.time()));
    loop.addTimeout(deadline, () -> byInstant.complete(Instant.now()));
    loop.addTimeout(Duration.ofMillis(30), () -> byDuration.complete(System.nanoTime()));
    loop.callAt(deadline, () -> byCallAtInstant.complete(Instant.now()));

    // Wall-clock readings have millisecond resolution: allow 2 ms of rounding.
    double firedAt = awaitResult(byCallAt);
    assertTrue(firedAt >= when - 0.002, "callAt(seconds) ran " + (when - firedAt) + " s early");
    assertTrue(firedAt < when + 1.0);
    assertFalse(awaitResult(byInstant).isBefore(deadline.minusMillis(2)), "addTimeout(Instant) ran early");
    assertFalse(awaitResult(byCallAtInstant).isBefore(deadline.minusMillis(2)), "callAt(Instant) ran early");
    assertTrue(awaitResult(byDuration) - start >= TimeUnit.MILLISECONDS.toNanos(30), "addTimeout(Duration) ran early");
  }

  @Test
  void callAtInThePastRunsOnTheNextTurn() throws Exception {
    CompletableFuture<Void> ran = new CompletableFuture<>();
    ioLoop().callAt(ioLoop().time() - 10, () -> ran.complete(null));
    awaitResult(ran);
  }

  @Test
  void removeTimeoutBeforeItFiresPreventsIt() throws Exception {
    AtomicBoolean removedRan = new AtomicBoolean();
    CountDownLatch sentinel = new CountDownLatch(2);
    // From a foreign thread (the test thread) ...
    IOLoop.Timeout fromTest = ioLoop().callLater(Duration.ofMillis(20), () -> removedRan.set(true));
    ioLoop().removeTimeout(fromTest);
    // ... and on the loop, including one due on the next turn.
    ioLoop().addCallback(() -> {
      IOLoop.Timeout later = ioLoop().callLater(Duration.ofMillis(20), () -> removedRan.set(true));
      IOLoop.Timeout now = ioLoop().callLater(Duration.ZERO, () -> removedRan.set(true));
      ioLoop().removeTimeout(later);
      ioLoop().removeTimeout(now);
      sentinel.countDown();
    });
    ioLoop().callLater(Duration.ofMillis(60), sentinel::countDown);
    awaitLatch(sentinel);
    assertFalse(removedRan.get(), "a removed timeout ran");
  }

  @Test
  void removeTimeoutAfterItFiredIsHarmless() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    IOLoop.Timeout timeout = ioLoop().callLater(Duration.ofMillis(1), fired::countDown);
    awaitLatch(fired);
    ioLoop().removeTimeout(timeout);
    ioLoop().removeTimeout(timeout);
    assertTrue(onLoop(() -> {
      ioLoop().removeTimeout(timeout);
      return true;
    }));
  }

  @Test
  void timeIsTheWallClockInSeconds() {
    double before = System.currentTimeMillis() / 1000.0;
    double time = ioLoop().time();
    double after = System.currentTimeMillis() / 1000.0;
    assertTrue(before <= time && time <= after, before + " <= " + time + " <= " + after);
  }

  @Test
  void runInExecutorRunsOffTheLoopAndCompletesOnIt() throws Exception {
    Thread loopThread = loopThread();
    List<Thread> threads = ioLoop().runSync(
        () -> ioLoop()
            .runInExecutor(() -> {
              List<Thread> seen = new ArrayList<>();
              seen.add(Thread.currentThread());
              return seen;
            })
            .map(seen -> {
              seen.add(Thread.currentThread());
              return seen;
            }),
        Duration.ofSeconds(WAIT_SECONDS));
    assertNotSame(loopThread, threads.get(0), "the work ran on the loop thread");
    assertSame(loopThread, threads.get(1), "the future did not complete on the loop");
  }

  @Test
  void runInExecutorWorkIsNotInTheLoop() {
    assertFalse(ioLoop().runSync(() -> ioLoop().runInExecutor(ioLoop()::inLoop), Duration.ofSeconds(WAIT_SECONDS)));
  }

  @Test
  void runSyncReturnsTheValue() {
    assertEquals("hello", ioLoop().runSync(() -> Future.succeededFuture("hello")));
    Promise<Integer> promise = Promise.promise();
    assertEquals(42, ioLoop().runSync(() -> {
      ioLoop().callLater(Duration.ofMillis(5), () -> promise.complete(42));
      return promise.future();
    }, Duration.ofSeconds(WAIT_SECONDS)));
  }

  @Test
  void runSyncRethrowsTheFailure() {
    IllegalStateException failure = new IllegalStateException("boom");
    assertSame(failure, assertThrows(IllegalStateException.class,
        () -> ioLoop().runSync(() -> Future.failedFuture(failure))));
    IllegalArgumentException thrown = new IllegalArgumentException("thrown");
    assertSame(thrown, assertThrows(IllegalArgumentException.class,
        () -> ioLoop().runSync(() -> {
          throw thrown;
        })));
  }

  @Test
  void runSyncTimeoutSaysHowManySecondsAsTornadoDoes() {
    // Tornado: "Operation timed out after %s seconds" % timeout.
    TimeoutError shortOne = assertThrows(TimeoutError.class,
        () -> ioLoop().runSync(() -> Promise.<Void>promise().future(), Duration.ofMillis(50)));
    assertEquals("Operation timed out after 0.05 seconds", shortOne.getMessage());
    TimeoutError oneSecond = assertThrows(TimeoutError.class,
        () -> ioLoop().runSync(() -> Promise.<Void>promise().future(), Duration.ofSeconds(1)));
    assertEquals("Operation timed out after 1 seconds", oneSecond.getMessage());
  }

  @Test
  void runSyncOnALoopThreadIsRefused() throws Exception {
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    ioLoop().addCallback(() -> {
      try {
        ioLoop().runSync(() -> Future.succeededFuture(1));
        refused.complete(null);
      } catch (Throwable t) {
        refused.complete(t);
      }
    });
    assertTrue(awaitResult(refused) instanceof IllegalStateException);
  }

  @Test
  void startBlocksUntilStopIsCalledFromAnotherThread() throws Exception {
    CountDownLatch returned = new CountDownLatch(1);
    Thread main = new Thread(() -> {
      ioLoop().start();
      returned.countDown();
    }, "main-like");
    main.start();
    assertFalse(returned.await(100, TimeUnit.MILLISECONDS), "start() returned before stop()");
    // Callbacks keep running while someone waits in start().
    CountDownLatch ran = new CountDownLatch(1);
    ioLoop().addCallback(ran::countDown);
    awaitLatch(ran);
    ioLoop().stop();
    awaitLatch(returned);
    main.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }

  @Test
  void stopFromALoopCallbackEndsStart() throws Exception {
    ioLoop().callLater(Duration.ofMillis(10), ioLoop()::stop);
    CompletableFuture<Void> started = CompletableFuture.runAsync(ioLoop()::start);
    awaitResult(started);
  }

  @Test
  void startOnALoopThreadIsRefused() throws Exception {
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    ioLoop().addCallback(() -> {
      try {
        ioLoop().start();
        refused.complete(null);
      } catch (Throwable t) {
        refused.complete(t);
      }
    });
    assertTrue(awaitResult(refused) instanceof IllegalStateException);
  }

  @Test
  void anExceptionInACallbackIsLoggedAndLaterCallbacksRun() throws Exception {
    CountDownLatch later = new CountDownLatch(2);
    try (ExpectLog expected = new ExpectLog("jornado.application", "Exception in callback.*")) {
      ioLoop().addCallback(() -> {
        throw new IllegalStateException("boom from addCallback");
      });
      ioLoop().addCallback(later::countDown);
      ioLoop().callLater(Duration.ofMillis(1), () -> {
        throw new IllegalStateException("boom from callLater");
      });
      ioLoop().callLater(Duration.ofMillis(5), later::countDown);
      awaitLatch(later);
    }
  }
}
