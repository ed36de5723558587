package io.jornado.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link AsyncTestCase} as an asynchronous test: a no-argument method that
 * returns an {@link io.vertx.core.Future}, called on the test's {@link io.jornado.ioloop.IOLoop}, whose
 * future must succeed within the timeout. A failed future fails the test with the future's cause (an
 * {@link AssertionError} from code running on the loop included); a future still pending when the
 * timeout passes fails it with {@code TimeoutError: Operation timed out after <n> seconds}.
 *
 * <pre>{@code
 * class ClientTest extends AsyncHttpTestCase {
 *   @GenTest(timeout = 10)
 *   Future<Void> fetchesTheHomePage() {
 *     return httpClient().fetch(getUrl("/")).map(response -> {
 *       assertEquals(200, response.code());
 *       return null;
 *     });
 *   }
 * }
 * }</pre>
 *
 * <p>JUnit Jupiter only runs {@code void} {@code @Test} methods, so {@code @GenTest} methods are run
 * by {@link AsyncTestCase#genTests()}, a {@code @TestFactory} that yields one dynamic test per
 * {@code @GenTest} method (the class's own and inherited ones, sorted by name). Test reports and IDEs
 * therefore list them under {@code genTests()}, each named after its method. Each one gets a fresh
 * loop with {@link AsyncTestCase#setUpResources()} before it and
 * {@link AsyncTestCase#tearDownResources()} after it, and the unexpected-log check of
 * {@link LogCheckExtension}, as a {@code @Test} method does; JUnit's own {@code @BeforeEach} and
 * {@code @AfterEach} methods run once around the whole {@code genTests()} group, and all
 * {@code @GenTest} methods of a class run on one instance of it. A {@code @GenTest} method that takes
 * parameters, is static, or does not return a {@code Future} fails with a message that names it.
 * {@link org.junit.jupiter.api.Disabled @Disabled} and {@link AllowLogWarnings @AllowLogWarnings}
 * are honoured on {@code @GenTest} methods. The annotation has no effect outside an
 * {@code AsyncTestCase}.
 *
 * <p>Tornado: tornado.testing.gen_test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GenTest {
  /**
   * How long the returned future may take, in seconds; a negative value (the default) means
   * {@link AsyncTestCase#ASYNC_TEST_TIMEOUT}.
   *
   * <p>Tornado: the {@code timeout} argument of gen_test.
   *
   * @return the timeout in seconds, or a negative value for the default
   */
  double timeout() default -1;
}
