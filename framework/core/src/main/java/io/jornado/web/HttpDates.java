package io.jornado.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTTP dates (RFC 7231 IMF-fixdate), with the current second's text cached. */
final class HttpDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static volatile Cached cached = new Cached(-1, "");

  private HttpDates() {}

  private static final class Cached {
    final long second;
    final String text;

    Cached(long second, String text) {
      this.second = second;
      this.text = text;
    }
  }

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Cached c = cached;
    if (c.second != second) {
      c = new Cached(second, FORMAT.format(Instant.ofEpochSecond(second)));
      cached = c;
    }
    return c.text;
  }

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
