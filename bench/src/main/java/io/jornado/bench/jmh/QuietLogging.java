package io.jornado.bench.jmh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets logback's root level to WARN in a benchmark fork, so Netty's and Vert.x's DEBUG start-up lines
 * (logback's default with no configuration) stay out of JMH's output. Left alone when
 * {@code -Dlogback.configurationFile} is given (pass it with {@code -jvmArgsAppend}).
 */
public final class QuietLogging {
  private QuietLogging() {}

  /** Call first in a benchmark's setup, before anything logs. */
  public static void apply() {
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger) {
      ((ch.qos.logback.classic.Logger) root).setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
