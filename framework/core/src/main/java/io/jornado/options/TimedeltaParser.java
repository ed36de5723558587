package io.jornado.options;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tornado's {@code _Option._parse_timedelta}: a sum of {@code <number>[<unit>]} terms such as
 * {@code 1h 30m}, {@code 45s}, {@code 1.5 hours} or {@code 90} (seconds).
 *
 * <p>As in Tornado a unit runs to the end of the word, so {@code 1h30m} is rejected (the unit would
 * be {@code h30m}): terms need a space between them. Units are case-sensitive: {@code h}, {@code
 * m}/{@code min}, {@code s}/{@code sec}, {@code ms}, {@code us}, {@code d}, {@code w}, or the full
 * names {@code hours}, {@code minutes}, {@code seconds}, {@code milliseconds}, {@code
 * microseconds}, {@code days}, {@code weeks}. The result is rounded to microseconds like Python's
 * {@code timedelta}.
 */
final class TimedeltaParser {
  private static final String FLOAT = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
  private static final Pattern TERM =
      Pattern.compile(
          "\\s*(" + FLOAT + ")\\s*(\\w*)\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  private static final Map<String, String> ABBREVIATIONS =
      Map.of(
          "h", "hours",
          "m", "minutes",
          "min", "minutes",
          "s", "seconds",
          "sec", "seconds",
          "ms", "milliseconds",
          "us", "microseconds",
          "d", "days",
          "w", "weeks");

  private static final Map<String, Long> MICROS_PER_UNIT =
      Map.of(
          "microseconds", 1L,
          "milliseconds", 1_000L,
          "seconds", 1_000_000L,
          "minutes", 60_000_000L,
          "hours", 3_600_000_000L,
          "days", 86_400_000_000L,
          "weeks", 604_800_000_000L);

  private TimedeltaParser() {}

  /** Python's timedelta range: at most 999999999 days either way. */
  private static final BigInteger MAX_MICROS =
      BigInteger.valueOf(999_999_999L).multiply(BigInteger.valueOf(86_400_000_000L));

  static Duration parse(String text) {
    BigInteger micros = BigInteger.ZERO;
    int start = 0;
    Matcher matcher = TERM.matcher(text);
    while (start < text.length()) {
      matcher.region(start, text.length());
      if (!matcher.lookingAt()) {
        throw new IllegalArgumentException("invalid timedelta: " + PyFormat.repr(text));
      }
      String units = matcher.group(2).isEmpty() ? "seconds" : matcher.group(2);
      units = ABBREVIATIONS.getOrDefault(units, units);
      Long factor = MICROS_PER_UNIT.get(units);
      if (factor == null) {
        throw new IllegalArgumentException(
            "invalid timedelta unit " + PyFormat.repr(units) + " in " + PyFormat.repr(text));
      }
      double number = Double.parseDouble(matcher.group(1));
      if (Double.isInfinite(number)) {
        throw outOfRange(text);
      }
      BigInteger term =
          new BigDecimal(number)
              .multiply(BigDecimal.valueOf(factor))
              .setScale(0, RoundingMode.HALF_EVEN)
              .toBigIntegerExact();
      micros = micros.add(term);
      if (micros.abs().compareTo(MAX_MICROS) > 0) {
        throw outOfRange(text);
      }
      start = matcher.end();
    }
    BigInteger[] secondsAndMicros = micros.divideAndRemainder(BigInteger.valueOf(1_000_000L));
    return Duration.ofSeconds(secondsAndMicros[0].longValueExact())
        .plusNanos(secondsAndMicros[1].longValueExact() * 1_000L);
  }

  private static IllegalArgumentException outOfRange(String text) {
    return new IllegalArgumentException("timedelta out of range: " + PyFormat.repr(text));
  }
}
