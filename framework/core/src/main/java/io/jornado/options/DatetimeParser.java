package io.jornado.options;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tornado's {@code _Option._parse_datetime}: tries its ten {@code strptime} formats in order and
 * returns the first that matches, with Python's defaults (1900-01-01, midnight) for missing fields.
 *
 * <p>Each format is translated into the regular expression Python's {@code _strptime} builds for
 * it, matched the same way (case-insensitive, anchored at the start, then required to consume the
 * whole text), so the same strings are accepted, including one-digit fields such as {@code
 * 2013-4-8}.
 */
final class DatetimeParser {
  /** Tornado's {@code _DATETIME_FORMATS}, in order. */
  static final List<String> FORMATS =
      List.of(
          "%a %b %d %H:%M:%S %Y",
          "%Y-%m-%d %H:%M:%S",
          "%Y-%m-%d %H:%M",
          "%Y-%m-%dT%H:%M",
          "%Y%m%d %H:%M:%S",
          "%Y%m%d %H:%M",
          "%Y-%m-%d",
          "%Y%m%d",
          "%H:%M:%S",
          "%H:%M");

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private static final List<Pattern> PATTERNS = compileAll();

  private DatetimeParser() {}

  static LocalDateTime parse(String text) {
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(text);
      if (!m.lookingAt() || m.end() != text.length()) {
        continue;
      }
      try {
        return LocalDateTime.of(
            field(m, "Y", 1900),
            month(m),
            field(m, "d", 1),
            field(m, "H", 0),
            field(m, "M", 0),
            field(m, "S", 0));
      } catch (DateTimeException e) {
        // Python raises ValueError (e.g. day out of range) and Tornado tries the next format.
      }
    }
    throw new IllegalArgumentException("Unrecognized date/time format: " + PyFormat.repr(text));
  }

  private static int field(Matcher m, String group, int absent) {
    String value = group(m, group);
    return value == null ? absent : Integer.parseInt(value.trim());
  }

  private static int month(Matcher m) {
    String abbreviation = group(m, "b");
    if (abbreviation != null) {
      return MONTHS.indexOf(abbreviation.toLowerCase(Locale.ROOT)) + 1;
    }
    return field(m, "m", 1);
  }

  private static String group(Matcher m, String name) {
    return m.pattern().pattern().contains("(?<" + name + ">") ? m.group(name) : null;
  }

  private static List<Pattern> compileAll() {
    List<Pattern> patterns = new ArrayList<>();
    for (String format : FORMATS) {
      patterns.add(Pattern.compile(toRegex(format), Pattern.CASE_INSENSITIVE));
    }
    return List.copyOf(patterns);
  }

  /** The regex Python's {@code _strptime.TimeRE.pattern} builds for these directives. */
  private static String toRegex(String format) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%') {
        regex.append(directive(format.charAt(++i)));
      } else if (c == ' ') {
        regex.append("\\s+");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static String directive(char d) {
    switch (d) {
      case 'a':
        return "(?<a>mon|tue|wed|thu|fri|sat|sun)";
      case 'b':
        return "(?<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
      case 'd':
        return "(?<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])";
      case 'H':
        return "(?<H>2[0-3]|[0-1]\\d|\\d)";
      case 'm':
        return "(?<m>1[0-2]|0[1-9]|[1-9])";
      case 'M':
        return "(?<M>[0-5]\\d|\\d)";
      case 'S':
        return "(?<S>6[0-1]|[0-5]\\d|\\d)";
      case 'Y':
        return "(?<Y>\\d\\d\\d\\d)";
      default:
        throw new IllegalStateException("unsupported directive %" + d);
    }
  }
}
