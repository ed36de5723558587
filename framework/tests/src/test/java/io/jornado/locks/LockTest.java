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
import java.util.concurrent.atomic.AtomicBoolean;
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

  @Test
  void holdersOnTwoLoopsNeverOverlap() {
    Lock lock = new Lock();
    IOLoop other = IOLoop.create();
    try {
      int[] counter = {0};
      AtomicBoolean held = new AtomicBoolean();
      AtomicBoolean overlapped = new AtomicBoolean();
      Future<Void> here = ioLoop().runSync(() -> Future.succeededFuture(increments(lock, 300, counter, held, overlapped)));
      Future<Void> there = other.runSync(() -> Future.succeededFuture(increments(lock, 300, counter, held, overlapped)));
      await(Future.all(here, there));
      assertFalse(overlapped.get(), "two holders at once");
      Integer total = await(lock.acquire().map(releaser -> {
        try (releaser) {
          return counter[0];
        }
      }));
      assertEquals(600, total);
    } finally {
      await(other.close());
    }
  }

  /**
   * Takes the lock {@code times} times in a row; each time reads an unsynchronised counter, lets a
   * loop turn pass while holding the lock, then writes the counter plus one.
   */
  private Future<Void> increments(Lock lock, int times, int[] counter, AtomicBoolean held, AtomicBoolean overlapped) {
    if (times == 0) {
      return Future.succeededFuture();
    }
    return lock.acquire().compose(releaser -> {
      if (!held.compareAndSet(false, true)) {
        overlapped.set(true);
      }
      int read = counter[0];
      return nextTurn().compose(v -> {
        counter[0] = read + 1;
        held.set(false);
        releaser.close();
        return increments(lock, times - 1, counter, held, overlapped);
      });
    });
  }

  /** Completes on the next turn of the calling loop, so that the other loop gets its chances. */
  private static Future<Void> nextTurn() {
    Promise<Void> promise = Promise.promise();
    IOLoop.current().addCallback(promise::complete);
    return promise.future();
  }
}
