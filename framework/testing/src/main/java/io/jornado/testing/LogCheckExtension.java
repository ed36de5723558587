package io.jornado.testing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test that logged a WARN or ERROR record which no {@link ExpectLog} expected. Records are
 * collected from every thread (Vert.x event loops included) from before the test's
 * {@code @BeforeEach} methods until after its {@code @AfterEach} methods; the check runs after the
 * test, and the {@link AssertionError} lists the records. Unexpected records are still printed as
 * usual. {@link AsyncTestCase} registers this extension; other test classes can use
 * {@code @ExtendWith(LogCheckExtension.class)}.
 *
 * <p>Switched off by {@link AllowLogWarnings @AllowLogWarnings} on the test method or its class, or
 * for the whole run by the system property (or JUnit configuration parameter)
 * {@code jornado.testing.failOnLogWarnings=false}. Needs Logback as the SLF4J binding; with another
 * binding it checks nothing. Tests that log must not run in parallel in one JVM: records cannot be
 * told apart by test.
 *
 * <p>Tornado: (none; Tornado's own test runner, tornado/test/runtests.py, counts WARNING and ERROR
 * records with a LogCounter filter and fails the run when any was logged).
 */
public final class LogCheckExtension implements BeforeEachCallback, AfterEachCallback {
  /**
   * The system property or JUnit configuration parameter that turns the check off when
   * {@code false}.
   */
  public static final String FAIL_ON_LOG_WARNINGS = "jornado.testing.failOnLogWarnings";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LogCheckExtension.class);
  private static final String SCOPE_KEY = "scope";
  private static volatile boolean warnedNotLogback;

  /** Made by JUnit from {@code @ExtendWith(LogCheckExtension.class)}. */
  public LogCheckExtension() {}

  /**
   * Starts collecting log records for the test.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (!LogCapture.tryInstall()) {
      if (!warnedNotLogback) {
        warnedNotLogback = true;
        System.err.println("jornado-testing: SLF4J is not bound to Logback; unexpected log output"
            + " will not fail tests");
      }
      return;
    }
    context.getStore(NAMESPACE).put(SCOPE_KEY, LogCapture.begin());
    context.getTestInstance().ifPresent(instance -> {
      if (instance instanceof AsyncTestCase) {
        // The @GenTest dynamic tests run their own check and need the configuration parameters.
        ((AsyncTestCase) instance).configLookup = context::getConfigurationParameter;
      }
    });
  }

  /**
   * Stops collecting and fails the test if unexpected WARN or ERROR records were logged.
   *
   * @param context the test's context
   * @throws AssertionError listing the unexpected records
   */
  @Override
  public void afterEach(ExtensionContext context) {
    LogCapture.Scope scope = context.getStore(NAMESPACE).remove(SCOPE_KEY, LogCapture.Scope.class);
    if (scope == null) {
      return;
    }
    List<String> lines = LogCapture.end(scope);
    if (!lines.isEmpty()
        && failOnWarnings(context::getConfigurationParameter, context.getTestMethod(), context.getTestClass())) {
      throw unexpectedLogError(lines);
    }
  }

  /** Whether unexpected records fail this test: not switched off by property or annotation. */
  static boolean failOnWarnings(
      Function<String, Optional<String>> config, Optional<Method> method, Optional<Class<?>> testClass) {
    Optional<String> setting = config.apply(FAIL_ON_LOG_WARNINGS);
    if (setting.isPresent() && setting.get().trim().equalsIgnoreCase("false")) {
      return false;
    }
    if (method.isPresent() && allows(method.get())) {
      return false;
    }
    for (Class<?> c = testClass.orElse(null); c != null; c = c.getEnclosingClass()) {
      if (allows(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allows(AnnotatedElement element) {
    return AnnotationSupport.isAnnotated(element, AllowLogWarnings.class);
  }

  static AssertionError unexpectedLogError(List<String> lines) {
    StringBuilder message = new StringBuilder()
        .append(lines.size())
        .append(lines.size() == 1 ? " unexpected WARN/ERROR log record" : " unexpected WARN/ERROR log records")
        .append(" (expect with ExpectLog, or allow with @AllowLogWarnings or -D")
        .append(FAIL_ON_LOG_WARNINGS)
        .append("=false):");
    for (String line : lines) {
      message.append("\n  ").append(line);
    }
    return new AssertionError(message.toString());
  }
}
