package io.jornado.web;

import java.util.Map;
import java.util.function.Supplier;

/** A compiled rule: pattern, handler type and how to make a handler. */
final class Route {
  final PathPattern pattern;
  final HandlerType type;
  final Supplier<? extends RequestHandler> factory;
  final Map<String, Object> kwargs;
  final String name;

  Route(PathPattern pattern, HandlerType type, Supplier<? extends RequestHandler> factory, Map<String, Object> kwargs, String name) {
    this.pattern = pattern;
    this.type = type;
    this.factory = factory;
    this.kwargs = kwargs;
    this.name = name;
  }

  static Route compile(UrlSpec spec) {
    PathPattern pattern = new PathPattern(spec.pattern);
    Supplier<? extends RequestHandler> factory;
    HandlerType type;
    if (spec.handlerClass != null) {
      type = HandlerType.of(spec.handlerClass);
      factory = type.constructorSupplier(spec.pattern);
    } else {
      RequestHandler sample = spec.factory.get();
      if (sample == null) {
        throw new IllegalArgumentException("Handler supplier for pattern " + spec.pattern + " returned null");
      }
      type = HandlerType.of(sample.getClass());
      factory = spec.factory;
    }
    type.checkArity(pattern);
    return new Route(pattern, type, factory, spec.kwargs, spec.name);
  }
}
