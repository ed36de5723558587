package io.jornado.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Tornado calls {@code make_static_url} and {@code get_version} on the class named by the
 * {@code static_handler_class} setting ({@code cls}), so a subclass can replace them. Java static
 * methods do not override, so they are looked up by name and signature on that class, the subclass's
 * own declaration first; the instance hooks Tornado also calls on {@code cls}
 * ({@code get_absolute_path}, {@code get_content_version}) go to an instance made for the purpose.
 */
final class StaticHandlerClass {
  private static final MethodType URL_SHAPE = MethodType.methodType(String.class, Settings.class, String.class);
  private static final MethodType VERSION_SHAPE = MethodType.methodType(Optional.class, Settings.class, String.class);
  private static final ClassValue<MethodHandle> MAKE_STATIC_URL = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      return staticMethod(type, "makeStaticUrl", URL_SHAPE);
    }
  };
  private static final ClassValue<MethodHandle> GET_VERSION = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      return staticMethod(type, "getVersion", VERSION_SHAPE);
    }
  };

  private StaticHandlerClass() {}

  static String makeStaticUrl(Settings settings, String path) {
    try {
      return (String) MAKE_STATIC_URL.get(settings.staticHandlerClass()).invokeExact(settings, path);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("makeStaticUrl failed for " + path, t);
    }
  }

  @SuppressWarnings("unchecked")
  static Optional<String> getVersion(Settings settings, String path) {
    try {
      return (Optional<String>) GET_VERSION.get(settings.staticHandlerClass()).invokeExact(settings, path);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("getVersion failed for " + path, t);
    }
  }

  /** A fresh, unattached instance of the static handler class, for the hooks Tornado calls on the class. */
  static StaticFileHandler instance(Settings settings) {
    Class<? extends StaticFileHandler> type = settings.staticHandlerClass();
    return (StaticFileHandler) HandlerType.of(type).constructorSupplier("static_handler_class").get();
  }

  private static MethodHandle staticMethod(Class<?> type, String name, MethodType shape) {
    try {
      Method method = type.getMethod(name, shape.parameterArray());
      if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != shape.returnType()) {
        throw new IllegalArgumentException(type.getName() + "." + name + " must be public static " + shape);
      }
      method.setAccessible(true);
      return MethodHandles.lookup().unreflect(method);
    } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot call " + type.getName() + "." + name + ": " + e.getMessage(), e);
    }
  }
}
