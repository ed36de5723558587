package io.jornado.web;

import io.jornado.gen.Coroutine;
import io.jornado.util.VirtualThreads;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What Jornado learns about a handler class once, at application start: how to make one and which
 * verb methods it has, as method handles of shape (RequestHandler, String[]) -> Object.
 */
final class HandlerType {
  static final Set<String> DEFAULT_METHODS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("GET", "HEAD", "POST", "DELETE", "PATCH", "PUT", "OPTIONS")));
  private static final MethodType VERB_SHAPE = MethodType.methodType(Object.class, RequestHandler.class, String[].class);
  private static final Map<Class<?>, HandlerType> CACHE = new ConcurrentHashMap<>();

  final Class<? extends RequestHandler> handlerClass;
  final Set<String> supportedMethods;
  /** Whether the class overrides WebSocketHandler.getCompressionOptions (the server must offer deflate). */
  final boolean wantsWebSocketCompression;
  /** Whether the class is {@link StreamRequestBody}: the body goes to dataReceived, not a buffer. */
  final boolean streamRequestBody;
  /** Whether the handler hands the request, body unread, to another server callback (FallbackHandler). */
  final boolean takesRawRequest;
  /** Whether the class is {@link Coroutine}: its hooks run on a virtual thread of each request. */
  final boolean coroutine;
  private final Map<String, Verb> verbs;
  private final MethodHandle constructor;

  /** A verb method: its handle, its declared arity (-1 for varargs) and its signature for messages. */
  static final class Verb {
    final MethodHandle handle;
    final int arity;
    final String signature;

    Verb(MethodHandle handle, int arity, String signature) {
      this.handle = handle;
      this.arity = arity;
      this.signature = signature;
    }
  }

  private HandlerType(Class<? extends RequestHandler> handlerClass) {
    this.handlerClass = handlerClass;
    SupportedMethods annotation = handlerClass.getAnnotation(SupportedMethods.class);
    Set<String> methods = new LinkedHashSet<>();
    if (annotation != null) {
      for (String m : annotation.value()) {
        methods.add(m.toUpperCase(Locale.ROOT));
      }
    } else {
      methods.addAll(DEFAULT_METHODS);
    }
    this.supportedMethods = Collections.unmodifiableSet(methods);
    Map<String, Verb> found = new HashMap<>();
    for (String method : methods) {
      Verb verb = findVerb(handlerClass, method.toLowerCase(Locale.ROOT));
      if (verb != null) {
        found.put(method, verb);
      }
    }
    this.verbs = found;
    this.constructor = findConstructor(handlerClass);
    this.wantsWebSocketCompression = overridesCompressionOptions(handlerClass);
    this.streamRequestBody = handlerClass.isAnnotationPresent(StreamRequestBody.class);
    this.takesRawRequest = FallbackHandler.class.isAssignableFrom(handlerClass);
    this.coroutine = handlerClass.isAnnotationPresent(Coroutine.class);
    if (coroutine) {
      VirtualThreads.require("Handler " + handlerClass.getName() + " (@Coroutine)");
    }
  }

  private static boolean overridesCompressionOptions(Class<?> handlerClass) {
    try {
      Method method = handlerClass.getMethod("getCompressionOptions");
      return !method.getDeclaringClass().getName().equals("io.jornado.websocket.WebSocketHandler");
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static HandlerType of(Class<? extends RequestHandler> handlerClass) {
    return CACHE.computeIfAbsent(handlerClass, c -> new HandlerType(handlerClass));
  }

  Verb verb(String method) {
    return verbs.get(method);
  }

  Supplier<RequestHandler> constructorSupplier(String pattern) {
    if (constructor == null) {
      throw new IllegalArgumentException("Handler " + handlerClass.getName() + " for pattern " + pattern
          + " needs a no-argument constructor (or route it with url(pattern, Supplier))");
    }
    return () -> {
      try {
        return (RequestHandler) constructor.invokeExact();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("Could not create " + handlerClass.getName(), t);
      }
    };
  }

  /** Checks every verb method against the number of groups in a route's pattern. */
  void checkArity(PathPattern pattern) {
    for (Verb verb : verbs.values()) {
      if (verb.arity >= 0 && verb.arity != pattern.groupCount) {
        throw new IllegalArgumentException("Handler method " + verb.signature + " takes " + verb.arity
            + " path argument(s) but pattern '" + pattern.source + "' has " + pattern.groupCount + " group(s)");
      }
    }
  }

  private static Verb findVerb(Class<?> handlerClass, String name) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : handlerClass.getMethods()) {
      if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()) && !m.isBridge()
          && m.getDeclaringClass() != Object.class) {
        candidates.add(m);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    String where = handlerClass.getName() + "." + name;
    if (candidates.size() > 1) {
      throw new IllegalArgumentException("Handler " + where + " is overloaded " + candidates.size()
          + " times; a verb method must be unique");
    }
    Method method = candidates.get(0);
    for (Class<?> p : method.getParameterTypes()) {
      if (p != String.class && !(method.isVarArgs() && p == String[].class)) {
        throw new IllegalArgumentException("Handler method " + where + " must take String path arguments, not " + p.getName());
      }
    }
    Class<?> returns = method.getReturnType();
    if (returns != void.class && !io.vertx.core.Future.class.isAssignableFrom(returns)) {
      throw new IllegalArgumentException("Handler method " + where + " must return void or a Future, not " + returns.getName());
    }
    String signature = handlerClass.getName() + "." + name + "(" + method.getParameterCount() + " String)";
    try {
      method.setAccessible(true);
      MethodHandle handle = MethodHandles.lookup().unreflect(method);
      int arity = method.isVarArgs() ? -1 : method.getParameterCount();
      handle = method.isVarArgs() ? handle.asFixedArity() : handle.asSpreader(String[].class, arity);
      return new Verb(SlashRedirects.wrap(method, handle.asType(VERB_SHAPE)), arity, signature);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot call handler method " + where + ": " + e.getMessage(), e);
    }
  }

  private static MethodHandle findConstructor(Class<? extends RequestHandler> handlerClass) {
    if (Modifier.isAbstract(handlerClass.getModifiers())) {
      return null;
    }
    try {
      Constructor<? extends RequestHandler> ctor = handlerClass.getDeclaredConstructor();
      ctor.setAccessible(true);
      return MethodHandles.lookup().unreflectConstructor(ctor).asType(MethodType.methodType(RequestHandler.class));
    } catch (NoSuchMethodException e) {
      return null;
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot construct handler " + handlerClass.getName() + ": " + e.getMessage(), e);
    }
  }
}
