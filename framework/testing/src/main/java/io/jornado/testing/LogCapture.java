package io.jornado.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.jornado.log.Log;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Routes Logback events to open {@link ExpectLog}s and records the unexpected WARN/ERROR ones for
 * {@link LogCheckExtension}.
 *
 * <p>How swallowing works. Every event is judged once (the verdict is cached per event object): the
 * open {@code ExpectLog}s are offered it in the order they were opened, and the first that matches
 * claims it; an event nobody claimed, at WARN or above, is recorded in the innermost open
 * {@link Scope} (the running test). The verdict is applied by {@link SwallowFilter}, which
 * {@link #install()} puts first in the filter chain of every appender attached to any logger (the
 * console appender of {@code logback-test.xml} included), so a claimed event is denied by each
 * appender and never printed. {@link CaptureAppender}, attached to the root logger, makes sure every
 * event that reaches the root is judged even when no other appender sees it. {@code install()} is
 * idempotent and runs again each time an {@code ExpectLog} opens or a test starts, so appenders added
 * by a later reconfiguration get the filter too.
 *
 * <p>Why not a Logback {@code TurboFilter}: Logback 1.5 does not consult turbo filters for events
 * logged through SLF4J 2's fluent API ({@code logger.atWarn().log(...)}, which goes straight to the
 * appenders), and a turbo filter runs before the event exists, so it would have to re-implement
 * message formatting and throwable extraction. Appender filters see every event, already formatted.
 * Known limit: an appender attached after the last {@code install()} prints claimed events until the
 * next {@code ExpectLog} or test starts.
 *
 * <p>State is process-wide, because events come from any thread (Vert.x event loops included); tests
 * that log must therefore not run in parallel in one JVM.
 */
final class LogCapture {
  static final String APPENDER_NAME = "jornado-testing-capture";

  private static final Object LOCK = new Object();
  private static final Object INSTALL_LOCK = new Object();
  private static final List<ExpectLog> EXPECTATIONS = new CopyOnWriteArrayList<>();
  /** Guarded by LOCK. */
  private static final Deque<Scope> SCOPES = new ArrayDeque<>();
  /** Guarded by LOCK. Keys are compared by identity (LoggingEvent does not override equals). */
  private static final Map<ILoggingEvent, Boolean> VERDICTS = new WeakHashMap<>();
  private static final SwallowFilter FILTER = new SwallowFilter();
  private static volatile boolean active;

  static {
    FILTER.setName("jornado-testing-expect-log");
    FILTER.start();
  }

  private LogCapture() {}

