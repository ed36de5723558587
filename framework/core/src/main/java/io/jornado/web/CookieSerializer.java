package io.jornado.web;

import io.jornado.util.PythonCookies;
import io.jornado.util.PythonText;
import java.time.Instant;

/**
 * Writes a {@code Set-Cookie} value as Tornado does through Python's SimpleCookie: the value quoted
 * by {@code _quote}, then the attributes in Morsel's (alphabetical) order.
 */
final class CookieSerializer {
  private CookieSerializer() {}

  /**
   * The header value for one cookie.
   *
   * @param expires the expiry to send, or null for none
   * @throws IllegalArgumentException naming the offending name, value or attribute
   */
  static String setCookieValue(String name, String value, CookieOptions options, Instant expires) {
    checkNameAndValue(name, value);
    StringBuilder line = new StringBuilder(name).append('=').append(PythonCookies.quote(value));
    if (isSet(options.domain)) {
      line.append("; Domain=").append(checked("domain", options.domain));
    }
    if (expires != null) {
      line.append("; expires=").append(HttpDates.format(expires));
    }
    if (options.httpOnly) {
      line.append("; HttpOnly");
    }
    if (options.maxAge != null && options.maxAge != 0) {
      line.append("; Max-Age=").append(options.maxAge);
    }
    if (isSet(options.path)) {
      line.append("; Path=").append(checked("path", options.path));
    }
    if (isSet(options.sameSite)) {
      line.append("; SameSite=").append(checked("sameSite", options.sameSite));
    }
    if (options.secure) {
      line.append("; Secure");
    }
    return line.toString();
  }

  private static void checkNameAndValue(String name, String value) {
    String both = name + value;
    for (int i = 0; i < both.length(); i++) {
      if (both.charAt(i) <= ' ') {
        throw new IllegalArgumentException("Invalid cookie " + PythonText.repr(name) + ": " + PythonText.repr(value));
      }
    }
    if (value.chars().anyMatch(c -> c > 0xff)) {
      throw new IllegalArgumentException("Invalid cookie value " + PythonText.repr(value)
          + ": characters above \\xff cannot go in a header");
    }
    if (PythonCookies.isReservedName(name)) {
      throw new IllegalArgumentException("Invalid cookie name " + PythonText.repr(name) + ": it is a reserved attribute name");
    }
    if (!PythonCookies.isLegalName(name)) {
      throw new IllegalArgumentException("Invalid cookie name " + PythonText.repr(name)
          + ": only letters, digits and !#$%&'*+-.^_`|~: are allowed");
    }
  }

  private static String checked(String what, String text) {
    if (!HeaderValues.isSafe(text)) {
      throw new IllegalArgumentException("Invalid cookie " + what + " " + PythonText.repr(text)
          + ": a header can carry only tab, printable ASCII and \\x80-\\xff");
    }
    return text;
  }

  private static boolean isSet(String attribute) {
    return attribute != null && !attribute.isEmpty();
  }
}
