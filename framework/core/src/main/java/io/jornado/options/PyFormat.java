package io.jornado.options;

import io.jornado.util.PythonText;

import java.io.File;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Python's {@code str()} and {@code repr()} of option values, so that messages and the {@code
 * (default X)} of the help text read exactly as Tornado prints them.
 */
final class PyFormat {
  private PyFormat() {}

  /** Python's {@code str(value)} for the value types options hold. */
  static String str(Object value) {
    if (value == null) {
      return "None";
    } else if (value instanceof String) {
      return (String) value;
    } else if (value instanceof Boolean) {
      return (Boolean) value ? "True" : "False";
    } else if (value instanceof Double) {
      return floatRepr((Double) value);
    } else if (value instanceof Duration) {
      return timedeltaStr((Duration) value);
    } else if (value instanceof LocalDateTime) {
      return datetimeStr((LocalDateTime) value);
    } else if (value instanceof Instant) {
      return datetimeStr(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)) + "+00:00";
    } else if (value instanceof List) {
      StringJoiner joined = new StringJoiner(", ", "[", "]");
      for (Object item : (List<?>) value) {
        joined.add(repr(item));
      }
      return joined.toString();
    }
    return value.toString();
  }

  /** Python's {@code repr(value)} for the value types options hold. */
  static String repr(Object value) {
    if (value instanceof String) {
      return repr((String) value);
    } else if (value instanceof Duration) {
      return timedeltaRepr((Duration) value);
    } else if (value instanceof LocalDateTime) {
      return datetimeRepr((LocalDateTime) value, "");
    } else if (value instanceof Instant) {
      return datetimeRepr(
          LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
          ", tzinfo=datetime.timezone.utc");
    } else if (value instanceof Path) {
      return "PosixPath(" + repr(value.toString()) + ")";
    } else if (value instanceof File) {
      return repr(value.toString());
    }
    return str(value);
  }

  /** Python's {@code repr(text)}: single quotes unless the text has ' and no ". */
  static String repr(String text) {
    return PythonText.repr(text);
  }

  /** Python's {@code str.strip()} with no argument. */
  static String strip(String text) {
    return PythonText.strip(text);
  }

  /** Python's {@code str.isspace()} for one character. */
  static boolean isWhitespace(int c) {
    return PythonText.isSpace(c);
  }

  static String normpath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int initialSlashes = 0;
    if (path.startsWith("/")) {
      initialSlashes = path.startsWith("//") && !path.startsWith("///") ? 2 : 1;
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      boolean keep =
          !part.equals("..")
              || (initialSlashes == 0 && parts.isEmpty())
              || (!parts.isEmpty() && parts.get(parts.size() - 1).equals(".."));
      if (keep) {
        parts.add(part);
      } else if (!parts.isEmpty()) {
        parts.remove(parts.size() - 1);
      }
    }
    String joined = "/".repeat(initialSlashes) + String.join("/", parts);
    return joined.isEmpty() ? "." : joined;
  }

  /** Python's {@code repr(float)}: the shortest round-tripping digits, Python's layout. */
  static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    } else if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    } else if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(value));
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == Math.abs(value)) {
        shortest = candidate;
        break;
      }
    }
    String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int decpt = shortest.precision() - shortest.scale();
    String sign = value < 0 ? "-" : "";
    int n = digits.length();
    if (decpt <= -4 || decpt > 16) {
      String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int exponent = decpt - 1;
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    } else if (decpt <= 0) {
      return sign + "0." + "0".repeat(-decpt) + digits;
    } else if (decpt >= n) {
      return sign + digits + "0".repeat(decpt - n) + ".0";
    }
    return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
  }

  /** Python's {@code str(timedelta)}, such as {@code 1 day, 1:30:00.500000}. */
  static String timedeltaStr(Duration duration) {
    long[] parts = timedeltaParts(duration);
    long days = parts[0];
    long seconds = parts[1];
    long micros = parts[2];
    String text = String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if (days != 0) {
      text = days + " day" + (Math.abs(days) != 1 ? "s" : "") + ", " + text;
    }
    if (micros != 0) {
      text += String.format(".%06d", micros);
    }
    return text;
  }

  /** Python's {@code repr(timedelta)}, such as {@code datetime.timedelta(seconds=45)}. */
  static String timedeltaRepr(Duration duration) {
    long[] parts = timedeltaParts(duration);
    StringJoiner args = new StringJoiner(", ", "datetime.timedelta(", ")");
    if (parts[0] != 0) {
      args.add("days=" + parts[0]);
    }
    if (parts[1] != 0) {
      args.add("seconds=" + parts[1]);
    }
    if (parts[2] != 0) {
      args.add("microseconds=" + parts[2]);
    }
    return parts[0] == 0 && parts[1] == 0 && parts[2] == 0
        ? "datetime.timedelta(0)"
        : args.toString();
  }

  /** Python's normalised timedelta fields: days (any sign), 0 <= seconds < 86400, micros. */
  private static long[] timedeltaParts(Duration duration) {
    long totalSeconds = duration.getSeconds();
    long micros = duration.getNano() / 1_000L;
    return new long[] {
      Math.floorDiv(totalSeconds, 86_400L), Math.floorMod(totalSeconds, 86_400L), micros
    };
  }

  /** Python's {@code str(datetime)}, such as {@code 2013-04-28 05:16:00}. */
  static String datetimeStr(LocalDateTime t) {
    String text =
        String.format(
            "%04d-%02d-%02d %02d:%02d:%02d",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    int micros = t.getNano() / 1_000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }

  private static String datetimeRepr(LocalDateTime t, String tz) {
    List<Integer> fields =
        new ArrayList<>(
            List.of(
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1_000));
    for (int i = 0; i < 2 && fields.get(fields.size() - 1) == 0; i++) {
      fields.remove(fields.size() - 1);
    }
    StringJoiner args = new StringJoiner(", ", "datetime.datetime(", tz + ")");
    fields.forEach(f -> args.add(String.valueOf(f)));
    return args.toString();
  }

}
