package io.jornado.testing;

import io.jornado.ioloop.IOLoop;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds and runs the {@link GenTest} methods of an {@link AsyncTestCase}. */
final class GenTestSupport {
  private GenTestSupport() {}

  static Stream<DynamicTest> dynamicTests(AsyncTestCase test) {
    return findGenTestMethods(test.getClass()).stream()
        .map(method -> DynamicTest.dynamicTest(
            method.getName(), methodUri(test.getClass(), method), () -> run(test, method)));
  }

  /**
   * The {@code @GenTest} methods of a class and its superclasses, sorted by name; a method overridden
   * in a subclass counts once, and only if the overriding method carries {@code @GenTest}.
   */
  static List<Method> findGenTestMethods(Class<?> testClass) {
    List<Method> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      Method[] declared = c.getDeclaredMethods();
      Arrays.sort(declared, Comparator.comparing(Method::toString));
      for (Method method : declared) {
        if (method.isBridge() || method.isSynthetic()) {
          continue;
        }
        boolean isPrivate = Modifier.isPrivate(method.getModifiers());
        String key = method.getName() + Arrays.toString(method.getParameterTypes());
        // A private method is never overridden; any other is hidden by a subclass's same signature.
        if (!isPrivate && !seen.add(key)) {
          continue;
        }
        if (AnnotationSupport.isAnnotated(method, GenTest.class)) {
          found.add(method);
        }
      }
    }
    found.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> Arrays.toString(m.getParameterTypes()))
        .thenComparing(m -> m.getDeclaringClass().getName()));
    return found;
  }

  private static URI methodUri(Class<?> testClass, Method method) {
    String parameters = Arrays.stream(method.getParameterTypes())
        .map(Class::getName)
        .collect(Collectors.joining(","));
    Class<?> owner = Modifier.isPrivate(method.getModifiers()) ? method.getDeclaringClass() : testClass;
    return URI.create("method:" + owner.getName() + "#" + method.getName() + "(" + parameters + ")");
  }

  static String describe(Method method) {
    String parameters = Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", "));
    return method.getDeclaringClass().getName() + "." + method.getName() + "(" + parameters + ")";
  }

  private static String sourceFile(Class<?> type) {
    Class<?> topLevel = type;
    while (topLevel.getEnclosingClass() != null) {
      topLevel = topLevel.getEnclosingClass();
    }
    return topLevel.getSimpleName() + ".java";
  }

  /** Why a method cannot be a @GenTest, or null when it can. */
  static String invalidReason(Method method) {
    if (Modifier.isStatic(method.getModifiers())) {
      return "@GenTest method " + describe(method) + " must not be static";
    }
    if (method.getParameterCount() != 0) {
      return "@GenTest method " + describe(method) + " must take no parameters";
    }
    if (!Future.class.isAssignableFrom(method.getReturnType())) {
      return "@GenTest method " + describe(method) + " must return an io.vertx.core.Future, not "
          + method.getReturnType().getName();
    }
    return null;
  }

  static Duration timeout(Method method) {
    double seconds = method.getAnnotation(GenTest.class) == null
        ? -1
        : method.getAnnotation(GenTest.class).timeout();
    if (seconds < 0 || Double.isNaN(seconds)) {
      return AsyncTestCase.ASYNC_TEST_TIMEOUT;
    }
    return AsyncTestCase.seconds(seconds);
  }

  /** One @GenTest: log scope, set-up, the call on the loop, tear-down, log check. */
  static void run(AsyncTestCase test, Method method) throws Throwable {
    String invalid = invalidReason(method);
    if (invalid != null) {
      throw new AssertionError(invalid);
    }
    Disabled disabled = method.getAnnotation(Disabled.class);
    if (disabled != null) {
      Assumptions.abort(disabled.value().isEmpty()
          ? describe(method) + " is @Disabled"
          : disabled.value());
    }
    LogCapture.Scope scope = LogCapture.tryInstall() ? LogCapture.begin() : null;
    Throwable failure = null;
    try {
      test.setUpLoopAndResources();
      callOnLoop(test, method, timeout(method));
    } catch (Throwable t) {
      failure = t;
    } finally {
      try {
        test.tearDownLoopAndResources();
      } catch (Throwable t) {
        failure = AsyncTestCase.addFailure(failure, t);
      }
      if (scope != null) {
        List<String> lines = LogCapture.end(scope);
        if (!lines.isEmpty() && test.failOnLogWarnings(method)) {
          failure = AsyncTestCase.addFailure(failure, LogCheckExtension.unexpectedLogError(lines));
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void callOnLoop(AsyncTestCase test, Method method, Duration timeout) throws Throwable {
    method.setAccessible(true);
    IOLoop loop = test.ioLoop();
    CompletableFuture<Object> result = new CompletableFuture<>();
    loop.context().runOnContext(v -> {
      try {
        Future<?> future = (Future<?>) method.invoke(test);
        if (future == null) {
          result.completeExceptionally(new AssertionError(
              "@GenTest method " + describe(method) + " returned null instead of a Future"));
        } else {
          future.onComplete(result::complete, result::completeExceptionally);
        }
      } catch (InvocationTargetException e) {
        result.completeExceptionally(e.getCause());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    try {
      result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Tornado's message, from IOLoop.run_sync. Tornado throws it into the test's coroutine so that
      // the traceback names the test; here a first stack frame names the test method.
      TimeoutError error = TimeoutError.operationTimedOut(timeout);
      StackTraceElement[] stack = error.getStackTrace();
      StackTraceElement[] withMethod = new StackTraceElement[stack.length + 1];
      withMethod[0] = new StackTraceElement(
          method.getDeclaringClass().getName(), method.getName(), sourceFile(method.getDeclaringClass()), -1);
      System.arraycopy(stack, 0, withMethod, 1, stack.length);
      error.setStackTrace(withMethod);
      throw error;
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
