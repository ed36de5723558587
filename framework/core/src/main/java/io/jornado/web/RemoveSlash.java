package io.jornado.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a verb method: a request whose path ends in {@code /} does not reach the method. GET and HEAD
 * get a 301 to the path with every trailing slash removed (query kept; {@code /} itself is served
 * as it is), other methods get 404. Route the handler with a pattern such as {@code "/foo/*"}.
 *
 * <pre>{@code
 * @RemoveSlash
 * public void get() { ... }
 * }</pre>
 *
 * <p>Tornado: tornado.web.removeslash.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RemoveSlash {}
