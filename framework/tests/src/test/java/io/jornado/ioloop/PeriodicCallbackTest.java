package io.jornado.ioloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Black-box tests of {@link PeriodicCallback}. Tornado: tornado/test/ioloop_test.py TestPeriodicCallback. */
class PeriodicCallbackTest extends AsyncTestCase {
  /** Only reached when a test fails; a passing test takes well under a second. */
  private static final long WAIT_SECONDS = 5;
  private static final String BAD_PERIOD = "Periodic callback must have a positive callback_time";

  private <T> T onLoop(Supplier<T> body) {
    return ioLoop().runSync(() -> Future.succeededFuture(body.get()), Duration.ofSeconds(WAIT_SECONDS));
  }

  private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting for the callback");
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Test
  void runsRepeatedlyOnTheCurrentLoopStartingOnePeriodAfterStart() throws Exception {
    Thread loopThread = onLoop(Thread::currentThread);
    List<Long> calls = new CopyOnWriteArrayList<>();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    CountDownLatch three = new CountDownLatch(3);
    PeriodicCallback callback = new PeriodicCallback(() -> {
      calls.add(System.nanoTime());
      threads.add(Thread.currentThread());
      three.countDown();
    }, Duration.ofMillis(30));
    assertFalse(callback.isRunning());
    long start = System.nanoTime();
    callback.start(); // on the test thread, where ioLoop() is current
    assertTrue(callback.isRunning());
    awaitLatch(three);
    callback.stop();
    assertFalse(callback.isRunning());
    // Wall-clock deadlines have millisecond resolution: allow 2 ms of rounding.
    assertTrue(millis(calls.get(0) - start) >= 28, "first call " + millis(calls.get(0) - start) + " ms after start");
    for (Thread thread : threads) {
      assertSame(loopThread, thread);
    }
  }

  @Test
  void startBindsToTheLoopCurrentAtStartTime() throws Exception {
    IOLoop other = IOLoop.create(ioLoop().vertx());
    CompletableFuture<IOLoop> ranOn = new CompletableFuture<>();
    PeriodicCallback callback = new PeriodicCallback(() -> {
      ranOn.complete(IOLoop.current());
    }, Duration.ofMillis(10));
    other.addCallback(callback::start);
    try {
      assertSame(other, ranOn.get(WAIT_SECONDS, TimeUnit.SECONDS));
    } finally {
      callback.stop();
    }
  }

