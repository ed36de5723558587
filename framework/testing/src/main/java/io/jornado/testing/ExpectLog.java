package io.jornado.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Expects a log message while it is open, and keeps it off the console: use it in a
 * try-with-resources block around the code that should log.
 *
 * <pre>{@code
 * try (ExpectLog expected = new ExpectLog("jornado.application", "Uncaught exception")) {
 *   HttpResponse response = fetch("/fails");
 *   assertEquals(500, response.code());
 * }
 * }</pre>
 *
 * <p>While open, every record of the given logger or of its descendants ({@code "a.b"} covers
 * {@code "a.b"} and {@code "a.b.c"}; {@code ""} or {@code "ROOT"} covers all) whose formatted message
 * matches the regular expression at its start ({@link java.util.regex.Matcher#lookingAt()}, as
 * Python's {@code re.match}) is counted and swallowed: it is not printed, and it does not count as an
 * unexpected warning for {@link LogCheckExtension}. Records from any thread are seen (Vert.x event
 * loops included). When several {@code ExpectLog}s are open, the one opened first gets the first
 * chance to match.
 *
 * <p>Levels: without a {@code level}, records at WARN and ERROR can match (Tornado 6.2 also matched
 * INFO records there, which Tornado 6.3 deprecated). With a {@code level}, only records at exactly
 * that level match; a record that matches the regex at another level is let through and a warning
 * "Got expected log message ... at unexpected level" is logged on {@code jornado.application}, as
 * Tornado does. If the logger's effective level would drop records at {@code level} (DEBUG, say), it
 * is lowered for as long as the {@code ExpectLog} is open, as Tornado does.
 *
 * <p>{@link #close()} fails with an {@link AssertionError} when {@code required} (the default) and
 * nothing matched. Needs Logback as the SLF4J binding (a dependency of jornado-testing).
 *
 * <p>Tornado: tornado.testing.ExpectLog.
 */
public final class ExpectLog implements AutoCloseable {
  enum Outcome { NO_MATCH, MATCHED, WRONG_LEVEL }

  private final String loggerName;
  private final boolean coversAll;
  private final String regex;
  private final Pattern pattern;
  private final boolean required;
  private final Level level;
  private final int levelInt;
  private final AtomicInteger matched = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean loggedStack;
  private ch.qos.logback.classic.Logger loweredLogger;
  private ch.qos.logback.classic.Level savedLevel;

  /**
   * Expects a WARN or ERROR record matching {@code regex} on a logger (or its descendants).
   *
   * <p>Tornado: ExpectLog(logger, regex).
   *
   * @param loggerName the logger to watch; {@code ""} or {@code "ROOT"} watches all
   * @param regex matched against the start of the formatted message
   * @throws java.util.regex.PatternSyntaxException when the regex is invalid
   * @throws IllegalStateException when SLF4J is not bound to Logback
   */
  public ExpectLog(String loggerName, String regex) {
    this(loggerName, regex, true, null);
  }

  /**
   * Watches a logger for records matching {@code regex}, optionally without requiring one.
   *
   * <p>Tornado: ExpectLog(logger, regex, required=...).
   *
   * @param loggerName the logger to watch; {@code ""} or {@code "ROOT"} watches all
   * @param regex matched against the start of the formatted message
   * @param required whether {@link #close()} fails when nothing matched
   */
  public ExpectLog(String loggerName, String regex, boolean required) {
    this(loggerName, regex, required, null);
  }

  /**
   * Expects a record at exactly {@code level} matching {@code regex}.
   *
   * <p>Tornado: ExpectLog(logger, regex, level=...).
   *
   * @param loggerName the logger to watch; {@code ""} or {@code "ROOT"} watches all
   * @param regex matched against the start of the formatted message
   * @param level the level the record must have; null for WARN or ERROR
   */
  public ExpectLog(String loggerName, String regex, Level level) {
    this(loggerName, regex, true, level);
  }

  /**
   * Watches a logger for records matching {@code regex}.
   *
   * <p>Tornado: ExpectLog(logger, regex, required=..., level=...).
   *
   * @param loggerName the logger to watch; {@code ""} or {@code "ROOT"} watches all
   * @param regex matched against the start of the formatted message
   * @param required whether {@link #close()} fails when nothing matched
   * @param level the level the record must have; null for WARN or ERROR
   */
  public ExpectLog(String loggerName, String regex, boolean required, Level level) {
    Objects.requireNonNull(loggerName, "loggerName");
    this.regex = Objects.requireNonNull(regex, "regex");
    this.pattern = Pattern.compile(regex);
    this.coversAll = loggerName.isEmpty() || Logger.ROOT_LOGGER_NAME.equalsIgnoreCase(loggerName);
    this.loggerName = coversAll ? Logger.ROOT_LOGGER_NAME : loggerName;
    this.required = required;
    this.level = level;
    this.levelInt = level == null ? 0 : toLogback(level).toInt();
    LogCapture.install();
    lowerLevelIfNeeded();
    LogCapture.register(this);
  }

  /**
   * Expects a WARN or ERROR record matching {@code regex} on a logger (or its descendants).
   *
   * <p>Tornado: ExpectLog(logger, regex).
   *
   * @param logger the logger to watch
   * @param regex matched against the start of the formatted message
   */
  public ExpectLog(Logger logger, String regex) {
    this(logger.getName(), regex, true, null);
  }

  /**
   * Watches a logger for records matching {@code regex}, optionally without requiring one.
   *
   * <p>Tornado: ExpectLog(logger, regex, required=...).
   *
   * @param logger the logger to watch
   * @param regex matched against the start of the formatted message
   * @param required whether {@link #close()} fails when nothing matched
   */
  public ExpectLog(Logger logger, String regex, boolean required) {
    this(logger.getName(), regex, required, null);
  }

  /**
   * Expects a record at exactly {@code level} matching {@code regex}.
   *
   * <p>Tornado: ExpectLog(logger, regex, level=...).
   *
   * @param logger the logger to watch
   * @param regex matched against the start of the formatted message
   * @param level the level the record must have; null for WARN or ERROR
   */
  public ExpectLog(Logger logger, String regex, Level level) {
    this(logger.getName(), regex, true, level);
  }

  /**
   * Watches a logger for records matching {@code regex}.
   *
   * <p>Tornado: ExpectLog(logger, regex, required=..., level=...).
   *
   * @param logger the logger to watch
   * @param regex matched against the start of the formatted message
   * @param required whether {@link #close()} fails when nothing matched
   * @param level the level the record must have; null for WARN or ERROR
   */
  public ExpectLog(Logger logger, String regex, boolean required, Level level) {
    this(logger.getName(), regex, required, level);
  }

  /**
   * Whether a matched record carried a throwable (a stack trace was logged).
   *
   * <p>Tornado: ExpectLog.logged_stack (which Tornado also sets for records the regex did not match).
   *
   * @return true once a matched record had a throwable
   */
  public boolean loggedStack() {
    return loggedStack;
  }

  /**
   * How many records matched (and were swallowed) so far.
   *
   * <p>Tornado: (none; Tornado keeps only the boolean {@code matched}).
   *
   * @return the number of matched records
   */
  public int matchedCount() {
    return matched.get();
  }

  /**
   * Stops watching, restores a lowered logger level, and fails if a required message never came.
   * Idempotent.
   *
   * <p>Tornado: ExpectLog.__exit__.
   *
   * @throws AssertionError when {@code required} and no record matched
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LogCapture.unregister(this);
    restoreLevel();
    if (required && matched.get() == 0) {
      throw new AssertionError("did not get expected log message: logger " + loggerName
          + (level == null ? "" : ", level " + level) + ", regex \"" + regex + "\"");
    }
  }

  @Override
  public String toString() {
    return "ExpectLog(" + loggerName + ", \"" + regex + "\"" + (level == null ? "" : ", " + level)
        + (required ? "" : ", not required") + ")";
  }

  Level level() {
    return level;
  }

  /** Offers a record; called by {@link LogCapture} once per record, on the logging thread. */
  Outcome offer(ILoggingEvent event, String message) {
    if (closed.get() || !covers(event.getLoggerName())) {
      return Outcome.NO_MATCH;
    }
    int recordLevel = event.getLevel().toInt();
    if (level == null && recordLevel < ch.qos.logback.classic.Level.WARN_INT) {
      return Outcome.NO_MATCH;
    }
    if (message == null || !pattern.matcher(message).lookingAt()) {
      return Outcome.NO_MATCH;
    }
    if (level != null && recordLevel != levelInt) {
      return Outcome.WRONG_LEVEL;
    }
    if (event.getThrowableProxy() != null) {
      loggedStack = true;
    }
    matched.incrementAndGet();
    return Outcome.MATCHED;
  }

  private boolean covers(String name) {
    return coversAll
        || name.equals(loggerName)
        || (name.length() > loggerName.length()
            && name.startsWith(loggerName)
            && name.charAt(loggerName.length()) == '.');
  }

  private void lowerLevelIfNeeded() {
    if (level == null) {
      return;
    }
    LoggerContext context = LogCapture.loggerContext();
    ch.qos.logback.classic.Logger logger = context.getLogger(loggerName);
    if (logger.getEffectiveLevel().toInt() > levelInt) {
      savedLevel = logger.getLevel();
      loweredLogger = logger;
      logger.setLevel(toLogback(level));
    }
  }

  private void restoreLevel() {
    if (loweredLogger != null) {
      loweredLogger.setLevel(savedLevel);
      loweredLogger = null;
    }
  }

  static ch.qos.logback.classic.Level toLogback(Level level) {
    switch (level) {
      case ERROR:
        return ch.qos.logback.classic.Level.ERROR;
      case WARN:
        return ch.qos.logback.classic.Level.WARN;
      case INFO:
        return ch.qos.logback.classic.Level.INFO;
      case DEBUG:
        return ch.qos.logback.classic.Level.DEBUG;
      default:
        return ch.qos.logback.classic.Level.TRACE;
    }
  }
}
