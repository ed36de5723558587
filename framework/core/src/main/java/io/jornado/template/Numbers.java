package io.jornado.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's number-to-text conversions for {@code %} formatting and {@code format()} specs. */
final class Numbers {
  private Numbers() {}

  /** {@code %.Nf}: exact binary value rounded half-even, without sign. */
  static String fixed(double v, int precision, boolean alt) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    String s = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN)
        .toPlainString();
    return alt && precision == 0 ? s + "." : s;
  }

  /** {@code %.Ne} without sign. */
  static String exponent(double v, int precision, boolean alt, boolean upper) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    String digits;
    int exp;
    if (v == 0) {
      digits = "0".repeat(precision + 1);
      exp = 0;
    } else {
      BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1,
          RoundingMode.HALF_EVEN));
      digits = r.unscaledValue().toString();
      exp = digits.length() - 1 - r.scale();
      digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
    }
    String mantissa = digits.substring(0, 1)
        + (precision > 0 || alt ? "." : "") + digits.substring(1);
    return mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + FloatRepr.pad2(Math.abs(exp));
  }

  /** {@code %.Ng} without sign. */
  static String general(double v, int precision, boolean alt, boolean upper) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    int p = precision == 0 ? 1 : precision;
    int exp;
    if (v == 0) {
      exp = 0;
    } else {
      BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(p, RoundingMode.HALF_EVEN));
      exp = r.precision() - 1 - r.scale();
    }
    String out;
    if (exp >= -4 && exp < p) {
      out = fixed(v, p - 1 - exp, alt);
      if (!alt) {
        out = stripFraction(out);
      }
    } else {
      out = exponent(v, p - 1, alt, upper);
      if (!alt) {
        int e = out.indexOf(upper ? 'E' : 'e');
        out = stripFraction(out.substring(0, e)) + out.substring(e);
      }
    }
    return out;
  }

  private static String stripFraction(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String special(double v) {
    return Double.isNaN(v) ? "nan" : "inf";
  }

  static boolean negative(Object v) {
    if (Py.isInt(v)) {
      return Arith.big(v).signum() < 0;
    }
    double d = Arith.asDouble(v);
    return d < 0 || d == 0 && 1 / d < 0;
  }

  static String integer(Object v, int radix, boolean upper) {
    String s = Arith.big(v).abs().toString(radix);
    return upper ? s.toUpperCase() : s;
  }

  static BigInteger truncate(Object v) {
    if (Py.isInt(v)) {
      return Arith.big(v);
    }
    double d = Arith.asDouble(v);
    if (!Double.isFinite(d)) {
      throw new PythonError(Double.isNaN(d) ? "ValueError" : "OverflowError",
          Double.isNaN(d) ? "cannot convert float NaN to integer"
              : "cannot convert float infinity to integer");
    }
    return new BigDecimal(d).toBigInteger();
  }

  /** Inserts {@code sep} every three digits of the integer part of {@code digits}. */
  static String group(String digits, char sep) {
    int dot = digits.indexOf('.');
    int intEnd = dot < 0 ? digits.length() : dot;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < intEnd; i++) {
      if (i > 0 && (intEnd - i) % 3 == 0) {
        out.append(sep);
      }
      out.append(digits.charAt(i));
    }
    return out.append(digits.substring(intEnd)).toString();
  }
}
