package io.jornado.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Applies a config-file value to an option as Tornado's {@code parse_config_file} does: a string
 * for a non-string or multiple option is parsed as on the command line; anything else is set with a
 * type check.
 */
final class ConfigValues {
  private ConfigValues() {}

  static void apply(Option<?> option, Object literal) {
    Object value = fitted(option, literal);
    if (option.multiple() && !(value instanceof List || value instanceof String)) {
      throw new OptionsError(
          "Option "
              + PyFormat.repr(option.name())
              + " is required to be a list of "
              + OptionTypes.displayName(option.type())
              + " or a comma-separated string");
    }
    if (value instanceof String && (option.type() != String.class || option.multiple())) {
      option.parse((String) value);
    } else {
      option.setChecked(value);
    }
  }

  /** Config integers are Longs, as Python ints; an Integer option takes them if they fit. */
  private static Object fitted(Option<?> option, Object literal) {
    if (literal instanceof List) {
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) literal) {
        items.add(fitted(option, item));
      }
      return Collections.unmodifiableList(items);
    }
    if (literal instanceof Long && option.type() == Integer.class) {
      long value = (Long) literal;
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new OptionsError(
            "Option "
                + PyFormat.repr(option.name())
                + ": value out of range for Integer: "
                + value);
      }
      return (int) value;
    }
    return literal;
  }
}
