package io.jornado.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Semaphore} and {@link BoundedSemaphore}. Tornado: tornado/test/locks_test.py
 * SemaphoreTest, SemaphoreContextManagerTest, BoundedSemaphoreTest.
 */
class SemaphoreTest extends AsyncTestCase {
  private static final Duration SHORT = Duration.ofMillis(50);

  @Test
  void negativeValueIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    assertEquals("semaphore initial value must be >= 0, not -1", e.getMessage());
  }

  @Test
  void toStringAsTornadosRepr() {
    Semaphore sem = new Semaphore();
    assertEquals("<Semaphore [unlocked,value:1]>", sem.toString());
    sem.acquire();
    assertEquals("<Semaphore [locked]>", sem.toString());
    sem.acquire();
    assertEquals("<Semaphore waiters[1] [locked,waiters:1]>", sem.toString());
  }

  @Test
  void acquireWaitsForReleaseOneWaiterPerRelease() {
    Semaphore sem = new Semaphore();
    assertTrue(sem.acquire().isComplete());
    Future<Releaser> f1 = sem.acquire();
    assertFalse(f1.isComplete());
    Future<Releaser> f2 = sem.acquire();
    sem.release();
    assertTrue(f1.isComplete());
    assertFalse(f2.isComplete());
    sem.release();
    assertTrue(f2.isComplete());
    sem.release();
    assertTrue(sem.acquire().isComplete(), "now acquire is immediate");
    assertEquals("<Semaphore [locked]>", sem.toString());
  }

  @Test
  void acquireTimesOutAndDoesNotTakeALaterPermit() {
    Semaphore sem = new Semaphore(2);
    await(sem.acquire());
    await(sem.acquire());
    Future<Releaser> timed = sem.acquire(SHORT);
    TimeoutError error = assertThrows(TimeoutError.class, () -> await(timed));
    assertEquals("Timeout", error.getMessage());
    sem.release();
    assertTrue(sem.acquire().isComplete(), "the permit went to the counter, not the timed-out waiter");
    Future<Releaser> next = sem.acquire();
    assertFalse(next.isComplete());
    sem.release();
    assertTrue(next.isComplete());
  }

  @Test
  void acquireUntilAnInstantTimesOut() {
    Semaphore sem = new Semaphore(0);
    assertThrows(TimeoutError.class, () -> await(sem.acquire(Instant.now().plus(SHORT))));
  }

  @Test
  void releaseBeforeTheTimeoutWins() {
    Semaphore sem = new Semaphore(1);
    await(sem.acquire());
    ioLoop().callLater(Duration.ofMillis(10), sem::release);
    await(sem.acquire(Duration.ofSeconds(5)));
  }

  @Test
  void zeroTimeoutMeansNoTimeoutAsTornado65() {
    Semaphore sem = new Semaphore(0);
    Future<Releaser> zero = sem.acquire(Duration.ZERO);
    assertThrows(TimeoutError.class, () -> await(sem.acquire(SHORT)));
    assertFalse(zero.isComplete());
    sem.release();
    await(zero);
  }

  @Test
  void unboundedReleasesRaiseTheCount() {
    Semaphore sem = new Semaphore();
    sem.release();
    sem.release();
    for (int i = 0; i < 3; i++) {
      assertTrue(sem.acquire().isComplete());
    }
    assertFalse(sem.acquire().isComplete());
  }

  @Test
  void timedOutWaitersLeaveTheLineAtOnce() {
    Semaphore sem = new Semaphore(0);
    List<Future<Releaser>> timed = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      timed.add(sem.acquire(SHORT));
    }
    Future<Releaser> last = sem.acquire();
    assertTrue(sem.toString().contains("waiters:102"), sem.toString());
    for (Future<Releaser> f : timed) {
      assertThrows(TimeoutError.class, () -> await(f));
    }
    assertEquals("<Semaphore waiters[1] [locked,waiters:1]>", sem.toString());
    assertFalse(last.isComplete());
    sem.release();
    assertTrue(last.isComplete());
  }

  @Test
  void closingTheReleaserReleasesOnce() {
    Semaphore sem = new Semaphore();
    try (Releaser held = await(sem.acquire())) {
      assertEquals("<Semaphore [locked]>", sem.toString());
      held.close();
      assertEquals("<Semaphore [unlocked,value:1]>", sem.toString());
    }
    assertEquals("<Semaphore [unlocked,value:1]>", sem.toString(), "a second close does nothing");
  }

  @Test
  void releaserReleasesWhenTheBlockThrows() {
    Semaphore sem = new Semaphore();
    assertThrows(ArithmeticException.class, () -> {
      try (Releaser held = await(sem.acquire())) {
        throw new ArithmeticException("/ by zero");
      }
    });
    assertTrue(sem.acquire().isComplete());
  }

  @Test
  void timedOutAcquireLeavesTheCountAlone() {
    Semaphore sem = new Semaphore(0);
    assertThrows(TimeoutError.class, () -> await(sem.acquire(SHORT)));
    assertFalse(sem.acquire().isComplete());
  }

  @Test
  void contendedHoldersRunOneAfterTheOther() {
    Semaphore sem = new Semaphore();
    List<String> history = new ArrayList<>();
    List<Future<Void>> runs = ioLoop().runSync(() -> {
      List<Future<Void>> started = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int index = i;
        started.add(sem.acquire().compose(held -> {
          history.add("acquired " + index);
          return later().andThen(done -> {
            history.add("release " + index);
            held.close();
          });
        }));
      }
      return Future.succeededFuture(started);
    });
    await(Future.all(runs));
    assertEquals(List.of("acquired 0", "release 0", "acquired 1", "release 1"), history);
  }

  /** Completes after a short timer on the loop. */
  private Future<Void> later() {
    Promise<Void> promise = Promise.promise();
    ioLoop().callLater(Duration.ofMillis(10), promise::complete);
    return promise.future();
  }

  @Test
  void boundedSemaphoreRefusesReleaseAboveItsValue() {
    BoundedSemaphore sem = new BoundedSemaphore();
    IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
    assertEquals("Semaphore released too many times", e.getMessage());
    sem.acquire();
    Future<Releaser> waiting = sem.acquire();
    assertFalse(waiting.isComplete());
    sem.release();
    assertTrue(waiting.isComplete());
    sem.release();
    assertThrows(IllegalStateException.class, sem::release);
    assertEquals("<BoundedSemaphore [unlocked,value:1]>", sem.toString());
  }
}
