package io.jornado.template;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** What {@code {% import name %}} binds: the public static members of a registered class. */
final class TemplateModule {
  private final String name;
  private final Class<?> holder;

  TemplateModule(String name, Class<?> holder) {
    this.name = name;
    this.holder = holder;
  }

  Object attribute(String attr) {
    try {
      Field f = holder.getField(attr);
      if (Modifier.isStatic(f.getModifiers())) {
        return JavaAccess.fromJava(f.get(null));
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      // try methods
    }
    if (JavaAccess.methods(holder, attr).stream().anyMatch(m -> Modifier.isStatic(m.getModifiers()))) {
      return (TemplateFunction) (a, k) -> JavaAccess.invoke(holder, null, attr, a);
    }
    throw new PythonError("AttributeError", "module '" + name + "' has no attribute '" + attr + "'");
  }

  @Override
  public String toString() {
    return "<module '" + name + "'>";
  }
}
