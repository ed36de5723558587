package io.jornado.web;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One routing rule: a path regex, the handler that serves it, the arguments for the handler's
 * {@code initialize}, and an optional name for {@code reverseUrl}. Build with the static
 * {@code url(...)} methods: {@code url("/story/([0-9]+)", StoryHandler.class, Map.of("db", db), "story")}.
 *
 * <p>Patterns are Java regexes; Python's {@code (?P<name>...)} is accepted as written. A pattern
 * matches the whole raw (still %-encoded) path; groups are percent-decoded afterwards and passed to
 * the verb method in order (named groups too, which are also in {@code pathKwargs()}).
 *
 * <p>Tornado: tornado.web.URLSpec / tornado.web.url.
 */
public final class UrlSpec {
  final String pattern;
  final Class<? extends RequestHandler> handlerClass;
  final Supplier<? extends RequestHandler> factory;
  final Map<String, Object> kwargs;
  final String name;

  private UrlSpec(String pattern, Class<? extends RequestHandler> handlerClass,
      Supplier<? extends RequestHandler> factory, Map<String, ?> kwargs, String name) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.handlerClass = handlerClass;
    this.factory = factory;
    this.kwargs = kwargs == null ? Map.of() : Map.copyOf(kwargs);
    this.name = name;
  }

  /**
   * A rule for a handler class, made with its no-argument constructor per request.
   *
   * <p>Tornado: url(pattern, handler).
   *
   * @param pattern the path regex
   * @param handler the handler class
   * @return the rule
   */
  public static UrlSpec url(String pattern, Class<? extends RequestHandler> handler) {
    return url(pattern, handler, Map.of(), null);
  }

  /**
   * A rule whose handler's {@code initialize} receives {@code kwargs}.
   *
   * <p>Tornado: url(pattern, handler, kwargs).
   *
   * @param pattern the path regex
   * @param handler the handler class
   * @param kwargs arguments for initialize
   * @return the rule
   */
  public static UrlSpec url(String pattern, Class<? extends RequestHandler> handler, Map<String, ?> kwargs) {
    return url(pattern, handler, kwargs, null);
  }

  /**
   * A named rule, for {@code reverseUrl(name, args...)}.
   *
   * <p>Tornado: url(pattern, handler, kwargs, name).
   *
   * @param pattern the path regex
   * @param handler the handler class
   * @param kwargs arguments for initialize
   * @param name the rule's name, or null
   * @return the rule
   */
  public static UrlSpec url(String pattern, Class<? extends RequestHandler> handler, Map<String, ?> kwargs, String name) {
    return new UrlSpec(pattern, Objects.requireNonNull(handler, "handler"), null, kwargs, name);
  }

  /**
   * A rule whose handlers come from a supplier, one per request. The supplier is called once when
   * the application is built, to learn the handler's class and check its methods against the pattern.
   *
   * <p>Tornado: url(pattern, handler) (Java has no classes-as-callables; this is the counterpart).
   *
   * @param pattern the path regex
   * @param handler makes a new handler for each request
   * @return the rule
   */
  public static UrlSpec url(String pattern, Supplier<? extends RequestHandler> handler) {
    return url(pattern, handler, Map.of(), null);
  }

  /**
   * A supplier rule with initialize arguments and an optional name.
   *
   * <p>Tornado: url(pattern, handler, kwargs, name).
   *
   * @param pattern the path regex
   * @param handler makes a new handler for each request
   * @param kwargs arguments for initialize
   * @param name the rule's name, or null
   * @return the rule
   */
  public static UrlSpec url(String pattern, Supplier<? extends RequestHandler> handler, Map<String, ?> kwargs, String name) {
    return new UrlSpec(pattern, null, Objects.requireNonNull(handler, "handler"), kwargs, name);
  }

  /**
   * Tornado: URLSpec.regex.pattern.
   *
   * @return the pattern as given
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Tornado: URLSpec.name.
   *
   * @return the rule's name, or null
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "UrlSpec(" + pattern + ", " + (handlerClass != null ? handlerClass.getName() : "supplier")
        + (kwargs.isEmpty() ? "" : ", kwargs=" + kwargs) + (name != null ? ", name=" + name : "") + ")";
  }
}
