package io.jornado.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns off {@link LogCheckExtension}'s check for the annotated test method, or for every test of the
 * annotated class (its subclasses and its {@code @Nested} classes included): WARN and ERROR records
 * that no {@link ExpectLog} matched are still printed, but no longer fail the test. The system
 * property (or JUnit configuration parameter) {@code jornado.testing.failOnLogWarnings=false} does
 * the same for the whole run.
 *
 * <p>Tornado: (none; Tornado's own test runner, tornado/test/runtests.py, fails the run when
 * warnings were logged, and offers no per-test switch).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface AllowLogWarnings {}