  @Test
  void skipsMissedSlotsInsteadOfCatchingUp() throws Exception {
    // Period 50 ms; the second call blocks the loop for 170 ms. With calls due at 50, 100, 150, 200,
    // 250, 300, 350 ms after start, the second (at 100) ends at about 270, so the slots at 150, 200
    // and 250 are skipped: the next calls come at 300 and 350, on the original grid, with no burst.
    List<Long> starts = new CopyOnWriteArrayList<>();
    long[] blockEnded = new long[1];
    CountDownLatch four = new CountDownLatch(4);
    PeriodicCallback callback = new PeriodicCallback(() -> {
      starts.add(System.nanoTime());
      if (starts.size() == 2) {
        try {
          Thread.sleep(170); // deliberately block the loop: a slow callback
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        blockEnded[0] = System.nanoTime();
      }
      four.countDown();
    }, Duration.ofMillis(50));
    callback.start();
    awaitLatch(four);
    callback.stop();
    long ended = onLoop(() -> blockEnded[0]);

    long first = starts.get(0);
    long second = millis(starts.get(1) - first);
    long blocked = millis(ended - first);
    long third = millis(starts.get(2) - first);
    long fourth = millis(starts.get(3) - first);
    String trace = "calls at 0, " + second + ", " + third + ", " + fourth + " ms; block ended at " + blocked;
    assertTrue(second >= 40 && second <= 65, trace);
    // The third call comes after the block, within one period of its end ...
    assertTrue(third > blocked && third <= blocked + 60, trace);
    // ... on the original 50 ms grid (not "end of the block + 50 ms", which is 20 ms off it) ...
    long offGrid = Math.abs(Math.floorMod(third + 25, 50) - 25);
    assertTrue(offGrid <= 8, offGrid + " ms off the grid: " + trace);
    // ... and the next one a full period later: the missed slots are not made up in a burst.
    assertTrue(fourth - third >= 40 && fourth - third <= 65, trace);
  }

  @Test
  void aFutureCallbackIsNotReenteredBeforeItsFutureCompletes() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Promise<Void>> promises = new CopyOnWriteArrayList<>();
    CountDownLatch firstCall = new CountDownLatch(1);
    CountDownLatch secondCall = new CountDownLatch(1);
    long[] completedAt = new long[1];
    long[] secondAt = new long[1];
    PeriodicCallback callback = new PeriodicCallback(() -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Promise<Void> promise = Promise.promise();
      promises.add(promise);
      if (promises.size() == 2) {
        secondAt[0] = System.nanoTime();
        secondCall.countDown();
      }
      firstCall.countDown();
      return promise.future().onComplete(ar -> inFlight.decrementAndGet());
    }, Duration.ofMillis(10));
    callback.start();
    awaitLatch(firstCall);
    // Ten periods pass with the first future pending: no second call.
    assertFalse(secondCall.await(100, TimeUnit.MILLISECONDS), "called again while its future was pending");
    completedAt[0] = System.nanoTime();
    promises.get(0).complete(); // from a foreign thread
    awaitLatch(secondCall);
    callback.stop();
    promises.forEach(Promise::tryComplete);
    assertTrue(secondAt[0] > completedAt[0]);
    assertEquals(1, maxInFlight.get());
  }

  @Test
  void anExceptionIsLoggedAndTheCallbackKeepsRunning() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    PeriodicCallback callback = new PeriodicCallback(() -> {
      int call = calls.incrementAndGet();
      three.countDown();
      if (call == 1) {
        throw new IllegalStateException("boom from a periodic callback");
      }
    }, Duration.ofMillis(10));
    try (ExpectLog expected = new ExpectLog("jornado.application", "Exception in callback.*")) {
      callback.start();
      awaitLatch(three);
      callback.stop();
    }
    assertTrue(calls.get() >= 3);
  }

  @Test
  void aFailedFutureIsLoggedAndTheCallbackKeepsRunning() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    PeriodicCallback callback = new PeriodicCallback(() -> {
      three.countDown();
      if (calls.incrementAndGet() == 1) {
        Promise<Void> failing = Promise.promise();
        ioLoop().callLater(Duration.ofMillis(5), () -> failing.fail(new IllegalStateException("async boom")));
        return failing.future();
      }
      return Future.succeededFuture();
    }, Duration.ofMillis(10));
    try (ExpectLog expected = new ExpectLog("jornado.application", "Exception in callback.*")) {
      callback.start();
      awaitLatch(three);
      callback.stop();
    }
  }

  @Test
  void stopFromTheCallbackStopsIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3);
    PeriodicCallback[] self = new PeriodicCallback[1];
    self[0] = new PeriodicCallback(() -> {
      if (calls.incrementAndGet() == 2) {
        self[0].stop();
      }
      third.countDown();
    }, Duration.ofMillis(10));
    self[0].start();
    assertFalse(third.await(150, TimeUnit.MILLISECONDS), "ran after stop()");
    assertEquals(2, calls.get());
    assertFalse(self[0].isRunning());
  }

  @Test
  void stopFromAnotherThreadStopsItAndStartResumes() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<CountDownLatch> wanted = new AtomicReference<>(new CountDownLatch(2));
    PeriodicCallback callback = new PeriodicCallback(() -> {
      calls.incrementAndGet();
      wanted.get().countDown();
    }, Duration.ofMillis(10));
    callback.start();
    awaitLatch(wanted.get());
    callback.stop();
    callback.stop(); // harmless
    assertFalse(callback.isRunning());
    // A call already under way when stop() returned finishes; none starts after.
    int afterStop = onLoop(calls::get);
    CountDownLatch more = new CountDownLatch(1);
    wanted.set(more);
    assertFalse(more.await(100, TimeUnit.MILLISECONDS), "ran after stop()");
    assertEquals(afterStop, calls.get());

    CountDownLatch resumed = new CountDownLatch(2);
    wanted.set(resumed);
    callback.start();
    assertTrue(callback.isRunning());
    awaitLatch(resumed);
    callback.stop();
  }

  @Test
  void startTwiceDoesNotDoubleTheRate() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PeriodicCallback callback = new PeriodicCallback(calls::incrementAndGet, Duration.ofMillis(50));
    callback.start();
    callback.start();
    CountDownLatch never = new CountDownLatch(1);
    assertFalse(never.await(210, TimeUnit.MILLISECONDS));
    callback.stop();
    int count = onLoop(calls::get);
    // Due at 50, 100, 150 and 200 ms: four at most; twice started would make about eight.
    assertTrue(count >= 1 && count <= 5, count + " calls in 210 ms");
  }

  @Test
  void aNonPositivePeriodIsRefusedWithTornadosMessage() {
    Runnable runnable = () -> {};
    Supplier<Future<Void>> supplier = Future::succeededFuture;
    List<Executable> bad = List.of(
        () -> new PeriodicCallback(runnable, Duration.ZERO),
        () -> new PeriodicCallback(runnable, Duration.ofMillis(-1)),
        () -> new PeriodicCallback(runnable, null),
        () -> new PeriodicCallback(runnable, Duration.ZERO, 0.1),
        () -> new PeriodicCallback(supplier, Duration.ZERO),
        () -> new PeriodicCallback(supplier, Duration.ofSeconds(-5), 0.1));
    for (Executable construct : bad) {
      assertEquals(BAD_PERIOD, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new PeriodicCallback(runnable, Duration.ofMillis(1), -0.1));
    assertThrows(IllegalArgumentException.class, () -> new PeriodicCallback(runnable, Duration.ofMillis(1), 2.0));
    assertThrows(IllegalArgumentException.class, () -> new PeriodicCallback(runnable, Duration.ofMillis(1), Double.NaN));
  }

  @Test
  void jitterKeepsEachPeriodWithinItsBounds() throws Exception {
    // Period 60 ms, jitter 1.0: each wait is 60 * (1 + (random() - 0.5)), in [30, 90) ms.
    int intervals = 10;
    List<Long> starts = new CopyOnWriteArrayList<>();
    CountDownLatch enough = new CountDownLatch(intervals + 1);
    PeriodicCallback callback = new PeriodicCallback(() -> {
      starts.add(System.nanoTime());
      enough.countDown();
    }, Duration.ofMillis(60), 1.0);
    callback.start();
    awaitLatch(enough);
    callback.stop();
    List<Long> measured = new ArrayList<>();
    for (int i = 1; i <= intervals; i++) {
      measured.add(millis(starts.get(i) - starts.get(i - 1)));
    }
    // A timer that fires late (a loaded machine) lengthens one interval and shortens the next, so
    // allow 3 ms of slack and a couple of outliers, but no wait outside [30, 90) by much.
    List<Long> inBounds = new ArrayList<>();
    for (long interval : measured) {
      assertTrue(interval >= 5 && interval <= 150, "intervals " + measured);
      if (interval >= 27 && interval <= 93) {
        inBounds.add(interval);
      }
    }
    assertTrue(inBounds.size() >= intervals - 2, "intervals " + measured);
    // Eight waits drawn from a 60 ms range are not all within 5 ms of each other.
    assertTrue(Collections.max(inBounds) - Collections.min(inBounds) >= 5, "no jitter: intervals " + measured);
  }
}
