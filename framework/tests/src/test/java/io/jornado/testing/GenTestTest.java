package io.jornado.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * {@link GenTest} through {@link AsyncTestCase#genTests()}: the fixtures' dynamic tests are run here
 * by hand (so that the failing ones can be checked), and {@link RealGenTests} runs under JUnit.
 */
@ExtendWith(LogCheckExtension.class)
class GenTestTest {

  @Disabled("a fixture: its dynamic tests are run by GenTestTest")
  abstract static class BaseFixture extends AsyncTestCase {
    @GenTest
    Future<Void> inherited() {
      return Future.succeededFuture();
    }

    @GenTest
    Future<Void> overriddenWithoutGenTest() {
      return Future.succeededFuture();
    }
  }

  @Disabled("a fixture: its dynamic tests are run by GenTestTest")
  static class Fixture extends BaseFixture {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<IOLoop> loops = Collections.synchronizedList(new ArrayList<>());
    final List<CompletableFuture<Void>> closed = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void setUpResources() throws Exception {
      super.setUpResources();
      events.add("setUp current=" + (IOLoop.current() == ioLoop()));
      loops.add(ioLoop());
      closed.add(await(CloseProbe.deploy(ioLoop().vertx())));
    }

    @Override
    protected void tearDownResources() throws Exception {
      events.add("tearDown closed=" + closed.get(closed.size() - 1).isDone());
      super.tearDownResources();
    }

    @Override
    Future<Void> overriddenWithoutGenTest() {
      return Future.succeededFuture();
    }

    @GenTest
    Future<String> passes() {
      events.add("passes inLoop=" + ioLoop().inLoop() + " current=" + (IOLoop.current() == ioLoop()));
      return ioLoop().vertx().timer(10).map(v -> {
        events.add("completed inLoop=" + ioLoop().inLoop());
        return "ok";
      });
    }

    @GenTest
    Future<Void> failsWithAssertion() {
      return ioLoop().vertx().timer(10).map(v -> {
        throw new AssertionError("checked on the loop");
      });
    }

    @GenTest
    Future<Void> failsWithCheckedException() {
      return Future.failedFuture(new IOException("no route to 127.0.0.1"));
    }

    @GenTest
    Future<Void> throwsSynchronously() {
      throw new IllegalStateException("thrown before returning a future");
    }

    @GenTest(timeout = 0.2)
    Future<Void> timesOut() {
      return Promise.<Void>promise().future();
    }

    @GenTest
    void notAFuture() {}

    @GenTest
    Future<Void> takesParameters(String argument) {
      return Future.succeededFuture();
    }

    @GenTest
    static Future<Void> isStatic() {
      return Future.succeededFuture();
    }

    @GenTest
    Future<Void> returnsNull() {
      return null;
    }

    @GenTest
    Future<Void> logsUnexpectedWarning() {
      Log.GENERAL.warn("unexpected in a gen test (printed on purpose by GenTestTest)");
      return Future.succeededFuture();
    }

    @GenTest
    Future<Void> logsExpectedWarning() {
      ExpectLog expected = new ExpectLog("jornado.general", "expected in a gen test");
      return ioLoop().vertx().timer(10).map(v -> {
        Log.GENERAL.warn("expected in a gen test");
        expected.close();
        return null;
      });
    }

    @GenTest
    @AllowLogWarnings
    Future<Void> logsAllowedWarning() {
      Log.GENERAL.warn("allowed in a gen test (printed on purpose by GenTestTest)");
      return Future.succeededFuture();
    }

    @GenTest
    Future<Void> failsAndLogs() {
      Log.GENERAL.warn("logged by a failing gen test (printed on purpose by GenTestTest)");
      return Future.failedFuture(new AssertionError("the test's own failure"));
    }

    @GenTest
    @Disabled("not today")
    Future<Void> disabled() {
      events.add("disabled ran");
      return Future.succeededFuture();
    }
  }

  @Disabled("a fixture")
  static class EmptyFixture extends AsyncTestCase {
    @Test
    void plainTest() {}
  }

  private static Map<String, DynamicTest> dynamicTests(AsyncTestCase fixture) {
    return fixture.genTests().collect(Collectors.toMap(DynamicTest::getDisplayName, t -> t));
  }

  private static void run(AsyncTestCase fixture, String name) throws Throwable {
    DynamicTest test = dynamicTests(fixture).get(name);
    if (test == null) {
      throw new AssertionError("no dynamic test " + name);
    }
    test.getExecutable().execute();
  }

  private static <T extends Throwable> T assertRunFails(Class<T> type, AsyncTestCase fixture, String name) {
    Executable run = () -> run(fixture, name);
    return assertThrows(type, run);
  }

  @Test
  void oneDynamicTestPerGenTestMethodSortedByNameInheritedIncluded() {
    List<String> names = new Fixture().genTests().map(DynamicTest::getDisplayName).collect(Collectors.toList());
    assertEquals(List.of(
        "disabled", "failsAndLogs", "failsWithAssertion", "failsWithCheckedException", "inherited",
        "isStatic", "logsAllowedWarning", "logsExpectedWarning", "logsUnexpectedWarning", "notAFuture",
        "passes", "returnsNull", "takesParameters", "throwsSynchronously", "timesOut"), names);
  }

  @Test
  void dynamicTestsPointAtTheirMethods() {
    Optional<URI> source = dynamicTests(new Fixture()).get("passes").getTestSourceUri();
    assertEquals(Optional.of(URI.create("method:" + Fixture.class.getName() + "#passes()")), source);
  }

  @Test
  void classWithoutGenTestMethodsProducesNothing() {
    assertEquals(0, new EmptyFixture().genTests().count());
  }

  @Test
  void passingGenTestRunsOnItsLoopBetweenSetUpAndTearDown() throws Throwable {
    Fixture fixture = new Fixture();
    run(fixture, "passes");
    assertEquals(List.of(
        "setUp current=true",
        "passes inLoop=true current=true",
        "completed inLoop=true",
        "tearDown closed=false"), fixture.events);
    assertTrue(fixture.closed.get(0).isDone(), "the loop is closed after the test");
    assertThrows(IllegalStateException.class, fixture::ioLoop);
  }

  @Test
  void eachGenTestGetsAFreshLoop() throws Throwable {
    Fixture fixture = new Fixture();
    run(fixture, "passes");
    run(fixture, "inherited");
    assertEquals(2, fixture.loops.size());
    assertNotSame(fixture.loops.get(0), fixture.loops.get(1));
    assertTrue(fixture.closed.get(1).isDone());
  }

  @Test
  void failedFutureFailsWithItsCause() {
    AssertionError error = assertRunFails(AssertionError.class, new Fixture(), "failsWithAssertion");
    assertEquals("checked on the loop", error.getMessage());
    IOException io = assertRunFails(IOException.class, new Fixture(), "failsWithCheckedException");
    assertEquals("no route to 127.0.0.1", io.getMessage());
    IllegalStateException sync = assertRunFails(IllegalStateException.class, new Fixture(), "throwsSynchronously");
    assertEquals("thrown before returning a future", sync.getMessage());
  }

  @Test
  void pendingFutureTimesOutWithTornadosMessageAndIsTornDown() {
    Fixture fixture = new Fixture();
    TimeoutError error = assertRunFails(TimeoutError.class, fixture, "timesOut");
    assertEquals("Operation timed out after 0.2 seconds", error.getMessage());
    assertEquals(new StackTraceElement(Fixture.class.getName(), "timesOut", "GenTestTest.java", -1),
        error.getStackTrace()[0]);
    assertEquals("tearDown closed=false", fixture.events.get(fixture.events.size() - 1));
    assertTrue(fixture.closed.get(0).isDone());
  }

  @Test
  void invalidGenTestMethodsFailNamingTheMethod() {
    String prefix = "@GenTest method " + Fixture.class.getName() + ".";
    assertEquals(prefix + "notAFuture() must return an io.vertx.core.Future, not void",
        assertRunFails(AssertionError.class, new Fixture(), "notAFuture").getMessage());
    assertEquals(prefix + "takesParameters(String) must take no parameters",
        assertRunFails(AssertionError.class, new Fixture(), "takesParameters").getMessage());
    assertEquals(prefix + "isStatic() must not be static",
        assertRunFails(AssertionError.class, new Fixture(), "isStatic").getMessage());
    assertEquals(prefix + "returnsNull() returned null instead of a Future",
        assertRunFails(AssertionError.class, new Fixture(), "returnsNull").getMessage());
  }

  @Test
  void unexpectedWarningFailsTheGenTest() {
    Fixture fixture = new Fixture();
    AssertionError error = assertRunFails(AssertionError.class, fixture, "logsUnexpectedWarning");
    assertTrue(error.getMessage().startsWith("1 unexpected WARN/ERROR log record"), error.getMessage());
    assertTrue(error.getMessage().contains("unexpected in a gen test"), error.getMessage());
    assertTrue(fixture.closed.get(0).isDone());
  }

  @Test
  void expectedOrAllowedWarningsPass() throws Throwable {
    run(new Fixture(), "logsExpectedWarning");
    run(new Fixture(), "logsAllowedWarning");
  }

  @Test
  void logCheckFollowsTheConfigurationParameter() throws Throwable {
    Fixture fixture = new Fixture();
    Function<String, Optional<String>> config =
        key -> key.equals(LogCheckExtension.FAIL_ON_LOG_WARNINGS) ? Optional.of("false") : Optional.empty();
    fixture.configLookup = config;
    run(fixture, "logsUnexpectedWarning");
  }

  @Test
  void testFailureComesFirstWithTheLogFailureSuppressed() {
    AssertionError error = assertRunFails(AssertionError.class, new Fixture(), "failsAndLogs");
    assertEquals("the test's own failure", error.getMessage());
    assertEquals(1, error.getSuppressed().length);
    assertTrue(error.getSuppressed()[0].getMessage().contains("logged by a failing gen test"));
  }

  @Test
  void disabledGenTestIsAbortedWithoutRunning() {
    Fixture fixture = new Fixture();
    TestAbortedException aborted = assertRunFails(TestAbortedException.class, fixture, "disabled");
    assertTrue(aborted.getMessage().contains("not today"), aborted.getMessage());
    assertEquals(List.of(), fixture.events);
  }

  /** Gen tests run by JUnit itself, under genTests(). */
  @Nested
  class RealGenTests extends AsyncTestCase {
    private IOLoop loopOfSetUp;

    @Override
    protected void setUpResources() throws Exception {
      super.setUpResources();
      loopOfSetUp = ioLoop();
    }

    @GenTest
    Future<Void> runsOnTheLoopMadeForIt() {
      if (!ioLoop().inLoop() || IOLoop.current() != ioLoop() || loopOfSetUp != ioLoop()) {
        return Future.failedFuture(new AssertionError("not on the test's loop"));
      }
      return Future.succeededFuture();
    }

    @GenTest(timeout = 10)
    Future<Void> waitsForTheFuture() {
      long start = System.nanoTime();
      return ioLoop().vertx().timer(50).map(v -> {
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        return null;
      });
    }

    @GenTest
    Future<Void> expectsALogOnTheLoop() {
      ExpectLog expected = new ExpectLog("jornado.application", "Exception in callback");
      Promise<Void> done = Promise.promise();
      ioLoop().addCallback(() -> {
        throw new IllegalStateException("a failing callback");
      });
      ioLoop().addCallback(() -> {
        try {
          expected.close();
          assertTrue(expected.loggedStack());
          done.complete();
        } catch (Throwable t) {
          done.fail(t);
        }
      });
      return done.future();
    }

    @Test
    void plainTestsStillWork() {
      assertSame(ioLoop(), IOLoop.current());
      assertInstanceOf(IOLoop.class, loopOfSetUp);
    }
  }
}
