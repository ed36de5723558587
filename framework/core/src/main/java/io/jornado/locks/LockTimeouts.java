package io.jornado.locks;

import io.jornado.util.TimeoutError;

/** The error a wait on a lock, semaphore, event or queue fails with when its time runs out. */
final class LockTimeouts {
  private LockTimeouts() {}

  static TimeoutError timeout() {
    return new TimeoutError("Timeout");
  }
}
