package io.jornado.testing;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.JornadoException;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base class for tests of asynchronous code: each test gets a fresh {@link IOLoop}, made current on
 * the test thread, and closed after the test.
 *
 * <p>Lifecycle of each test: {@link LogCheckExtension} starts collecting log records; then
 * {@link #getNewIOLoop()}, {@link IOLoop#makeCurrent()} and {@link #setUpResources()}; the test;
 * {@link #tearDownResources()} (only if {@code setUpResources()} completed), closing the loop (waited
 * for, up to {@link #ASYNC_TEST_TIMEOUT}) and {@link IOLoop#clearCurrent()}; finally the test fails
 * if a WARN or ERROR record was logged that no {@link ExpectLog} expected. Subclasses override
 * {@code setUpResources}/{@code tearDownResources} (calling {@code super}) rather than adding JUnit
 * {@code @BeforeEach}/{@code @AfterEach} methods, so that {@link GenTest @GenTest} methods get them
 * too.
 *
 * <p>Test methods are plain JUnit {@code @Test} methods that block on futures with {@link
 * #await(Future)}, or {@link GenTest @GenTest} methods that return a future and run on the loop.
 * {@code @GenTest} methods are run by {@link #genTests()}, so reports list them under
 * {@code genTests()}.
 *
 * <p>Tornado: tornado.testing.AsyncTestCase.
 */
@ExtendWith(LogCheckExtension.class)
public abstract class AsyncTestCase {
  /**
   * The system property that sets {@link #ASYNC_TEST_TIMEOUT} in seconds (before the environment
   * variable {@code ASYNC_TEST_TIMEOUT}).
   */
  public static final String TIMEOUT_PROPERTY = "jornado.test.timeout";

  /**
   * The default timeout of {@link #await(Future)} and {@link GenTest @GenTest}: the system property
   * {@code jornado.test.timeout}, else the environment variable {@code ASYNC_TEST_TIMEOUT}, in seconds
   * (a decimal number), else 5 seconds. Read once, when this class is loaded.
   *
   * <p>Tornado: tornado.testing.get_async_test_timeout() (the ASYNC_TEST_TIMEOUT variable).
   */
  public static final Duration ASYNC_TEST_TIMEOUT = getAsyncTestTimeout();

  private static final String GEN_TESTS = "genTests";

  private IOLoop ioLoop;
  private boolean resourcesSetUp;
  /** The running test's JUnit configuration parameters; set by {@link LogCheckExtension}. */
  volatile Function<String, Optional<String>> configLookup;

  /** For subclasses. */
  protected AsyncTestCase() {}

  /**
   * Reads the async test timeout now: the system property {@code jornado.test.timeout}, else the
   * environment variable {@code ASYNC_TEST_TIMEOUT}, in seconds, else 5 seconds. Values that are not
   * positive numbers are ignored.
   *
   * <p>Tornado: tornado.testing.get_async_test_timeout.
   *
   * @return the timeout
   */
  public static Duration getAsyncTestTimeout() {
    return parseTimeout(System.getProperty(TIMEOUT_PROPERTY), System.getenv("ASYNC_TEST_TIMEOUT"));
  }

  static Duration parseTimeout(String property, String environment) {
    for (String value : new String[] {property, environment}) {
      if (value != null) {
        try {
          double seconds = Double.parseDouble(value.trim());
          if (seconds > 0 && !Double.isInfinite(seconds)) {
            return seconds(seconds);
          }
        } catch (NumberFormatException ignored) {
          // As Tornado: a value that is not a number is ignored.
        }
      }
    }
    return Duration.ofSeconds(5);
  }

  static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /**
   * Makes the loop for one test. The default is a new loop with a Vert.x instance of its own; override
   * to share a Vert.x instance between tests ({@code IOLoop.create(vertx)}, whose close leaves the
   * Vert.x instance running).
   *
   * <p>Tornado: AsyncTestCase.get_new_ioloop.
   *
   * @return a new loop
   */
  protected IOLoop getNewIOLoop() {
    return IOLoop.create();
  }

  /**
   * The running test's loop.
   *
   * <p>Tornado: AsyncTestCase.io_loop.
   *
   * @return the loop
   * @throws IllegalStateException outside a test (before set-up or after tear-down)
   */
  protected IOLoop ioLoop() {
    IOLoop loop = ioLoop;
    if (loop == null) {
      throw new IllegalStateException("No IOLoop: ioLoop() is only available while a test runs"
          + " (from setUpResources() to tearDownResources())");
    }
    return loop;
  }

  /**
   * Sets up what the tests need, after the loop is made and current; empty by default. Overrides call
   * {@code super.setUpResources()} first.
   *
   * <p>Tornado: AsyncTestCase.setUp (the part after the loop is made).
   *
   * @throws Exception to fail the test
   */
  protected void setUpResources() throws Exception {}

  /**
   * Releases what {@link #setUpResources()} made, before the loop is closed; empty by default. Not
   * called when {@code setUpResources()} failed. Overrides call {@code super.tearDownResources()} last.
   *
   * <p>Tornado: AsyncTestCase.tearDown (the part before the loop is closed).
   *
   * @throws Exception to fail the test
   */
  protected void tearDownResources() throws Exception {}

  /**
   * JUnit's set-up for each {@code @Test}: {@link #setUpLoopAndResources()}. Skipped for
   * {@link #genTests()}, whose dynamic tests set up one by one.
   *
   * <p>Tornado: AsyncTestCase.setUp.
   *
   * @param testInfo the test JUnit is about to run
   * @throws Exception from {@link #setUpResources()}
   */
  @BeforeEach
  public final void setUpAsyncTestCase(TestInfo testInfo) throws Exception {
    if (!isGenTestsFactory(testInfo)) {
      setUpLoopAndResources();
    }
  }

  /**
   * JUnit's tear-down for each {@code @Test}: {@link #tearDownLoopAndResources()}. Skipped for
   * {@link #genTests()}.
   *
   * <p>Tornado: AsyncTestCase.tearDown.
   *
   * @param testInfo the test JUnit ran
   * @throws Exception from {@link #tearDownResources()}
   */
  @AfterEach
  public final void tearDownAsyncTestCase(TestInfo testInfo) throws Exception {
    if (!isGenTestsFactory(testInfo)) {
      tearDownLoopAndResources();
    }
  }

  private static boolean isGenTestsFactory(TestInfo testInfo) {
    return testInfo.getTestMethod()
        .filter(m -> m.getName().equals(GEN_TESTS) && m.getDeclaringClass() == AsyncTestCase.class)
        .isPresent();
  }

  /**
   * Makes a new loop with {@link #getNewIOLoop()}, makes it current on this thread, then calls
   * {@link #setUpResources()}.
   *
   * @throws Exception from {@link #setUpResources()}
   */
  final void setUpLoopAndResources() throws Exception {
    if (ioLoop != null) {
      throw new IllegalStateException("The previous test's IOLoop was not torn down");
    }
    IOLoop loop = Objects.requireNonNull(getNewIOLoop(), "getNewIOLoop() returned null");
    ioLoop = loop;
    loop.makeCurrent();
    setUpResources();
    resourcesSetUp = true;
  }

  /**
   * Calls {@link #tearDownResources()} (if set-up completed), closes the loop and waits for it, and
   * clears the current loop of this thread, even when an earlier step failed.
   *
   * @throws Exception the first failure
   */
  final void tearDownLoopAndResources() throws Exception {
    IOLoop loop = ioLoop;
    Throwable failure = null;
    try {
      if (resourcesSetUp) {
        resourcesSetUp = false;
        tearDownResources();
      }
    } catch (Throwable t) {
      failure = t;
    }
    try {
      if (loop != null) {
        Duration timeout = ASYNC_TEST_TIMEOUT;
        try {
          waitFor(loop.close(), timeout);
        } catch (TimeoutException e) {
          throw new TimeoutError("IOLoop.close() did not complete: "
              + TimeoutError.operationTimedOut(timeout).getMessage());
        }
      }
    } catch (Throwable t) {
      failure = addFailure(failure, t);
    } finally {
      ioLoop = null;
      IOLoop.clearCurrent();
    }
    if (failure != null) {
      throw AsyncTestCase.<Exception>sneaky(failure);
    }
  }

  /**
   * Blocks the test thread until a future completes, for up to {@link #ASYNC_TEST_TIMEOUT}.
   *
   * <p>Tornado: (none; the counterpart of {@code self.io_loop.run_sync(lambda: future)}, or of
   * {@code yield} in a gen_test).
   *
   * @param future what to wait for
   * @param <T> its result type
   * @return its result
   * @throws TimeoutError "Operation timed out after N seconds"
   * @throws IllegalStateException on a Vert.x thread, which must not block
   */
  protected <T> T await(Future<T> future) {
    return await(future, ASYNC_TEST_TIMEOUT);
  }

  /**
   * Blocks the test thread until a future completes. A failed future's cause is thrown as it is
   * (checked exceptions included), so assertions made on the loop fail the test as usual.
   *
   * <p>Tornado: (none; see {@link #await(Future)}).
   *
   * @param future what to wait for
   * @param timeout how long to wait
   * @param <T> its result type
   * @return its result
   * @throws TimeoutError "Operation timed out after N seconds"
   * @throws IllegalStateException on a Vert.x thread, which must not block
   */
  protected <T> T await(Future<T> future, Duration timeout) {
    Objects.requireNonNull(future, "future");
    Objects.requireNonNull(timeout, "timeout");
    if (Vertx.currentContext() != null) {
      throw new IllegalStateException("await() blocks, so it cannot run on a Vert.x thread;"
          + " call it from the test method, or compose the futures instead");
    }
    try {
      return waitFor(future, timeout);
    } catch (TimeoutException e) {
      throw TimeoutError.operationTimedOut(timeout);
    } catch (Throwable t) {
      throw AsyncTestCase.<RuntimeException>sneaky(t);
    }
  }

  static <T> T waitFor(Future<T> future, Duration timeout) throws Throwable {
    CompletableFuture<T> result = new CompletableFuture<>();
    future.onComplete(result::complete, result::completeExceptionally);
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JornadoException("Interrupted while waiting for a future", e);
    }
  }

  /**
   * Runs this class's {@link GenTest @GenTest} methods, one dynamic test each, named after the method
   * and sorted by name (inherited methods included). Each gets its own loop, set-up, tear-down and
   * log check, as a {@code @Test} method does; each method is called on the loop, and its future must
   * succeed within the method's timeout. Produces nothing for a class without {@code @GenTest}
   * methods.
   *
   * <p>Tornado: (none; JUnit runs only {@code void} test methods, so this factory runs the methods
   * that tornado.testing.gen_test decorates).
   *
   * @return one dynamic test per {@code @GenTest} method
   */
  @TestFactory
  public final Stream<DynamicTest> genTests() {
    return GenTestSupport.dynamicTests(this);
  }

  /** Whether unexpected log records fail a @GenTest method. */
  final boolean failOnLogWarnings(Method method) {
    Function<String, Optional<String>> config = configLookup;
    if (config == null) {
      config = key -> Optional.ofNullable(System.getProperty(key));
    }
    return LogCheckExtension.failOnWarnings(config, Optional.of(method), Optional.of(getClass()));
  }

  static Throwable addFailure(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
