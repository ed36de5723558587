package io.jornado.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The HTTP methods a handler class accepts; others get 405 before {@code prepare()}. Without it a
 * handler accepts GET, HEAD, POST, DELETE, PATCH, PUT and OPTIONS. A method named here is served by
 * the handler's public method of the same name in lower case ({@code PROPFIND} -> {@code propfind}).
 *
 * <p>Tornado: RequestHandler.SUPPORTED_METHODS.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SupportedMethods {
  /**
   * Tornado: SUPPORTED_METHODS.
   *
   * @return the method names, upper case
   */
  String[] value();
}
