package io.jornado.options;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The value types an option may have, and how they are inferred and named. */
final class OptionTypes {
  /** Supported types, in the order used to infer a type from a default value. */
  static final List<Class<?>> SUPPORTED =
      List.of(
          String.class,
          Integer.class,
          Long.class,
          Double.class,
          Boolean.class,
          Duration.class,
          LocalDateTime.class,
          Instant.class,
          Path.class,
          File.class);

  private static final Map<Class<?>, Class<?>> PRIMITIVES =
      Map.of(
          int.class, Integer.class,
          long.class, Long.class,
          double.class, Double.class,
          boolean.class, Boolean.class);

  private OptionTypes() {}

  /** The supported (boxed) type for {@code type}, or an error naming the option. */
  static Class<?> checked(String optionName, Class<?> type) {
    Class<?> boxed = PRIMITIVES.getOrDefault(type, type);
    if (!SUPPORTED.contains(boxed)) {
      throw unsupported(optionName, type);
    }
    return boxed;
  }

  /** Tornado's rule: the type of the default value, else str. */
  static Class<?> inferredFrom(String optionName, Object defaultValue) {
    if (defaultValue == null) {
      return String.class;
    }
    for (Class<?> type : SUPPORTED) {
      if (type.isInstance(defaultValue)) {
        return type;
      }
    }
    throw unsupported(optionName, defaultValue.getClass());
  }

  /** Integer types, whose multiple values accept {@code lo:hi} ranges. */
  static boolean isIntegral(Class<?> type) {
    return type == Integer.class || type == Long.class;
  }

  /** The name used in messages, such as {@code Integer}. */
  static String displayName(Class<?> type) {
    return type.getSimpleName();
  }

  private static OptionsError unsupported(String optionName, Class<?> type) {
    return new OptionsError(
        "Option "
            + PyFormat.repr(optionName)
            + " has unsupported type "
            + type.getName()
            + " (supported: String, Integer, Long, Double, Boolean, Duration, LocalDateTime,"
            + " Instant, Path, File)");
  }
}
