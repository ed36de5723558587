package io.jornado.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a verb method: a request whose path does not end in {@code /} does not reach the method. GET
 * and HEAD get a 301 to the path plus {@code /} (query kept; a dot in the path makes no
 * difference), other methods get 404. Route the handler with a pattern such as {@code "/foo/?"}.
 *
 * <pre>{@code
 * @AddSlash
 * public void get() { ... }
 * }</pre>
 *
 * <p>Tornado: tornado.web.addslash.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AddSlash {}
