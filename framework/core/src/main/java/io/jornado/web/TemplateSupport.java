package io.jornado.web;

import io.jornado.template.BaseLoader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An application's template loaders (one per template path, shared by every event loop) and its UI
 * modules and methods, read from the settings once at start.
 */
final class TemplateSupport {
  private final ConcurrentHashMap<String, BaseLoader> loaders = new ConcurrentHashMap<>();
  private final Map<String, Constructor<? extends UIModule>> modules = new LinkedHashMap<>();
  private final Map<String, UIMethod> methods;

  TemplateSupport(Settings settings) {
    settings.uiModules().forEach((name, cls) -> {
      try {
        modules.put(name, cls.getDeclaredConstructor());
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("ui_modules['" + name + "']: " + cls.getName()
            + " needs a public no-argument constructor", e);
      }
    });
    this.methods = settings.uiMethods();
  }

  BaseLoader loader(String templatePath, Function<String, BaseLoader> create) {
    BaseLoader loader = loaders.get(templatePath);
    return loader != null ? loader : loaders.computeIfAbsent(templatePath, create);
  }

  Map<String, UIMethod> methods() {
    return methods;
  }

  Iterable<String> moduleNames() {
    return modules.keySet();
  }

  UIModule newModule(String name) {
    try {
      return modules.get(name).newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
          : new IllegalStateException("UI module " + name + " failed to start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("UI module " + name + " cannot be created", e);
    }
  }
}
