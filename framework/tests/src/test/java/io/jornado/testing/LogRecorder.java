package io.jornado.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Test helper: an appender standing in for the console (what it receives is what would be printed),
 * and a private log-check scope that collects unexpected WARN/ERROR lines without failing the
 * surrounding test.
 */
final class LogRecorder implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final LogCapture.Scope scope;

  private LogRecorder(String loggerName) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    logger = context.getLogger(loggerName);
    appender.setContext(context);
    appender.setName("test-recorder-" + System.identityHashCode(appender));
    appender.start();
    logger.addAppender(appender);
    scope = LogCapture.begin();
  }

  /** Records what reaches the root logger's appenders. */
  static LogRecorder onRoot() {
    return new LogRecorder(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Records what reaches the appenders of the given logger. */
  static LogRecorder on(String loggerName) {
    return new LogRecorder(loggerName);
  }

  /** Formatted messages that reached the appender ("were printed"). */
  List<String> printed() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }
  }

  /** Ends the private scope and returns the unexpected WARN/ERROR lines it collected. */
  List<String> unexpected() {
    return LogCapture.end(scope);
  }

  ListAppender<ILoggingEvent> appender() {
    return appender;
  }

  @Override
  public void close() {
    LogCapture.end(scope);
    logger.detachAppender(appender);
    appender.stop();
  }
}
