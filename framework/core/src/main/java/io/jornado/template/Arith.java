package io.jornado.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic: unbounded ints (Long, BigInteger beyond), floats, str and list operators. */
final class Arith {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Arith() {}

  static Object normalize(BigInteger v) {
    return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0 ? (Object) v.longValue() : v;
  }

  static BigInteger big(Object v) {
    if (v instanceof BigInteger) {
      return (BigInteger) v;
    } else if (v instanceof Boolean) {
      return (Boolean) v ? BigInteger.ONE : BigInteger.ZERO;
    }
    return BigInteger.valueOf(((Number) v).longValue());
  }

  static boolean fitsLong(Object v) {
    return !(v instanceof BigInteger);
  }

  static long asLong(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    return ((Number) v).longValue();
  }

  static double asDouble(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    } else if (v instanceof BigInteger) {
      double d = ((BigInteger) v).doubleValue();
      if (Double.isInfinite(d)) {
        throw new PythonError("OverflowError", "int too large to convert to float");
      }
      return d;
    }
    return ((Number) v).doubleValue();
  }

  static int compareNumbers(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      return fitsLong(a) && fitsLong(b) ? Long.compare(asLong(a), asLong(b)) : big(a).compareTo(big(b));
    }
    double x = Py.isFloat(a) ? ((Number) a).doubleValue() : Double.NaN;
    double y = Py.isFloat(b) ? ((Number) b).doubleValue() : Double.NaN;
    if (Py.isInt(a)) {
      return Double.isNaN(y) || Double.isInfinite(y) ? Double.compare(asDoubleLoose(a), y)
          : new BigDecimal(big(a)).compareTo(new BigDecimal(y));
    } else if (Py.isInt(b)) {
      return Double.isNaN(x) || Double.isInfinite(x) ? Double.compare(x, asDoubleLoose(b))
          : new BigDecimal(x).compareTo(new BigDecimal(big(b)));
    }
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  }

  private static double asDoubleLoose(Object v) {
    return v instanceof BigInteger ? ((BigInteger) v).doubleValue() : asLong(v);
  }

  static Object add(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      if (fitsLong(a) && fitsLong(b)) {
        long x = asLong(a);
        long y = asLong(b);
        long r = x + y;
        if (((x ^ r) & (y ^ r)) >= 0) {
          return r;
        }
      }
      return normalize(big(a).add(big(b)));
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      return asDouble(a) + asDouble(b);
    } else if (a instanceof String && b instanceof String) {
      return (String) a + b;
    } else if (a instanceof PyTuple && b instanceof PyTuple) {
      List<Object> out = new ArrayList<>((PyTuple) a);
      out.addAll((PyTuple) b);
      return PyTuple.of(out);
    } else if (a instanceof List && b instanceof List
        && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
      List<Object> out = new ArrayList<>((List<?>) a);
      out.addAll((List<?>) b);
      return out;
    }
    if (a instanceof String) {
      throw new PythonError("TypeError",
          "can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
    } else if (a instanceof List && !(a instanceof PyTuple)) {
      throw new PythonError("TypeError",
          "can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
    }
    throw unsupported("+", a, b);
  }

  static Object sub(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      if (fitsLong(a) && fitsLong(b)) {
        long x = asLong(a);
        long y = asLong(b);
        long r = x - y;
        if (((x ^ y) & (x ^ r)) >= 0) {
          return r;
        }
      }
      return normalize(big(a).subtract(big(b)));
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      return asDouble(a) - asDouble(b);
    }
    throw unsupported("-", a, b);
  }

  static Object mul(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      if (fitsLong(a) && fitsLong(b)) {
        long x = asLong(a);
        long y = asLong(b);
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
          return lo;
        }
      }
      return normalize(big(a).multiply(big(b)));
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      return asDouble(a) * asDouble(b);
    } else if (Py.isInt(b) && (a instanceof String || a instanceof List)) {
      return repeat(a, asLong(b));
    } else if (Py.isInt(a) && (b instanceof String || b instanceof List)) {
      return repeat(b, asLong(a));
    }
    throw unsupported("*", a, b);
  }

  private static Object repeat(Object seq, long times) {
    if (seq instanceof String) {
      return times <= 0 ? "" : ((String) seq).repeat((int) times);
    }
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < times; i++) {
      out.addAll((List<?>) seq);
    }
    return seq instanceof PyTuple ? PyTuple.of(out) : out;
  }

  static Object trueDiv(Object a, Object b) {
    if (Py.isNumber(a) && Py.isNumber(b)) {
      if (Py.isInt(a) && Py.isInt(b)) {
        if (big(b).signum() == 0) {
          throw new PythonError("ZeroDivisionError", "division by zero");
        }
        if (fitsLong(a) && fitsLong(b) && Math.abs(asLong(a)) < (1L << 53)
            && Math.abs(asLong(b)) < (1L << 53)) {
          return (double) asLong(a) / asLong(b);
        }
        return new BigDecimal(big(a)).divide(new BigDecimal(big(b)), java.math.MathContext.DECIMAL128)
            .doubleValue();
      }
      double y = asDouble(b);
      if (y == 0) {
        throw new PythonError("ZeroDivisionError", "float division by zero");
      }
      return asDouble(a) / y;
    }
    throw unsupported("/", a, b);
  }

  static Object floorDiv(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      if (big(b).signum() == 0) {
        throw new PythonError("ZeroDivisionError", "integer division or modulo by zero");
      }
      if (fitsLong(a) && fitsLong(b) && !(asLong(a) == Long.MIN_VALUE && asLong(b) == -1)) {
        return Math.floorDiv(asLong(a), asLong(b));
      }
      BigInteger[] qr = big(a).divideAndRemainder(big(b));
      BigInteger q = qr[0];
      if (qr[1].signum() != 0 && qr[1].signum() != big(b).signum()) {
        q = q.subtract(BigInteger.ONE);
      }
      return normalize(q);
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      double y = asDouble(b);
      if (y == 0) {
        throw new PythonError("ZeroDivisionError", "float floor division by zero");
      }
      return Math.floor(asDouble(a) / y);
    }
    throw unsupported("//", a, b);
  }

  static Object mod(Object a, Object b) {
    if (a instanceof String) {
      return PercentFormat.format((String) a, b);
    } else if (Py.isInt(a) && Py.isInt(b)) {
      if (big(b).signum() == 0) {
        throw new PythonError("ZeroDivisionError", "integer modulo by zero");
      }
      if (fitsLong(a) && fitsLong(b)) {
        return Math.floorMod(asLong(a), asLong(b));
      }
      BigInteger r = big(a).mod(big(b).abs());
      if (big(b).signum() < 0 && r.signum() != 0) {
        r = r.add(big(b));
      }
      return normalize(r);
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      double x = asDouble(a);
      double y = asDouble(b);
      if (y == 0) {
        throw new PythonError("ZeroDivisionError", "float modulo by zero");
      }
      double r = x % y;
      if (r != 0 && (r < 0) != (y < 0)) {
        r += y;
      } else if (r == 0) {
        r = Math.copySign(0.0, y);
      }
      return r;
    }
    throw unsupported("%", a, b);
  }

  static Object pow(Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      if (big(b).signum() >= 0) {
        if (big(b).bitLength() > 31) {
          throw new PythonError("OverflowError", "exponent too large");
        }
        return normalize(big(a).pow(big(b).intValue()));
      }
      if (big(a).signum() == 0) {
        throw new PythonError("ZeroDivisionError",
            "zero to a negative power");
      }
      return Math.pow(asDouble(a), asDouble(b));
    } else if (Py.isNumber(a) && Py.isNumber(b)) {
      double x = asDouble(a);
      double y = asDouble(b);
      if (x == 0 && y < 0) {
        throw new PythonError("ZeroDivisionError", "zero to a negative power");
      }
      double r = Math.pow(x, y);
      if (Double.isNaN(r) && x < 0) {
        throw new PythonError("ValueError", "math domain error");
      }
      return r;
    }
    throw unsupported("** or pow()", a, b);
  }

  static Object neg(Object a) {
    if (Py.isInt(a)) {
      return fitsLong(a) && asLong(a) != Long.MIN_VALUE ? (Object) (-asLong(a))
          : normalize(big(a).negate());
    } else if (Py.isFloat(a)) {
      return -asDouble(a);
    }
    throw new PythonError("TypeError", "bad operand type for unary -: '" + Py.typeName(a) + "'");
  }

  static Object pos(Object a) {
    if (a instanceof Boolean) {
      return asLong(a);
    } else if (Py.isNumber(a)) {
      return a;
    }
    throw new PythonError("TypeError", "bad operand type for unary +: '" + Py.typeName(a) + "'");
  }

  static Object invert(Object a) {
    if (Py.isInt(a)) {
      return normalize(big(a).not());
    }
    throw new PythonError("TypeError", "bad operand type for unary ~: '" + Py.typeName(a) + "'");
  }

  private static PythonError unsupported(String op, Object a, Object b) {
    return new PythonError("TypeError", "unsupported operand type(s) for " + op + ": '"
        + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
  }
}
