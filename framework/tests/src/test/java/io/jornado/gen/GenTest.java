package io.jornado.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Black-box tests of {@link Gen} and {@link WaitIterator}. Tornado: tornado/test/gen_test.py. */
class GenTest extends AsyncTestCase {
  private static final Duration LONG = Duration.ofHours(1);
  private static final String MULTIPLE = "Multiple exceptions in yield list";
  private static final String AFTER_TIMEOUT = "Exception in Future .* after timeout";

  /** Runs {@code body} on the loop and returns its value. */
  private <T> T onLoop(Supplier<T> body) {
    return ioLoop().runSync(() -> Future.succeededFuture(body.get()));
  }

  /** The failure of a future that must fail. */
  private Throwable failureOf(Future<?> future) {
    return assertThrows(Throwable.class, () -> await(future));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  // multi

  @Test
  void multiGivesResultsInListOrderWhateverTheCompletionOrder() {
    Promise<String> first = Promise.promise();
    Promise<String> second = Promise.promise();
    Promise<String> third = Promise.promise();
    Future<List<String>> all = Gen.multi(List.of(first.future(), second.future(), third.future()));
    third.complete("c");
    first.complete("a");
    assertFalse(all.isComplete(), "waits for every future");
    second.complete("b");
    assertEquals(List.of("a", "b", "c"), await(all));
  }

  @Test
  void multiKeepsDuplicatesAndNullResults() {
    Future<Integer> two = Future.succeededFuture(2);
    List<Future<Integer>> futures = List.of(Future.succeededFuture(1), two, Future.succeededFuture(null), two);
    List<Integer> results = await(Gen.multi(futures));
    assertEquals(Arrays.asList(1, 2, null, 2), results);
  }

  @Test
  void multiFailsWithTheFirstFailureInListOrderAfterAllCompleteAndLogsTheOthers() {
    Promise<String> a = Promise.promise();
    Promise<String> b = Promise.promise();
    Promise<String> c = Promise.promise();
    Future<List<String>> all = Gen.multi(List.of(a.future(), b.future(), c.future()));
    b.fail(new RuntimeException("error b"));
    a.fail(new RuntimeException("error a"));
    assertFalse(all.isComplete(), "a failure does not settle the result while futures are pending");
    try (ExpectLog logged = new ExpectLog("jornado.application", MULTIPLE)) {
      c.complete("c");
      assertEquals("error a", failureOf(all).getMessage());
      assertEquals(1, logged.matchedCount());
      assertTrue(logged.loggedStack(), "the later failure is logged with its stack trace");
    }
  }

  @Test
  void multiWithOneFailureLogsNothing() {
    try (ExpectLog logged = new ExpectLog("jornado.application", MULTIPLE, false)) {
      Future<List<String>> all = Gen.multi(List.of(
          Future.failedFuture(new IllegalStateException("only")), Future.succeededFuture("ok")));
      assertEquals("only", failureOf(all).getMessage());
      assertEquals(0, logged.matchedCount());
    }
  }

  @Test
  void multiDoesNotLogQuietExceptionsOrTheirSubclasses() {
    try (ExpectLog logged = new ExpectLog("jornado.application", MULTIPLE)) {
      Future<List<Object>> all = Gen.multi(
          List.of(
              Future.failedFuture(new RuntimeException("first")),
              Future.failedFuture(new IllegalArgumentException("quiet subclass")),
              Future.failedFuture(new ArithmeticException("quiet")),
              Future.failedFuture(new IllegalStateException("loud"))),
          Set.of(IllegalArgumentException.class, ArithmeticException.class));
      assertEquals("first", failureOf(all).getMessage());
      assertEquals(1, logged.matchedCount(), "only the IllegalStateException is logged");
    }
  }

  @Test
  void multiOfAMapKeepsTheKeyOrder() {
    Promise<Integer> slow = Promise.promise();
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    futures.put("zeta", slow.future());
    futures.put("alpha", Future.succeededFuture(1));
    futures.put("mid", Future.succeededFuture(2));
    Future<Map<String, Integer>> all = Gen.multi(futures);
    slow.complete(0);
    Map<String, Integer> results = await(all);
    assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(results.keySet()));
    assertEquals(List.of(0, 1, 2), new ArrayList<>(results.values()));
  }

