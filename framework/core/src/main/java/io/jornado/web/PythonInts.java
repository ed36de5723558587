package io.jornado.web;

import io.jornado.util.PythonText;
import java.math.BigInteger;

/** Python's {@code int(text)} for the header fields Tornado parses with it: sign, digits, single underscores. */
final class PythonInts {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(-Long.MAX_VALUE);

  private PythonInts() {}

  /** The value, clamped to plus or minus Long.MAX_VALUE, or null where Python raises ValueError. */
  static Long parse(String text) {
    String s = PythonText.strip(text);
    int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (i == s.length()) {
      return null;
    }
    StringBuilder digits = new StringBuilder(s.length());
    digits.append(s.charAt(0) == '-' ? "-" : "");
    boolean afterDigit = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        afterDigit = true;
      } else if (c == '_' && afterDigit && i + 1 < s.length()) {
        afterDigit = false;
      } else {
        return null;
      }
    }
    if (!afterDigit) {
      return null;
    }
    BigInteger value = new BigInteger(digits.toString());
    return value.max(LONG_MIN).min(LONG_MAX).longValue();
  }
}
