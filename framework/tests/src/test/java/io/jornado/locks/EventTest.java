package io.jornado.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests of {@link Event}. Tornado: tornado/test/locks_test.py EventTest. */
class EventTest extends AsyncTestCase {
  private static final Duration SHORT = Duration.ofMillis(50);

  @Test
  void toStringSaysSetOrClear() {
    Event e = new Event();
    assertEquals("<Event clear>", e.toString());
    e.set();
    assertEquals("<Event set>", e.toString());
  }

  @Test
  void waitsCompleteWhenSetAndWaitAgainAfterClear() {
    Event e = new Event();
    Future<Void> f0 = e.waitFor();
    assertFalse(f0.isComplete());
    e.set();
    Future<Void> f1 = e.waitFor();
    e.clear();
    Future<Void> f2 = e.waitFor();
    assertTrue(f0.isComplete(), "set completes the waiter's future at once");
    assertTrue(f1.isComplete());
    assertFalse(f2.isComplete());
    assertFalse(e.isSet());
  }

  @Test
  void waitTimesOutWithTimeoutErrorThenWorksNormally() {
    Event e = new Event();
    TimeoutError error = assertThrows(TimeoutError.class, () -> await(e.waitFor(SHORT)));
    assertEquals("Timeout", error.getMessage());
    ioLoop().callLater(Duration.ofMillis(10), e::set);
    await(e.waitFor(Duration.ofSeconds(5)));
  }

  @Test
  void waitUntilAnInstantTimesOut() {
    Event e = new Event();
    assertThrows(TimeoutError.class, () -> await(e.waitFor(Instant.now().plus(SHORT))));
  }

  @Test
  void zeroTimeoutTimesOutOnTheNextTurnAsTornado65() {
    Event e = new Event();
    Future<Void> none = e.waitFor();
    assertThrows(TimeoutError.class, () -> await(e.waitFor(Duration.ZERO)));
    assertFalse(none.isComplete());
    e.set();
    await(e.waitFor(Duration.ZERO));
    await(none);
  }

  @Test
  void setTwiceStaysSet() {
    Event e = new Event();
    e.set();
    e.set();
    assertTrue(e.isSet());
  }

  @Test
  void clearBeforeSetKeepsEarlierWaiters() {
    Event e = new Event();
    Future<Void> f0 = e.waitFor();
    e.clear();
    Future<Void> f1 = e.waitFor();
    e.set();
    assertTrue(f0.isComplete());
    assertTrue(f1.isComplete());
  }

  @Test
  void timedOutWaiterIsNotCompletedBySet() {
    Event e = new Event();
    Future<Void> timed = e.waitFor(SHORT);
    assertThrows(TimeoutError.class, () -> await(timed));
    e.set();
    assertTrue(timed.failed());
  }
}
