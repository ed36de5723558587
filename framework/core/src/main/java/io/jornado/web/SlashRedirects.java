package io.jornado.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * {@link RemoveSlash} and {@link AddSlash}: read once per verb method at application start, and
 * applied by wrapping the verb's method handle in a check that runs before the method.
 */
final class SlashRedirects {
  private static final MethodHandle REMOVE;
  private static final MethodHandle ADD;

  static {
    MethodType shape = MethodType.methodType(Object.class, MethodHandle.class, RequestHandler.class, String[].class);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      REMOVE = lookup.findStatic(SlashRedirects.class, "removeSlash", shape);
      ADD = lookup.findStatic(SlashRedirects.class, "addSlash", shape);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SlashRedirects() {}

  /** The verb handle, wrapped when the method carries one of the annotations (of shape (RequestHandler, String[]) -> Object). */
  static MethodHandle wrap(Method method, MethodHandle verb) {
    boolean remove = method.isAnnotationPresent(RemoveSlash.class);
    boolean add = method.isAnnotationPresent(AddSlash.class);
    if (remove && add) {
      throw new IllegalArgumentException("Handler method " + method.getDeclaringClass().getName() + "."
          + method.getName() + " has both @RemoveSlash and @AddSlash");
    }
    return remove || add ? MethodHandles.insertArguments(remove ? REMOVE : ADD, 0, verb) : verb;
  }

  private static Object removeSlash(MethodHandle verb, RequestHandler handler, String[] args) throws Throwable {
    String path = handler.request().path();
    if (path.endsWith("/")) {
      if (!isGetOrHead(handler)) {
        throw new HttpError(404);
      }
      int end = path.length();
      while (end > 0 && path.charAt(end - 1) == '/') {
        end--;
      }
      if (end > 0) {
        handler.redirect(withQuery(handler, path.substring(0, end)), true);
        return null;
      }
    }
    return verb.invokeExact(handler, args);
  }

  private static Object addSlash(MethodHandle verb, RequestHandler handler, String[] args) throws Throwable {
    String path = handler.request().path();
    if (!path.endsWith("/")) {
      if (!isGetOrHead(handler)) {
        throw new HttpError(404);
      }
      handler.redirect(withQuery(handler, path + "/"), true);
      return null;
    }
    return verb.invokeExact(handler, args);
  }

  private static boolean isGetOrHead(RequestHandler handler) {
    String method = handler.request().method();
    return method.equals("GET") || method.equals("HEAD");
  }

  private static String withQuery(RequestHandler handler, String path) {
    String query = handler.request().query();
    return query.isEmpty() ? path : path + "?" + query;
  }
}