  @Test
  void multiOfAMapFailsWithTheFirstFailureInKeyOrderAndHonoursQuietExceptions() {
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    futures.put("ok", Future.succeededFuture(1));
    futures.put("bad", Future.failedFuture(new ArithmeticException("bad")));
    futures.put("worse", Future.failedFuture(new ArithmeticException("worse")));
    try (ExpectLog logged = new ExpectLog("jornado.application", MULTIPLE)) {
      assertEquals("bad", failureOf(Gen.multi(futures)).getMessage());
      assertEquals(1, logged.matchedCount());
    }
    try (ExpectLog logged = new ExpectLog("jornado.application", MULTIPLE, false)) {
      assertEquals("bad", failureOf(Gen.multi(futures, Set.of(ArithmeticException.class))).getMessage());
      assertEquals(0, logged.matchedCount());
    }
  }

  @Test
  void multiOfNothingIsAlreadyAnEmptyResult() {
    Future<List<String>> list = Gen.multi(List.<Future<String>>of());
    Future<Map<String, String>> map = Gen.multi(Map.<String, Future<String>>of());
    assertTrue(list.succeeded());
    assertTrue(map.succeeded());
    assertEquals(List.of(), list.result());
    assertEquals(Map.of(), map.result());
  }

  @Test
  void multiNamesANullFuture() {
    List<Future<String>> futures = new ArrayList<>();
    futures.add(Future.succeededFuture("a"));
    futures.add(null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> Gen.multi(futures));
    assertEquals("futures[1] is null", e.getMessage());
  }

  @Test
  void multiCompletesOnTheCallersLoopWhenAFutureCompletesElsewhere() throws Exception {
    Promise<String> foreign = Promise.promise();
    CompletableFuture<Thread> listenedOn = new CompletableFuture<>();
    Thread loopThread = onLoop(() -> {
      Gen.multi(List.of(foreign.future())).onComplete(ar -> listenedOn.complete(Thread.currentThread()));
      return Thread.currentThread();
    });
    foreign.complete("from the test thread");
    assertSame(loopThread, listenedOn.get(5, TimeUnit.SECONDS));
  }

  // sleep and moment

  @Test
  void sleepTakesAtLeastItsDuration() {
    long start = System.nanoTime();
    await(Gen.sleep(Duration.ofMillis(50)));
    assertTrue(millisSince(start) >= 50, "slept " + millisSince(start) + " ms");
  }

  @Test
  void sleepCompletesOnTheLoopAfterCallbacksQueuedBeforeIt() {
    List<String> order = new CopyOnWriteArrayList<>();
    Future<Thread> sleptOn = onLoop(() -> {
      ioLoop().addCallback(() -> order.add("callback"));
      return Gen.sleep(Duration.ZERO).map(v -> {
        order.add("sleep");
        return Thread.currentThread();
      });
    });
    Thread loopThread = onLoop(Thread::currentThread);
    assertSame(loopThread, await(sleptOn));
    assertEquals(List.of("callback", "sleep"), order);
  }

