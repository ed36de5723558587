package io.jornado.options;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses one command-line string into a value of an option type, as Tornado's {@code _Option.parse}
 * does for a single (non-multiple) value.
 *
 * <p>Failures throw {@link IllegalArgumentException} whose message is the reason, in Python's words
 * where Python has them (for example {@code invalid literal for int() with base 10: 'x'}).
 */
final class ValueParser {
  private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");
  private static final Pattern PY_FLOAT =
      Pattern.compile(
          "[+-]?(?:(?:[0-9]+(?:_[0-9]+)*(?:\\.(?:[0-9]+(?:_[0-9]+)*)?)?|\\.[0-9]+(?:_[0-9]+)*)"
              + "(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?|inf|infinity|nan)",
          Pattern.CASE_INSENSITIVE);

  private ValueParser() {}

  static Object parse(Class<?> type, String text) {
    if (type == String.class) {
      return text;
    } else if (type == Integer.class) {
      long value = parseLong(text, "Integer");
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw outOfRange(text, "Integer");
      }
      return (int) value;
    } else if (type == Long.class) {
      return parseLong(text, "Long");
    } else if (type == Double.class) {
      return parseDouble(text);
    } else if (type == Boolean.class) {
      return parseBool(text);
    } else if (type == Duration.class) {
      return TimedeltaParser.parse(text);
    } else if (type == LocalDateTime.class) {
      return DatetimeParser.parse(text);
    } else if (type == Instant.class) {
      return DatetimeParser.parse(text).toInstant(ZoneOffset.UTC);
    } else if (type == Path.class) {
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("invalid path " + PyFormat.repr(text), e);
      }
    } else if (type == File.class) {
      return new File(text);
    }
    throw new IllegalArgumentException("unsupported type " + type.getName());
  }

  /** Tornado's {@code _parse_bool}: anything but false, 0 or f (any case) is true. */
  static boolean parseBool(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return !(lower.equals("false") || lower.equals("0") || lower.equals("f"));
  }

  /** Python's {@code int(text)}, limited to a Java long. */
  private static long parseLong(String text, String typeName) {
    String stripped = PyFormat.strip(text);
    if (!PY_INT.matcher(stripped).matches()) {
      throw new IllegalArgumentException(
          "invalid literal for int() with base 10: " + PyFormat.repr(text));
    }
    try {
      return Long.parseLong(stripped.replace("_", ""));
    } catch (NumberFormatException e) {
      throw outOfRange(text, typeName);
    }
  }

  /** Python's {@code float(text)}. */
  private static double parseDouble(String text) {
    String stripped = PyFormat.strip(text);
    if (!PY_FLOAT.matcher(stripped).matches()) {
      throw new IllegalArgumentException(
          "could not convert string to float: " + PyFormat.repr(text));
    }
    String plain = stripped.replace("_", "").toLowerCase(Locale.ROOT);
    boolean negative = plain.startsWith("-");
    String unsigned = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
    if (unsigned.equals("nan")) {
      return Double.NaN;
    } else if (unsigned.startsWith("inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(plain);
  }

  private static IllegalArgumentException outOfRange(String text, String typeName) {
    return new IllegalArgumentException(
        "value out of range for " + typeName + ": " + PyFormat.repr(text));
  }
}
