/**
 * Test support for Jornado applications, on JUnit 5: {@link io.jornado.testing.AsyncTestCase} (a
 * fresh {@link io.jornado.ioloop.IOLoop} per test), {@link io.jornado.testing.GenTest @GenTest}
 * (test methods that return a future), {@link io.jornado.testing.ExpectLog} (expected log output,
 * kept off the console) and {@link io.jornado.testing.LogCheckExtension} (unexpected WARN/ERROR log
 * output fails the test).
 *
 * <p>Tornado: tornado.testing.
 */
package io.jornado.testing;
