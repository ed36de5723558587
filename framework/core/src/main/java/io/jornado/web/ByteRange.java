package io.jornado.web;

import io.jornado.util.PythonText;

/**
 * One {@code Range: bytes=...} request as Tornado reads it: half-open {@code [start, end)}, a suffix
 * {@code -n} as a negative start, {@code -0} as end 0; anything else (other units, several ranges,
 * non-numbers) is no range at all.
 *
 * <p>Tornado: httputil._parse_request_range.
 */
final class ByteRange {
  final Long start;
  final Long end;

  private ByteRange(Long start, Long end) {
    this.start = start;
    this.end = end;
  }

  /** The range, or null when the header is to be ignored. */
  static ByteRange parse(String header) {
    int eq = header.indexOf('=');
    String unit = PythonText.strip(eq < 0 ? header : header.substring(0, eq));
    String value = eq < 0 ? "" : PythonText.strip(header.substring(eq + 1));
    if (!unit.equals("bytes")) {
      return null;
    }
    int dash = value.indexOf('-');
    String startText = dash < 0 ? value : value.substring(0, dash);
    String endText = dash < 0 ? "" : value.substring(dash + 1);
    Long start = null;
    Long end = null;
    if (!PythonText.strip(startText).isEmpty()) {
      start = PythonInts.parse(startText);
      if (start == null) {
        return null;
      }
    }
    if (!PythonText.strip(endText).isEmpty()) {
      end = PythonInts.parse(endText);
      if (end == null) {
        return null;
      }
    }
    if (end != null) {
      if (start == null) {
        if (end != 0) {
          start = -end;
          end = null;
        }
      } else {
        end = end == Long.MAX_VALUE ? end : end + 1;
      }
    }
    return new ByteRange(start, end);
  }
}
