package io.jornado.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Tests of {@link Condition}. Tornado: tornado/test/locks_test.py ConditionTest. */
class ConditionTest extends AsyncTestCase {
  private static final Duration SHORT = Duration.ofMillis(50);

  private final List<Object> history = new CopyOnWriteArrayList<>();

  /** Records {@code key} when the wait is notified, "timeout" when its time runs out. */
  private Future<Boolean> recordDone(Future<Boolean> wait, Object key) {
    return wait.onSuccess(notified -> history.add(notified ? key : "timeout"));
  }

  @Test
  void toStringCountsWaitersAsTornadosRepr() {
    Condition c = new Condition();
    assertEquals("<Condition>", c.toString());
    c.waitFor();
    assertEquals("<Condition waiters[1]>", c.toString());
  }

  @Test
  void notifyFromAnotherTimerWakesTheWaiter() {
    Condition c = new Condition();
    Future<Boolean> wait = c.waitFor();
    ioLoop().callLater(Duration.ofMillis(10), c::notifyWaiters);
    assertTrue(await(wait));
  }

  @Test
  void notifyOneWakesTheOldestWaiterOnly() {
    Condition c = new Condition();
    Future<Boolean> wait1 = recordDone(c.waitFor(), "wait1");
    Future<Boolean> wait2 = recordDone(c.waitFor(), "wait2");
    c.notifyWaiters(1);
    await(wait1);
    history.add("notify1");
    assertFalse(wait2.isComplete());
    c.notifyWaiters(1);
    await(wait2);
    history.add("notify2");
    assertEquals(List.of("wait1", "notify1", "wait2", "notify2"), history);
  }

  @Test
  void notifyNWakesThatManyInOrder() {
    Condition c = new Condition();
    List<Future<Boolean>> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      waits.add(recordDone(c.waitFor(), i));
    }
    c.notifyWaiters(3);
    await(waits.get(2));
    assertEquals(List.of(0, 1, 2), history);
    c.notifyWaiters(1);
    await(waits.get(3));
    assertEquals(List.of(0, 1, 2, 3), history);
    c.notifyWaiters(2);
    await(waits.get(5));
    assertEquals(List.of(0, 1, 2, 3, 4, 5), history);
  }

  @Test
  void notifyAllWakesEveryWaiterInOrder() {
    Condition c = new Condition();
    List<Future<Boolean>> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waits.add(recordDone(c.waitFor(), i));
    }
    c.notifyAllWaiters();
    await(Future.all(waits));
    assertEquals(List.of(0, 1, 2, 3), history);
    assertEquals("<Condition>", c.toString());
  }

  @Test
  void waitThatTimesOutResolvesFalseAndMissesALateNotify() {
    Condition c = new Condition();
    Future<Boolean> wait = c.waitFor(SHORT);
    assertFalse(await(wait));
    c.notifyWaiters();
    assertFalse(wait.result());
  }

  @Test
  void waitUntilAnInstantTimesOut() {
    Condition c = new Condition();
    assertFalse(await(c.waitFor(Instant.now().plus(SHORT))));
    assertFalse(await(c.waitFor(Instant.now().minusSeconds(5))), "a deadline in the past");
  }

  @Test
  void notifyBeforeTheTimeoutResolvesTrue() {
    Condition c = new Condition();
    Future<Boolean> wait = c.waitFor(Duration.ofSeconds(5));
    c.notifyWaiters();
    assertTrue(await(wait));
  }

  @Test
  void timedOutWaiterDoesNotCountAgainstN() {
    Condition c = new Condition();
    Future<Boolean> w0 = recordDone(c.waitFor(), 0);
    Future<Boolean> w1 = recordDone(c.waitFor(SHORT), 1);
    Future<Boolean> w2 = recordDone(c.waitFor(), 2);
    Future<Boolean> w3 = recordDone(c.waitFor(), 3);
    assertFalse(await(w1));
    assertEquals(List.of("timeout"), history);
    c.notifyWaiters(2);
    await(Future.all(w0, w2));
    assertEquals(List.of("timeout", 0, 2), history);
    assertFalse(w3.isComplete());
    c.notifyWaiters();
    await(w3);
    assertEquals(List.of("timeout", 0, 2, 3), history);
  }

  @Test
  void notifyAllSkipsTimedOutWaiters() {
    Condition c = new Condition();
    Future<Boolean> w0 = recordDone(c.waitFor(), 0);
    Future<Boolean> w1 = recordDone(c.waitFor(SHORT), 1);
    Future<Boolean> w2 = recordDone(c.waitFor(), 2);
    await(w1);
    c.notifyAllWaiters();
    await(Future.all(w0, w2));
    assertEquals(List.of("timeout", 0, 2), history);
  }

  @Test
  void notifyCalledAgainFromAWokenWaiterLosesNothing() {
    Condition c = new Condition();
    List<Future<Boolean>> waits = ioLoop().runSync(() -> {
      List<Future<Boolean>> started = List.of(c.waitFor(), c.waitFor(), c.waitFor());
      started.get(1).onSuccess(notified -> c.notifyWaiters());
      c.notifyWaiters(2);
      return Future.succeededFuture(started);
    });
    await(Future.all(waits));
  }

  @Test
  void timedOutWaitersLeaveTheLineAtOnce() {
    Condition c = new Condition();
    List<Future<Boolean>> timed = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      timed.add(c.waitFor(SHORT));
    }
    Future<Boolean> last = c.waitFor();
    assertEquals("<Condition waiters[102]>", c.toString());
    await(Future.all(timed));
    assertEquals("<Condition waiters[1]>", c.toString());
    assertFalse(last.isComplete());
    c.notifyWaiters();
    assertTrue(await(last));
  }

  @Test
  void zeroTimeoutMeansNoTimeoutAsTornado65() {
    Condition c = new Condition();
    Future<Boolean> zero = c.waitFor(Duration.ZERO);
    Future<Boolean> timed = c.waitFor(SHORT);
    assertFalse(await(timed));
    assertFalse(zero.isComplete(), "a zero timeout never fires");
    c.notifyWaiters();
    assertTrue(await(zero));
  }

  @Test
  void negativeNIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Condition().notifyWaiters(-1));
    assertEquals("n must be >= 0, not -1", e.getMessage());
  }
}
