package io.jornado.gen;

import java.util.Objects;
import java.util.Set;

/** The exception classes whose late failures {@link Gen} does not log (Tornado's quiet_exceptions). */
final class QuietExceptions {
  private QuietExceptions() {}

  /** Checks the set once, so that a null element fails at the call rather than when logging. */
  static Set<Class<? extends Throwable>> check(Set<Class<? extends Throwable>> quiet) {
    Objects.requireNonNull(quiet, "quietExceptions");
    for (Class<? extends Throwable> type : quiet) {
      Objects.requireNonNull(type, "quietExceptions contains null");
    }
    return quiet;
  }

  /** Whether {@code failure} is an instance of one of the quiet classes (subclasses included). */
  static boolean covers(Set<Class<? extends Throwable>> quiet, Throwable failure) {
    for (Class<? extends Throwable> type : quiet) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }
}
