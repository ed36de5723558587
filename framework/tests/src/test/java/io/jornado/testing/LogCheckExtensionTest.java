package io.jornado.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.log.Log;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drives the extension's callbacks with a stand-in {@link ExtensionContext}, as JUnit calls them
 * around a test (junit-platform-testkit is not on this module's classpath). The class also runs under
 * the real extension: the checks made here happen in nested scopes, so they do not leak into it.
 */
@ExtendWith(LogCheckExtension.class)
class LogCheckExtensionTest {
  private final LogCheckExtension extension = new LogCheckExtension();

  // --- Test classes and methods whose annotations the extension reads. ---

  static class PlainTests {
    void plain() {}

    @AllowLogWarnings
    void allowed() {}
  }

  @AllowLogWarnings
  static class AllowedTests {
    void plain() {}
  }

  static class InheritsAllowed extends AllowedTests {}

  @AllowLogWarnings
  static class Outer {
    class Inner {
      void plain() {}
    }
  }

  /** A stand-in for JUnit's context of one test. */
  private static ExtensionContext context(Class<?> testClass, String methodName, Map<String, String> config)
      throws NoSuchMethodException {
    Method method = null;
    for (Class<?> c = testClass; method == null && c != null; c = c.getSuperclass()) {
      try {
        method = c.getDeclaredMethod(methodName);
      } catch (NoSuchMethodException e) {
        // look in the superclass
      }
    }
    if (method == null) {
      throw new NoSuchMethodException(methodName);
    }
    Method testMethod = method;
    Map<Object, Object> store = new HashMap<>();
    ExtensionContext.Store storeProxy = (ExtensionContext.Store) Proxy.newProxyInstance(
        LogCheckExtensionTest.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.Store.class},
        (proxy, m, args) -> {
          switch (m.getName()) {
            case "put":
              store.put(args[0], args[1]);
              return null;
            case "get":
              return args.length == 2 ? ((Class<?>) args[1]).cast(store.get(args[0])) : store.get(args[0]);
            case "remove":
              Object removed = store.remove(args[0]);
              return args.length == 2 ? ((Class<?>) args[1]).cast(removed) : removed;
            default:
              throw new UnsupportedOperationException(m.getName());
          }
        });
    return (ExtensionContext) Proxy.newProxyInstance(
        LogCheckExtensionTest.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class},
        (proxy, m, args) -> {
          switch (m.getName()) {
            case "getStore":
              return storeProxy;
            case "getTestClass":
              return Optional.of(testClass);
            case "getRequiredTestClass":
              return testClass;
            case "getTestMethod":
              return Optional.of(testMethod);
            case "getRequiredTestMethod":
              return testMethod;
            case "getTestInstance":
              return Optional.empty();
            case "getConfigurationParameter":
              return args.length == 1 ? Optional.ofNullable(config.get((String) args[0])) : Optional.empty();
            case "toString":
              return "context of " + testMethod;
            default:
              throw new UnsupportedOperationException(m.getName());
          }
        });
  }

  private static ExtensionContext context(Class<?> testClass, String methodName) throws NoSuchMethodException {
    return context(testClass, methodName, Map.of());
  }

  @Test
  void unexpectedWarningFailsAfterTheTestListingIt() throws Exception {
    ExtensionContext context = context(PlainTests.class, "plain");
    extension.beforeEach(context);
    Log.GENERAL.warn("Malformed HTTP request from {}", "127.0.0.1");
    AssertionError error = assertThrows(AssertionError.class, () -> extension.afterEach(context));
    String message = error.getMessage();
    assertTrue(message.startsWith("1 unexpected WARN/ERROR log record (expect with ExpectLog"), message);
    assertTrue(message.contains("\n  WARN jornado.general [" + Thread.currentThread().getName()
        + "]: Malformed HTTP request from 127.0.0.1"), message);
  }

  @Test
  void errorsAreListedWithTheirThrowable() throws Exception {
    ExtensionContext context = context(PlainTests.class, "plain");
    extension.beforeEach(context);
    RuntimeException root = new RuntimeException("root");
    IllegalStateException boom = new IllegalStateException("boom", root);
    root.setStackTrace(new StackTraceElement[0]); // keeps the console short
    boom.setStackTrace(new StackTraceElement[0]);
    Log.APPLICATION.error("Uncaught exception", boom);
    Log.GENERAL.warn("second");
    String message = assertThrows(AssertionError.class, () -> extension.afterEach(context)).getMessage();
    assertTrue(message.startsWith("2 unexpected WARN/ERROR log records"), message);
    assertTrue(message.contains("ERROR jornado.application"), message);
    assertTrue(message.contains("java.lang.IllegalStateException: boom"), message);
    assertTrue(message.contains("Caused by: java.lang.RuntimeException: root"), message);
    assertTrue(message.contains("WARN jornado.general"), message);
  }

  @Test
  void recordsFromOtherThreadsCount() throws Exception {
    ExtensionContext context = context(PlainTests.class, "plain");
    Vertx vertx = Vertx.vertx();
    try {
      extension.beforeEach(context);
      CompletableFuture<Void> logged = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        Log.GENERAL.warn("from an event loop");
        logged.complete(null);
      });
      logged.get(5, TimeUnit.SECONDS);
      String message = assertThrows(AssertionError.class, () -> extension.afterEach(context)).getMessage();
      assertTrue(message.contains("[vert.x-eventloop-thread-"), message);
      assertTrue(message.contains("from an event loop"), message);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void expectedWarningsAndInfoDoNotFail() throws Exception {
    ExtensionContext context = context(PlainTests.class, "plain");
    extension.beforeEach(context);
    try (ExpectLog expected = new ExpectLog("jornado.general", "Malformed")) {
      Log.GENERAL.warn("Malformed HTTP request");
    }
    Log.ACCESS.info("200 GET / (127.0.0.1) 0.52ms");
    assertDoesNotThrow(() -> extension.afterEach(context));
  }

  @Test
  void recordsAfterTheTestAreNotCountedAgainstIt() throws Exception {
    ExtensionContext context = context(PlainTests.class, "plain");
    extension.beforeEach(context);
    assertDoesNotThrow(() -> extension.afterEach(context));
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      Log.GENERAL.warn("after the test");
      assertEquals(1, recorder.unexpected().size());
    }
  }

  @Test
  void nestedScopesKeepTheirOwnRecords() throws Exception {
    ExtensionContext outer = context(PlainTests.class, "plain");
    ExtensionContext inner = context(PlainTests.class, "plain");
    extension.beforeEach(outer);
    extension.beforeEach(inner);
    Log.GENERAL.warn("inner warning");
    assertThrows(AssertionError.class, () -> extension.afterEach(inner));
    assertDoesNotThrow(() -> extension.afterEach(outer));
  }

  @Test
  void allowLogWarningsOnTheMethod() throws Exception {
    assertAllowed(context(PlainTests.class, "allowed"));
  }

  @Test
  void allowLogWarningsOnTheClass() throws Exception {
    assertAllowed(context(AllowedTests.class, "plain"));
  }

  @Test
  void allowLogWarningsIsInherited() throws Exception {
    assertAllowed(context(InheritsAllowed.class, "plain") /* plain() is declared in AllowedTests */);
  }

  @Test
  void allowLogWarningsOnAnEnclosingClass() throws Exception {
    assertAllowed(context(Outer.Inner.class, "plain"));
  }

  @Test
  void configurationParameterFalseTurnsTheCheckOff() throws Exception {
    assertAllowed(context(PlainTests.class, "plain", Map.of(LogCheckExtension.FAIL_ON_LOG_WARNINGS, " FALSE ")));
  }

  @Test
  void configurationParameterTrueKeepsTheCheck() throws Exception {
    ExtensionContext context =
        context(PlainTests.class, "plain", Map.of(LogCheckExtension.FAIL_ON_LOG_WARNINGS, "true"));
    extension.beforeEach(context);
    Log.GENERAL.warn("checked");
    assertThrows(AssertionError.class, () -> extension.afterEach(context));
  }

  @Test
  void afterEachWithoutBeforeEachDoesNothing() throws Exception {
    assertDoesNotThrow(() -> extension.afterEach(context(PlainTests.class, "plain")));
  }

  private void assertAllowed(ExtensionContext context) throws Exception {
    try (LogRecorder recorder = LogRecorder.onRoot()) {
      extension.beforeEach(context);
      Log.GENERAL.warn("allowed warning");
      assertDoesNotThrow(() -> extension.afterEach(context));
      // Still printed: allowing only stops the failure.
      assertEquals(java.util.List.of("allowed warning"), recorder.printed());
    }
  }

  /** Under the real extension (registered on the enclosing class): an expected error passes. */
  @Nested
  class UnderTheRealExtension {
    @Test
    void expectedErrorDuringTheTestPasses() {
      try (ExpectLog expected = new ExpectLog("jornado.application", "Exception in callback")) {
        Log.APPLICATION.error("Exception in callback {}", "cb", new RuntimeException("boom"));
        assertTrue(expected.loggedStack());
      }
    }

    @Test
    @AllowLogWarnings
    void allowedWarningPasses() {
      Log.GENERAL.warn("an allowed warning, printed on purpose by LogCheckExtensionTest");
    }
  }
}
