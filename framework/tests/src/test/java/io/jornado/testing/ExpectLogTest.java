package io.jornado.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.jornado.log.Log;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

@ExtendWith(LogCheckExtension.class)
class ExpectLogTest {
  private static final Logger CHILD = LoggerFactory.getLogger("jornado.general.child");

  @Test
  void matchedRecordIsCountedAndNotPrinted() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      ExpectLog expected = new ExpectLog("jornado.general", "Bad request");
      try (expected) {
        Log.GENERAL.warn("Bad request {} from {}", 42, "127.0.0.1");
      }
      assertEquals(1, expected.matchedCount());
      assertFalse(expected.loggedStack());
      assertEquals(List.of(), recorder.printed());
      assertEquals(List.of(), recorder.unexpected());
    }
  }

  @Test
  void unmatchedRecordIsPrintedAndUnexpected() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      ExpectLog expected = new ExpectLog("jornado.general", "Bad request", false);
      try (expected) {
        Log.GENERAL.warn("Something else");
      }
      assertEquals(0, expected.matchedCount());
      assertEquals(List.of("Something else"), recorder.printed());
      List<String> unexpected = recorder.unexpected();
      assertEquals(1, unexpected.size(), unexpected::toString);
      assertTrue(unexpected.get(0).startsWith("WARN jornado.general ["), unexpected.get(0));
      assertTrue(unexpected.get(0).endsWith("]: Something else"), unexpected.get(0));
    }
  }

  @Test
  void regexMatchesAtTheStartOnlyLikePythonReMatch() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog start = new ExpectLog("jornado.general", "request", false)) {
        Log.GENERAL.warn("bad request");
        assertEquals(0, start.matchedCount());
      }
      try (ExpectLog start = new ExpectLog("jornado.general", "bad r.q")) {
        Log.GENERAL.warn("bad request");
        assertEquals(1, start.matchedCount());
      }
      assertEquals(List.of("bad request"), recorder.printed());
      assertEquals(1, recorder.unexpected().size());
    }
  }

  @Test
  void coversChildLoggersButNotNamesThatOnlySharePrefix() {
    Logger sibling = LoggerFactory.getLogger("jornado.generalized");
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog(Log.GENERAL, "x", false)) {
        CHILD.warn("x from child");
        sibling.warn("x from sibling");
        assertEquals(1, expected.matchedCount());
      }
      assertEquals(List.of("x from sibling"), recorder.printed());
      assertEquals(1, recorder.unexpected().size());
    }
  }

  @Test
  void emptyOrRootNameCoversEveryLogger() {
    try (ExpectLog empty = new ExpectLog("", "anywhere");
        ExpectLog root = new ExpectLog("ROOT", "elsewhere")) {
      LoggerFactory.getLogger("some.other.logger").error("anywhere at all");
      Log.ACCESS.warn("elsewhere too");
      assertEquals(1, empty.matchedCount());
      assertEquals(1, root.matchedCount());
    }
  }

  @Test
  void requiredExpectLogFailsOnCloseWhenNothingMatched() {
    ExpectLog expected = new ExpectLog("jornado.application", "Uncaught exception");
    AssertionError error = assertThrows(AssertionError.class, expected::close);
    assertTrue(error.getMessage().startsWith("did not get expected log message"), error.getMessage());
    assertTrue(error.getMessage().contains("Uncaught exception"), error.getMessage());
    assertTrue(error.getMessage().contains("jornado.application"), error.getMessage());
    // Closing again neither fails again nor throws.
    expected.close();
  }

  @Test
  void notRequiredExpectLogClosesQuietly() {
    ExpectLog expected = new ExpectLog("jornado.application", "Uncaught exception", false);
    expected.close();
    assertEquals(0, expected.matchedCount());
  }

  @Test
  void closedExpectLogNoLongerMatches() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      ExpectLog expected = new ExpectLog("jornado.general", "late");
      Log.GENERAL.warn("late but in time");
      expected.close();
      Log.GENERAL.warn("late and too late");
      assertEquals(1, expected.matchedCount());
      assertEquals(List.of("late and too late"), recorder.printed());
      assertEquals(1, recorder.unexpected().size());
    }
  }

  @Test
  void withoutLevelOnlyWarnAndErrorMatch() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog("jornado.general", "level")) {
        Log.GENERAL.info("level info");
        Log.GENERAL.warn("level warn");
        Log.GENERAL.error("level error");
        assertEquals(2, expected.matchedCount());
      }
      assertEquals(List.of("level info"), recorder.printed());
      assertEquals(List.of(), recorder.unexpected());
    }
  }

  @Test
  void withLevelOnlyThatExactLevelMatches() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog("jornado.general", "exact", Level.INFO)) {
        Log.GENERAL.info("exact info");
        assertEquals(1, expected.matchedCount());
      }
      assertEquals(List.of(), recorder.printed());
    }
  }

  @Test
  void matchAtAnotherLevelIsLetThroughWithATornadoStyleWarning() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog("jornado.general", "wrong", false, Level.ERROR)) {
        Log.GENERAL.warn("wrong level");
        assertEquals(0, expected.matchedCount());
      }
      assertEquals(
          List.of("Got expected log message 'wrong level' at unexpected level (ERROR vs WARN)", "wrong level"),
          recorder.printed());
      List<String> unexpected = recorder.unexpected();
      assertEquals(2, unexpected.size(), unexpected::toString);
      assertTrue(unexpected.stream().anyMatch(line -> line.startsWith("WARN jornado.application")), unexpected::toString);
      assertTrue(unexpected.stream().anyMatch(line -> line.startsWith("WARN jornado.general")), unexpected::toString);
    }
  }

  @Test
  void levelBelowTheLoggersLevelIsEnabledWhileOpenThenRestored() {
    Logger logger = LoggerFactory.getLogger("jornado.testing.debugged");
    assertFalse(logger.isDebugEnabled(), "logback-test.xml sets INFO");
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog(logger, "details", Level.DEBUG)) {
        assertTrue(logger.isDebugEnabled());
        logger.debug("details {}", 1);
        assertEquals(1, expected.matchedCount());
      }
      assertFalse(logger.isDebugEnabled());
      assertEquals(List.of(), recorder.printed());
    }
  }

  @Test
  void loggedStackIsSetWhenAMatchedRecordHasAThrowable() {
    try (ExpectLog plain = new ExpectLog("jornado.application", "plain");
        ExpectLog withStack = new ExpectLog("jornado.application", "Uncaught exception GET /x")) {
      Log.APPLICATION.error("plain message");
      // The throwable as the last argument (SLF4J convention) is a stack, not a placeholder value.
      Log.APPLICATION.error("Uncaught exception {} {}", "GET", "/x", new IllegalStateException("boom"));
      assertFalse(plain.loggedStack());
      assertTrue(withStack.loggedStack());
      assertEquals(1, withStack.matchedCount());
    }
  }

  @Test
  void fluentApiRecordsAreSwallowedToo() {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog("jornado.general", "fluent 7")) {
        Log.GENERAL.atWarn().setMessage("fluent {}").addArgument(7).log();
        assertEquals(1, expected.matchedCount());
      }
      assertEquals(List.of(), recorder.printed());
      assertEquals(List.of(), recorder.unexpected());
    }
  }

  @Test
  void recordsFromAVertxEventLoopAreMatched() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      try (ExpectLog expected = new ExpectLog("jornado.general", "from the loop")) {
        CompletableFuture<String> thread = new CompletableFuture<>();
        vertx.runOnContext(v -> {
          Log.GENERAL.warn("from the loop");
          thread.complete(Thread.currentThread().getName());
        });
        assertTrue(thread.get(5, TimeUnit.SECONDS).startsWith("vert.x-eventloop-thread"));
        assertEquals(1, expected.matchedCount());
      }
      assertEquals(List.of(), recorder.printed());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void firstOpenedExpectLogWinsWhenSeveralMatch() {
    try (ExpectLog outer = new ExpectLog("jornado", "shared", false);
        ExpectLog inner = new ExpectLog("jornado.general", "shared", false)) {
      Log.GENERAL.warn("shared message");
      assertEquals(1, outer.matchedCount());
      assertEquals(0, inner.matchedCount());
    }
  }

  @Test
  void consoleAppenderGetsTheSwallowFilterFirst() {
    try (ExpectLog ignored = new ExpectLog("jornado.general", "x", false)) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
      assertInstanceOf(LogCapture.SwallowFilter.class, console.getCopyOfAttachedFiltersList().get(0));
    }
  }

  @Test
  void appendersOfNonAdditiveLoggersAreFilteredToo() {
    ch.qos.logback.classic.Logger isolated =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("jornado.testing.isolated");
    isolated.setAdditive(false);
    try (LogRecorder recorder = LogRecorder.on("jornado.testing.isolated")) {
      try (ExpectLog expected = new ExpectLog("jornado.testing.isolated", "alone")) {
        isolated.warn("alone");
        isolated.info("printed");
        assertEquals(1, expected.matchedCount());
      }
      assertEquals(List.of("printed"), recorder.printed());
    } finally {
      isolated.setAdditive(true);
    }
  }

  @Test
  void invalidRegexFailsAtOnce() {
    assertThrows(PatternSyntaxException.class, () -> new ExpectLog("jornado.general", "("));
  }
}
