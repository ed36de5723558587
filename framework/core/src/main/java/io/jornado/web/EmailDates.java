package io.jornado.web;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dates in the forms Python's {@code email.utils} accepts, which is how Tornado reads
 * {@code If-Modified-Since}: RFC 1123, RFC 850 and asctime, optional weekday, two-digit years,
 * named US zones or numeric offsets (no zone means UTC).
 *
 * <p>Tornado: email.utils.parsedate_to_datetime as StaticFileHandler.should_return_304 uses it (6.4+).
 */
final class EmailDates {
  private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("UTC", 0),
      Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("AST", -400), Map.entry("ADT", -300), Map.entry("EST", -500),
      Map.entry("EDT", -400), Map.entry("CST", -600), Map.entry("CDT", -500), Map.entry("MST", -700),
      Map.entry("MDT", -600), Map.entry("PST", -800), Map.entry("PDT", -700));

  private EmailDates() {}

  /** The date, or empty when Python would raise (unknown form or impossible date). */
  static Optional<ZonedDateTime> parse(String text) {
    try {
      return Optional.ofNullable(parseFields(text));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static ZonedDateTime parseFields(String text) {
    List<String> data = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
    if (text.isBlank()) {
      return null;
    }
    String first = data.get(0);
    if (first.endsWith(",") || DAYS.contains(first.toLowerCase(Locale.ROOT))) {
      data.remove(0);
    } else if (first.lastIndexOf(',') >= 0) {
      data.set(0, first.substring(first.lastIndexOf(',') + 1));
    }
    if (data.size() == 3) {
      String[] parts = data.get(0).split("-", -1);
      if (parts.length == 3) {
        List<String> rfc850 = new ArrayList<>(Arrays.asList(parts));
        rfc850.addAll(data.subList(1, 3));
        data = rfc850;
      }
    }
    if (data.size() == 4) {
      String s = data.get(3);
      int i = s.indexOf('+') >= 0 ? s.indexOf('+') : s.indexOf('-');
      if (i > 0) {
        data.set(3, s.substring(0, i));
        data.add(s.substring(i));
      } else {
        data.add("");
      }
    }
    if (data.size() < 5) {
      return null;
    }
    String dd = data.get(0);
    String mm = data.get(1).toLowerCase(Locale.ROOT);
    String yy = data.get(2);
    String tm = data.get(3);
    String tz = data.get(4);
    if (dd.isEmpty() || mm.isEmpty() || yy.isEmpty()) {
      return null;
    }
    if (!MONTHS.contains(mm)) {
      String swap = dd.toLowerCase(Locale.ROOT);
      dd = data.get(1);
      mm = swap;
      if (!MONTHS.contains(mm)) {
        return null;
      }
    }
    int month = MONTHS.indexOf(mm) % 12 + 1;
    dd = trimComma(dd);
    if (yy.indexOf(':') > 0) {
      String swap = yy;
      yy = tm;
      tm = swap;
    }
    if (yy.endsWith(",")) {
      yy = trimComma(yy);
      if (yy.isEmpty()) {
        return null;
      }
    }
    if (!Character.isDigit(yy.charAt(0))) {
      String swap = yy;
      yy = tz;
      tz = swap;
    }
    String[] clock = trimComma(tm).split(":", -1);
    if (clock.length == 1 && clock[0].contains(".")) {
      clock = clock[0].split("\\.", -1);
    }
    if (clock.length != 2 && clock.length != 3) {
      return null;
    }
    Long year = PythonInts.parse(yy);
    Long day = PythonInts.parse(dd);
    Long hour = PythonInts.parse(clock[0]);
    Long minute = PythonInts.parse(clock[1]);
    Long second = clock.length == 3 ? PythonInts.parse(clock[2]) : Long.valueOf(0);
    if (year == null || day == null || hour == null || minute == null || second == null) {
      return null;
    }
    if (year < 100) {
      year += year > 68 ? 1900 : 2000;
    }
    LocalDateTime local = LocalDateTime.of(Math.toIntExact(year), month, Math.toIntExact(day),
        Math.toIntExact(hour), Math.toIntExact(minute), Math.toIntExact(second));
    return local.atZone(zone(tz.toUpperCase(Locale.ROOT)));
  }

  private static ZoneOffset zone(String tz) {
    Integer named = ZONES.get(tz);
    Long offset = named != null ? Long.valueOf(named) : PythonInts.parse(tz);
    if (offset == null || offset == 0) {
      return ZoneOffset.UTC;
    }
    long magnitude = Math.abs(offset);
    long seconds = (magnitude / 100) * 3600 + (magnitude % 100) * 60;
    return ZoneOffset.ofTotalSeconds(Math.toIntExact(offset < 0 ? -seconds : seconds));
  }

  private static String trimComma(String s) {
    return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
  }
}