  @Test
  void sleepRefusesANegativeDuration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gen.sleep(Duration.ofMillis(-5)));
    assertEquals("sleep duration must not be negative: PT-0.005S", e.getMessage());
  }

  @Test
  void momentCompletesAfterCallbacksQueuedBeforeItAndBeforeThoseQueuedAfter() {
    List<String> order = new CopyOnWriteArrayList<>();
    Future<Void> done = onLoop(() -> {
      Promise<Void> last = Promise.promise();
      ioLoop().addCallback(() -> order.add("before"));
      Gen.moment().onComplete(ar -> order.add("moment"));
      order.add("caller continues");
      ioLoop().addCallback(() -> {
        order.add("after");
        last.complete();
      });
      return last.future();
    });
    await(done);
    assertEquals(List.of("caller continues", "before", "moment", "after"), order);
  }

  @Test
  void momentLetsTwoLoopsOfWorkTakeTurns() {
    List<String> calls = new CopyOnWriteArrayList<>();
    Future<List<Void>> both = onLoop(() -> Gen.multi(List.of(steps("a", 3, calls), steps("b", 3, calls))));
    await(both);
    assertEquals("ababab", String.join("", calls));
  }

  /** Appends {@code name} {@code times} times, yielding with moment() after each, as gen_test's test_moment. */
  private static Future<Void> steps(String name, int times, List<String> calls) {
    calls.add(name);
    return times == 1 ? Future.succeededFuture() : Gen.moment().compose(v -> steps(name, times - 1, calls));
  }

  // withTimeout

  @Test
  void withTimeoutFailsWithTimeoutAndLeavesTheFutureRunning() {
    Promise<String> slow = Promise.promise();
    long start = System.nanoTime();
    Throwable failure = failureOf(Gen.withTimeout(Duration.ofMillis(50), slow.future()));
    assertTrue(millisSince(start) >= 50, "timed out after " + millisSince(start) + " ms");
    assertEquals(TimeoutError.class, failure.getClass());
    assertEquals("Timeout", failure.getMessage());
    assertTrue(slow.tryComplete("later"), "the wrapped future was not cancelled");
    assertEquals("later", await(slow.future()));
  }

  @Test
  void withTimeoutFollowsAFutureThatCompletesInTime() {
    Promise<String> quick = Promise.promise();
    Future<String> wrapped = Gen.withTimeout(LONG, quick.future());
    ioLoop().callLater(Duration.ofMillis(10), () -> quick.complete("asdf"));
    assertEquals("asdf", await(wrapped));
  }

  @Test
  void withTimeoutFollowsAFutureThatFailsInTime() {
    Promise<String> failing = Promise.promise();
    Future<String> wrapped = Gen.withTimeout(LONG, failing.future());
    ioLoop().callLater(Duration.ofMillis(10), () -> failing.fail(new ArithmeticException("/ by zero")));
    Throwable failure = failureOf(wrapped);
    assertEquals(ArithmeticException.class, failure.getClass());
  }

  @Test
  void withTimeoutOfACompleteFutureIgnoresEvenAZeroTimeout() {
    assertEquals("done", await(Gen.withTimeout(Duration.ZERO, Future.succeededFuture("done"))));
    assertEquals("done", await(Gen.withTimeout(Duration.ofSeconds(-5), Future.succeededFuture("done"))));
  }

  @Test
  void withTimeoutZeroIsAnExpiredTimeoutNotNone() {
    Throwable failure = failureOf(Gen.withTimeout(Duration.ZERO, Promise.<String>promise().future()));
    assertEquals("Timeout", failure.getMessage());
  }

  @Test
  void withTimeoutLogsAFailureAfterTheTimeout() {
    Promise<String> slow = Promise.promise();
    failureOf(Gen.withTimeout(Duration.ofMillis(10), slow.future()));
    try (ExpectLog logged = new ExpectLog("jornado.application", AFTER_TIMEOUT)) {
      slow.fail(new IllegalStateException("late"));
      assertTrue(logged.loggedStack());
    }
  }

  @Test
  void withTimeoutDoesNotLogAQuietFailureAfterTheTimeout() {
    Promise<String> slow = Promise.promise();
    Future<String> wrapped = Gen.withTimeout(Duration.ofMillis(10), slow.future(), Set.of(IllegalStateException.class));
    failureOf(wrapped);
    try (ExpectLog logged = new ExpectLog("jornado.application", AFTER_TIMEOUT, false)) {
      slow.fail(new IllegalStateException("late"));
      assertEquals(0, logged.matchedCount());
    }
  }

  @Test
  void withTimeoutDoesNotLogASuccessAfterTheTimeout() {
    Promise<String> slow = Promise.promise();
    failureOf(Gen.withTimeout(Duration.ofMillis(10), slow.future()));
    try (ExpectLog logged = new ExpectLog("jornado.application", "", false)) {
      slow.complete("late");
      assertEquals(0, logged.matchedCount());
    }
  }

  @Test
  void withTimeoutAtADeadline() {
    Promise<String> slow = Promise.promise();
    long start = System.nanoTime();
    Throwable failure = failureOf(Gen.withTimeout(Instant.now().plusMillis(50), slow.future()));
    assertEquals("Timeout", failure.getMessage());
    // 49: the deadline is on the wall clock, the elapsed time on the monotonic one.
    assertTrue(millisSince(start) >= 49, "timed out after " + millisSince(start) + " ms");
    assertFalse(slow.future().isComplete());

    Promise<String> quick = Promise.promise();
    Future<String> wrapped = Gen.withTimeout(Instant.now().plusSeconds(3600), quick.future());
    quick.complete("in time");
    assertEquals("in time", await(wrapped));
  }

  @Test
  void withTimeoutAtAPassedDeadlineTimesOutAtOnce() {
    Throwable failure = failureOf(Gen.withTimeout(Instant.EPOCH, Promise.<String>promise().future()));
    assertEquals("Timeout", failure.getMessage());
  }

  @Test
  void withTimeoutLogsALateFailureUnlessQuietAtADeadlineToo() {
    Promise<String> loud = Promise.promise();
    Promise<String> quiet = Promise.promise();
    failureOf(Gen.withTimeout(Instant.EPOCH, loud.future()));
    failureOf(Gen.withTimeout(Instant.EPOCH, quiet.future(), Set.of(ArithmeticException.class)));
    try (ExpectLog logged = new ExpectLog("jornado.application", AFTER_TIMEOUT)) {
      quiet.fail(new ArithmeticException("quiet"));
      loud.fail(new ArithmeticException("loud"));
      assertEquals(1, logged.matchedCount());
    }
  }

  @Test
  void withTimeoutCompletesOnTheCallersLoop() throws Exception {
    Promise<String> foreign = Promise.promise();
    CompletableFuture<Thread> listenedOn = new CompletableFuture<>();
    Thread loopThread = onLoop(() -> {
      Gen.withTimeout(LONG, foreign.future()).onComplete(ar -> listenedOn.complete(Thread.currentThread()));
      return Thread.currentThread();
    });
    foreign.complete("from the test thread");
    assertSame(loopThread, listenedOn.get(5, TimeUnit.SECONDS));
  }

  @Test
  void withTimeoutRefusesNulls() {
    Future<String> future = Future.succeededFuture("x");
    assertEquals("timeout", assertThrows(NullPointerException.class,
        () -> Gen.withTimeout((Duration) null, future)).getMessage());
    assertEquals("future", assertThrows(NullPointerException.class,
        () -> Gen.withTimeout(LONG, null)).getMessage());
    assertEquals("quietExceptions", assertThrows(NullPointerException.class,
        () -> Gen.withTimeout(LONG, future, null)).getMessage());
  }

  // WaitIterator

  @Test
  void waitIteratorHandsOutResultsInCompletionOrderWithFailures() {
    List<Promise<Integer>> promises = List.of(Promise.promise(), Promise.promise(), Promise.promise(), Promise.promise());
    WaitIterator<Integer, Integer> it = Gen.waitIterator(promises.stream().map(Promise::future).toList());
    assertFalse(it.done());
    Future<Integer> pending = it.next();
    assertFalse(pending.isComplete());
    promises.get(2).complete(24);
    assertEquals(24, await(pending));
    assertEquals(2, it.currentIndex());
    assertSame(promises.get(2).future(), it.currentFuture());

    promises.get(0).fail(new ArithmeticException("/ by zero"));
    promises.get(3).complete(84);
    promises.get(1).complete(42);
    List<String> seen = new ArrayList<>();
    while (!it.done()) {
      Future<Integer> next = it.next();
      Throwable failure = failureOrNull(next);
      seen.add(it.currentIndex() + "=" + (failure != null ? failure.getMessage() : next.result()));
      if (failure != null) {
        assertSame(promises.get(0).future(), it.currentFuture(), "the failed input is the current future");
      }
    }
    assertEquals(List.of("0=/ by zero", "3=84", "1=42"), seen);
  }

  private Throwable failureOrNull(Future<?> future) {
    try {
      await(future);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @Test
  void waitIteratorGivesAlreadyCompleteFuturesInInputOrderThenClearsCurrent() {
    WaitIterator<Integer, Integer> it = Gen.waitIterator(
        List.of(Future.succeededFuture(24), Future.succeededFuture(42), Future.succeededFuture(84)));
    IllegalStateException before = assertThrows(IllegalStateException.class, it::currentIndex);
    assertTrue(before.getMessage().startsWith("WaitIterator has no current future"), before.getMessage());
    List<Integer> results = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    while (!it.done()) {
      results.add(await(it.next()));
      indexes.add(it.currentIndex());
    }
    assertEquals(List.of(24, 42, 84), results);
    assertEquals(List.of(0, 1, 2), indexes);
    assertThrows(IllegalStateException.class, it::currentIndex, "done() clears the current future");
    assertThrows(IllegalStateException.class, it::currentFuture);
  }

  @Test
  void waitIteratorOfAMapNamesTheKey() {
    Promise<String> slow = Promise.promise();
    Map<String, Future<String>> futures = new LinkedHashMap<>();
    futures.put("slow", slow.future());
    futures.put("fast", Future.succeededFuture("f"));
    WaitIterator<String, String> it = Gen.waitIterator(futures);
    assertEquals("f", await(it.next()));
    assertEquals("fast", it.currentKey());
    assertEquals(1, it.currentIndex());
    Future<String> next = it.next();
    slow.complete("s");
    assertEquals("s", await(next));
    assertEquals("slow", it.currentKey());
    assertTrue(it.done());
  }

  @Test
  void waitIteratorNextAfterDoneOrWhilePendingIsRefused() {
    WaitIterator<Integer, String> empty = Gen.waitIterator(List.<Future<String>>of());
    assertTrue(empty.done());
    IllegalStateException done = assertThrows(IllegalStateException.class, empty::next);
    assertEquals("WaitIterator.next() called when done(): every future was handed out", done.getMessage());

    Promise<String> pending = Promise.promise();
    WaitIterator<Integer, String> it = Gen.waitIterator(List.of(pending.future(), Future.succeededFuture("x")));
    assertEquals("x", await(it.next()));
    Future<String> waiting = it.next();
    IllegalStateException twice = assertThrows(IllegalStateException.class, it::next);
    assertEquals("WaitIterator.next() called before the previous next() future completed", twice.getMessage());
    pending.complete("p");
    assertEquals("p", await(waiting));
    assertTrue(it.done());
  }

  @Test
  void waitIteratorHandsOutAFutureGivenTwiceTwice() {
    Future<String> same = Future.succeededFuture("same");
    WaitIterator<Integer, String> it = Gen.waitIterator(List.of(same, same));
    assertEquals("same", await(it.next()));
    assertEquals(0, it.currentIndex());
    assertEquals("same", await(it.next()));
    assertEquals(1, it.currentIndex());
    assertTrue(it.done());
  }

  @Test
  void waitIteratorNextCompletesOnTheCallersLoop() throws Exception {
    Promise<String> foreign = Promise.promise();
    WaitIterator<Integer, String> it = Gen.waitIterator(List.of(foreign.future()));
    CompletableFuture<Thread> listenedOn = new CompletableFuture<>();
    Thread loopThread = onLoop(() -> {
      it.next().onComplete(ar -> listenedOn.complete(Thread.currentThread()));
      return Thread.currentThread();
    });
    foreign.complete("from the test thread");
    assertSame(loopThread, listenedOn.get(5, TimeUnit.SECONDS));
  }

  @Test
  void waitIteratorWithTimeoutOnSleep() {
    assertNull(await(Gen.withTimeout(Duration.ofSeconds(1),
        Gen.waitIterator(List.of(Gen.sleep(Duration.ZERO))).next())));
  }
}
