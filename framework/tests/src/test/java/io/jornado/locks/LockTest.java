package io.jornado.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.testing.AsyncTestCase;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Tests of {@link Lock}. Tornado: tornado/test/locks_test.py LockTests. */
class LockTest extends AsyncTestCase {
  @Test
  void toStringShowsTheBlock() {
    Lock lock = new Lock();
    assertEquals("<Lock _block=<BoundedSemaphore [unlocked,value:1]>>", lock.toString());
    lock.acquire();
    assertEquals("<Lock _block=<BoundedSemaphore [locked]>>", lock.toString());
  }

  @Test
  void acquireWaitsForRelease() {
    Lock lock = new Lock();
    assertTrue(lock.acquire().isComplete());
    Future<Releaser> next = lock.acquire();
    assertFalse(next.isComplete());
    lock.release();
    assertTrue(next.isComplete());
  }

  @Test
  void waitersGetTheLockFirstComeFirstServed() {
    Lock lock = new Lock();
    List<Integer> history = new CopyOnWriteArrayList<>();
    List<Future<Void>> runs = ioLoop().runSync(() -> {
      assertTrue(lock.acquire().isComplete());
      List<Future<Void>> started = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int index = i;
        started.add(lock.acquire().map(held -> {
          try (held) {
            history.add(index);
          }
          return null;
        }));
      }
      assertTrue(started.stream().noneMatch(Future::isComplete));
      lock.release();
      return Future.succeededFuture(started);
    });
    await(Future.all(runs));
    assertEquals(List.of(0, 1, 2, 3, 4), history);
  }

  @Test
  void acquireTimesOutAndTheLockStaysLocked() {
    Lock lock = new Lock();
    lock.acquire();
    TimeoutError error = assertThrows(TimeoutError.class, () -> await(lock.acquire(Duration.ofMillis(50))));
    assertEquals("Timeout", error.getMessage());
    assertFalse(lock.acquire().isComplete());
  }

  @Test
  void releasingAnUnlockedLockFails() {
    Lock lock = new Lock();
    IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
    assertEquals("release unlocked lock", e.getMessage());
    lock.acquire();
    lock.release();
    assertThrows(IllegalStateException.class, lock::release);
  }

  @Test
  void waiterOnAnotherLoopResumesOnItsOwnLoopWhenAForeignThreadReleases() throws Exception {
    Lock lock = new Lock();
    IOLoop other = IOLoop.create();
    try {
      await(lock.acquire());
      Promise<Thread> resumedOn = Promise.promise();
      Thread otherThread = other.runSync(() -> {
        lock.acquire().onSuccess(held -> {
          Thread current = Thread.currentThread();
          held.close();
          resumedOn.complete(current);
        });
        return Future.succeededFuture(Thread.currentThread());
      });
      Thread releaser = new Thread(lock::release, "releaser");
      releaser.start();
      releaser.join(5_000);
      assertSame(otherThread, await(resumedOn.future()), "the waiter resumed on the loop that waited");
      assertTrue(lock.acquire().isComplete(), "the waiter's Releaser unlocked");
    } finally {
      await(other.close());
    }
  }
}
