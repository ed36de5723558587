package io.jornado.httputil;

import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Tornado's netutil.is_valid_ip without a resolver: the literals glibc's numeric getaddrinfo
 * accepts. IPv4 in inet_aton's forms (one to four parts, decimal, octal with a leading 0, or hex
 * with 0x: {@code 127.1}, {@code 0x7f000001}); IPv6 with {@code ::}, an embedded dotted quad
 * (strict decimal) and a scope id that is a number up to 2^32-1 or a local interface's name.
 */
final class IpLiterals {
  private static final long MAX_32_BITS = 0xFFFF_FFFFL;

  private IpLiterals() {}

  static boolean isValid(String ip) {
    if (ip == null || ip.isEmpty()) {
      return false;
    }
    return ip.indexOf(':') >= 0 ? isIpv6(ip) : isInetAton(ip);
  }

  /** inet_aton: the last part fills the bytes the earlier parts (one byte each) leave. */
  private static boolean isInetAton(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length > 4) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      long value = atonPart(parts[i]);
      long max = i < parts.length - 1 ? 0xFF : MAX_32_BITS >>> (8 * i);
      if (value < 0 || value > max) {
        return false;
      }
    }
    return true;
  }

  /** A decimal, 0-prefixed octal or 0x-prefixed hex number; -1 when malformed or over 32 bits. */
  private static long atonPart(String part) {
    int radix = 10;
    int start = 0;
    if (part.length() > 1 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
      radix = 16;
      start = 2;
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      start = 1;
    }
    return number(part, start, radix);
  }

  private static long number(String text, int start, int radix) {
    if (start >= text.length()) {
      return -1;
    }
    long value = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = c < 0x80 ? Character.digit(c, radix) : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > MAX_32_BITS) {
        return -1;
      }
    }
    return value;
  }

  private static boolean isIpv6(String ip) {
    int percent = ip.indexOf('%');
    if (percent >= 0 && !isScope(ip.substring(percent + 1))) {
      return false;
    }
    String address = percent < 0 ? ip : ip.substring(0, percent);
    int groups = 0;
    String[] halves = address.split("::", -1);
    if (halves.length > 2) {
      return false;
    }
    for (int h = 0; h < halves.length; h++) {
      if (halves[h].isEmpty()) {
        continue;
      }
      String[] fields = halves[h].split(":", -1);
      for (int i = 0; i < fields.length; i++) {
        boolean last = h == halves.length - 1 && i == fields.length - 1;
        if (last && fields[i].indexOf('.') >= 0) {
          if (!isDottedQuad(fields[i])) {
            return false;
          }
          groups += 2;
        } else if (isHexGroup(fields[i])) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return halves.length == 2 ? groups <= 7 : groups == 8;
  }

  private static boolean isHexGroup(String field) {
    return !field.isEmpty() && field.length() <= 4 && number(field, 0, 16) >= 0;
  }

  /** Inside IPv6 an IPv4 tail must be four decimal parts without leading zeros. */
  private static boolean isDottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
          || number(part, 0, 10) < 0 || number(part, 0, 10) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isScope(String scope) {
    if (scope.isEmpty() || number(scope, 0, 10) >= 0) {
      return !scope.isEmpty();
    }
    try {
      return NetworkInterface.getByName(scope) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
