package io.jornado.bench.jmh;

/** Fails a benchmark's set-up when what it is about to measure does not behave as expected. */
public final class SetupChecks {
  private SetupChecks() {}

  /**
   * Throws when a condition does not hold.
   *
   * @param ok the condition
   * @param message what went wrong
   */
  public static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