  /** The Logback context SLF4J is bound to, or null when SLF4J is bound to something else. */
  static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    return factory instanceof LoggerContext ? (LoggerContext) factory : null;
  }

  /**
   * Installs the capture appender and the swallow filter (idempotent).
   *
   * @throws IllegalStateException when SLF4J is not bound to Logback
   */
  static void install() {
    if (!tryInstall()) {
      throw new IllegalStateException(
          "jornado-testing needs Logback as the SLF4J binding, but SLF4J is bound to "
              + LoggerFactory.getILoggerFactory().getClass().getName());
    }
  }

  /**
   * Installs the capture appender and the swallow filter (idempotent).
   *
   * @return false when SLF4J is not bound to Logback (nothing installed)
   */
  static boolean tryInstall() {
    LoggerContext context = loggerContext();
    if (context == null) {
      return false;
    }
    synchronized (INSTALL_LOCK) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      Appender<ILoggingEvent> existing = root.getAppender(APPENDER_NAME);
      if (!(existing instanceof CaptureAppender) || !existing.isStarted()) {
        if (existing != null) {
          root.detachAppender(existing);
        }
        CaptureAppender appender = new CaptureAppender();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.start();
        root.addAppender(appender);
      }
      for (Logger logger : context.getLoggerList()) {
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
          addFilterFirst(it.next());
        }
      }
    }
    return true;
  }

  private static void addFilterFirst(Appender<ILoggingEvent> appender) {
    if (appender instanceof CaptureAppender) {
      return;
    }
    List<Filter<ILoggingEvent>> filters = appender.getCopyOfAttachedFiltersList();
    if (filters.contains(FILTER)) {
      return;
    }
    if (filters.isEmpty()) {
      appender.addFilter(FILTER);
    } else {
      // Filters decide in order and the first ACCEPT or DENY wins, so ours goes first.
      appender.clearAllFilters();
      appender.addFilter(FILTER);
      filters.forEach(appender::addFilter);
    }
  }

  static void register(ExpectLog expectLog) {
    synchronized (LOCK) {
      EXPECTATIONS.add(expectLog);
      updateActive();
    }
  }

  static void unregister(ExpectLog expectLog) {
    synchronized (LOCK) {
      EXPECTATIONS.remove(expectLog);
      updateActive();
    }
  }

  /** Opens a recording scope (one per running test); it becomes the innermost one. */
  static Scope begin() {
    Scope scope = new Scope();
    synchronized (LOCK) {
      SCOPES.addLast(scope);
      updateActive();
    }
    return scope;
  }

  /** Closes a scope and returns the unexpected WARN/ERROR lines recorded in it. */
  static List<String> end(Scope scope) {
    synchronized (LOCK) {
      SCOPES.remove(scope);
      updateActive();
      return List.copyOf(scope.lines);
    }
  }

  private static void updateActive() {
    active = !EXPECTATIONS.isEmpty() || !SCOPES.isEmpty();
  }

  /**
   * Judges an event once: offers it to the open ExpectLogs and records it when unexpected.
   *
   * @return true when an ExpectLog claimed it, so it must not be printed
   */
  static boolean swallow(ILoggingEvent event) {
    if (!active) {
      return false;
    }
    synchronized (LOCK) {
      Boolean verdict = VERDICTS.get(event);
      if (verdict != null) {
        return verdict;
      }
    }
    // One event is handled by one thread, so nobody else judges it meanwhile. No lock is held while
    // matching or logging: an appender may hold its own lock while it calls us.
    String message = event.getFormattedMessage();
    boolean swallowed = false;
    List<String> wrongLevel = null;
    for (ExpectLog expectLog : EXPECTATIONS) {
      ExpectLog.Outcome outcome = expectLog.offer(event, message);
      if (outcome == ExpectLog.Outcome.MATCHED) {
        swallowed = true;
        break;
      }
      if (outcome == ExpectLog.Outcome.WRONG_LEVEL) {
        if (wrongLevel == null) {
          wrongLevel = new ArrayList<>(1);
        }
        wrongLevel.add(
            "Got expected log message '" + message + "' at unexpected level ("
                + expectLog.level() + " vs " + event.getLevel() + ")");
      }
    }
    synchronized (LOCK) {
      VERDICTS.put(event, swallowed);
      if (!swallowed && event.getLevel().isGreaterOrEqual(Level.WARN)) {
        Scope scope = SCOPES.peekLast();
        if (scope != null) {
          scope.lines.add(describe(event, message));
        }
      }
    }
    if (wrongLevel != null) {
      // As Tornado's ExpectLog.filter, which warns on app_log and lets the record through.
      wrongLevel.forEach(Log.APPLICATION::warn);
    }
    return swallowed;
  }

  static String describe(ILoggingEvent event, String message) {
    StringBuilder line = new StringBuilder()
        .append(event.getLevel()).append(' ')
        .append(event.getLoggerName())
        .append(" [").append(event.getThreadName()).append("]: ")
        .append(message);
    for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
      line.append(proxy == event.getThrowableProxy() ? "\n      " : "\n      Caused by: ")
          .append(proxy.getClassName());
      if (proxy.getMessage() != null) {
        line.append(": ").append(proxy.getMessage());
      }
    }
    return line.toString();
  }

  /** The unexpected WARN/ERROR lines of one test. */
  static final class Scope {
    /** Guarded by LOCK. */
    private final List<String> lines = new ArrayList<>();

    private Scope() {}
  }

  /** Denies the events an ExpectLog claimed; first in every appender's filter chain. */
  static final class SwallowFilter extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
      return swallow(event) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
  }

  /** On the root logger: judges every event that reaches the root; prints nothing. */
  static final class CaptureAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      swallow(event);
    }
  }
}
