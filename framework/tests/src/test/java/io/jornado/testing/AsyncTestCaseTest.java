package io.jornado.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class AsyncTestCaseTest extends AsyncTestCase {
  private static IOLoop previousTestLoop;
  private IOLoop currentDuringSetUp;

  @Override
  protected void setUpResources() throws Exception {
    super.setUpResources();
    currentDuringSetUp = IOLoop.current();
  }

  @RepeatedTest(3)
  void eachTestGetsAFreshLoopMadeCurrent() {
    assertSame(ioLoop(), currentDuringSetUp, "current during setUpResources");
    assertSame(ioLoop(), IOLoop.current(), "current in the test");
    assertNotSame(previousTestLoop, ioLoop(), "a new loop per test");
    previousTestLoop = ioLoop();
  }

  @Test
  void awaitReturnsTheResult() {
    assertEquals("done", await(ioLoop().vertx().timer(10).map(v -> "done")));
  }

  @Test
  void awaitThrowsTheFailureItself() {
    IOException failure = new IOException("refused by 127.0.0.1");
    assertSame(failure, assertThrows(IOException.class, () -> await(Future.failedFuture(failure))));
    AssertionError assertion = new AssertionError("from the loop");
    assertSame(assertion, assertThrows(AssertionError.class, () -> await(Future.failedFuture(assertion))));
  }

  @Test
  void awaitTimesOutWithTornadosMessage() {
    TimeoutError error = assertThrows(TimeoutError.class,
        () -> await(Promise.promise().future(), Duration.ofMillis(100)));
    assertEquals("Operation timed out after 0.1 seconds", error.getMessage());
  }

  @Test
  void awaitRefusesToBlockAnEventLoop() throws Exception {
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    ioLoop().addCallback(() -> {
      try {
        await(Future.succeededFuture());
        thrown.complete(null);
      } catch (Throwable t) {
        thrown.complete(t);
      }
    });
    assertInstanceOf(IllegalStateException.class, thrown.get(5, TimeUnit.SECONDS));
  }

  @Test
  void timeoutComesFromPropertyThenEnvironmentThenFiveSeconds() {
    assertEquals(Duration.ofMillis(2500), parseTimeout("2.5", "7"));
    assertEquals(Duration.ofSeconds(7), parseTimeout(null, "7"));
    assertEquals(Duration.ofSeconds(7), parseTimeout("not a number", "7"));
    assertEquals(Duration.ofSeconds(5), parseTimeout(null, null));
    assertEquals(Duration.ofSeconds(5), parseTimeout("-1", "zero"));
    assertEquals(getAsyncTestTimeout(), ASYNC_TEST_TIMEOUT);
    assertEquals("Operation timed out after 5 seconds",
        io.jornado.util.TimeoutError.operationTimedOut(Duration.ofSeconds(5)).getMessage());
    assertEquals("Operation timed out after 0.25 seconds",
        io.jornado.util.TimeoutError.operationTimedOut(Duration.ofMillis(250)).getMessage());
  }

  @Test
  void genTestsOfAClassWithoutGenTestMethodsIsEmpty() {
    assertEquals(0, genTests().count());
  }

  // --- The lifecycle, driven by hand on a fixture. ---

  @Disabled("a fixture, driven by AsyncTestCaseTest")
  static class Lifecycle extends AsyncTestCase {
    final List<String> events = new ArrayList<>();
    CompletableFuture<Void> closed;
    Exception failSetUp;
    Exception failTearDown;

    @Override
    protected IOLoop getNewIOLoop() {
      events.add("getNewIOLoop");
      return super.getNewIOLoop();
    }

    @Override
    protected void setUpResources() throws Exception {
      super.setUpResources();
      events.add("setUpResources current=" + (IOLoop.current() == ioLoop()));
      closed = await(CloseProbe.deploy(ioLoop().vertx()));
      if (failSetUp != null) {
        throw failSetUp;
      }
    }

    @Override
    protected void tearDownResources() throws Exception {
      events.add("tearDownResources closed=" + closed.isDone());
      super.tearDownResources();
      if (failTearDown != null) {
        throw failTearDown;
      }
    }
  }

  private static TestInfo testInfo(Method method) {
    return new TestInfo() {
      @Override
      public String getDisplayName() {
        return method.getName() + "()";
      }

      @Override
      public Set<String> getTags() {
        return Set.of();
      }

      @Override
      public Optional<Class<?>> getTestClass() {
        return Optional.of(Lifecycle.class);
      }

      @Override
      public Optional<Method> getTestMethod() {
        return Optional.of(method);
      }
    };
  }

  /** The lifecycle methods change this thread's current loop; put this test's loop back. */
  private void restoreCurrent() {
    ioLoop().makeCurrent();
  }

  @Test
  void setUpThenTearDownInOrderClosingTheLoop() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    try {
      lifecycle.setUpAsyncTestCase(testInfo(AsyncTestCaseTest.class.getDeclaredMethod("awaitReturnsTheResult")));
      IOLoop loop = lifecycle.ioLoop();
      assertSame(loop, IOLoop.current());
      assertFalse(lifecycle.closed.isDone());
      lifecycle.tearDownAsyncTestCase(testInfo(AsyncTestCaseTest.class.getDeclaredMethod("awaitReturnsTheResult")));
      assertEquals(List.of("getNewIOLoop", "setUpResources current=true", "tearDownResources closed=false"),
          lifecycle.events);
      assertTrue(lifecycle.closed.isDone(), "the loop's Vert.x was closed and waited for");
      assertThrows(IllegalStateException.class, lifecycle::ioLoop);
    } finally {
      restoreCurrent();
    }
  }

  @Test
  void genTestsFactoryIsNotSetUpAsATest() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    TestInfo factory = testInfo(AsyncTestCase.class.getMethod("genTests"));
    lifecycle.setUpAsyncTestCase(factory);
    lifecycle.tearDownAsyncTestCase(factory);
    assertEquals(List.of(), lifecycle.events);
    assertSame(ioLoop(), IOLoop.current());
  }

  @Test
  void failedSetUpSkipsTearDownResourcesButClosesTheLoop() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.failSetUp = new IOException("set-up failed");
    try {
      assertSame(lifecycle.failSetUp, assertThrows(IOException.class, lifecycle::setUpLoopAndResources));
      lifecycle.tearDownLoopAndResources();
      assertEquals(List.of("getNewIOLoop", "setUpResources current=true"), lifecycle.events);
      assertTrue(lifecycle.closed.isDone());
    } finally {
      restoreCurrent();
    }
  }

  @Test
  void failedTearDownResourcesStillClosesTheLoop() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.failTearDown = new IOException("tear-down failed");
    try {
      lifecycle.setUpLoopAndResources();
      assertSame(lifecycle.failTearDown, assertThrows(IOException.class, lifecycle::tearDownLoopAndResources));
      assertTrue(lifecycle.closed.isDone());
      assertThrows(IllegalStateException.class, lifecycle::ioLoop);
    } finally {
      restoreCurrent();
    }
  }

  @Test
  void loopCanComeFromAnOverride() throws Exception {
    IOLoop shared = IOLoop.create(ioLoop().vertx());
    Lifecycle lifecycle = new Lifecycle() {
      @Override
      protected IOLoop getNewIOLoop() {
        return shared;
      }
    };
    try {
      lifecycle.setUpLoopAndResources();
      assertSame(shared, lifecycle.ioLoop());
      lifecycle.tearDownLoopAndResources();
      // IOLoop.create(vertx) does not own the Vert.x instance, so closing the loop leaves it running.
      assertFalse(lifecycle.closed.isDone());
      assertEquals("still running", await(ioLoop().vertx().timer(1).map(v -> "still running")));
    } finally {
      restoreCurrent();
    }
  }
}
