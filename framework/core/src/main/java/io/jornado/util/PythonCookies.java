package io.jornado.util;

import java.util.Locale;
import java.util.Set;

/**
 * Python's {@code http.cookies} rules where Tornado's cookies depend on them: which names a
 * {@code SimpleCookie} accepts, how a {@code Set-Cookie} value is quoted, and how a quoted value is
 * read back.
 *
 * <p>Tornado: (Python's http.cookies {@code _is_legal_key}, {@code Morsel._reserved}, {@code _quote},
 * {@code _unquote}, as RequestHandler.set_cookie and httputil.parse_cookie use them).
 */
public final class PythonCookies {
  private static final String LEGAL_CHARS = "!#$%&'*+-.^_`|~:";
  private static final String UNESCAPED_CHARS = " ()/<=>?@[]{}";
  private static final Set<String> RESERVED =
      Set.of("expires", "path", "comment", "domain", "max-age", "secure", "httponly", "version", "samesite");

  private PythonCookies() {}

  /**
   * Whether a cookie name is non-empty and made only of letters, digits and {@code !#$%&'*+-.^_`|~:}.
   *
   * <p>Tornado: (Python's http.cookies._is_legal_key).
   *
   * @param name the name
   * @return true when a SimpleCookie accepts it as a key (reserved names aside)
   */
  public static boolean isLegalName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isLegalChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name is one of the attribute names a SimpleCookie refuses as a cookie name
   * ({@code path}, {@code Expires}, {@code max-age}...), in any case.
   *
   * <p>Tornado: (Python's http.cookies Morsel._reserved).
   *
   * @param name the name
   * @return true when reserved
   */
  public static boolean isReservedName(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Quotes a value for {@code Set-Cookie}: a value of legal characters only is sent as it is; any
   * other is double-quoted, with {@code "} and {@code \} backslash-escaped and characters up to
   * U+00FF outside the legal set, space and {@code ()/<=>?@[]{}} written as three-digit octal
   * escapes ({@code ;} becomes {@code \073}). Characters above U+00FF are left as they are.
   *
   * <p>Tornado: (Python's http.cookies._quote).
   *
   * @param value the value
   * @return the value as it goes on the wire
   */
  public static String quote(String value) {
    if (isLegalName(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c > 0xff || isLegalChar(c) || UNESCAPED_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
      }
    }
    return out.append('"').toString();
  }

  /**
   * Reads a cookie value back: only a value in double quotes has its escapes decoded ({@code \073}
   * octal escapes from {@code \000} to {@code \377}, and a backslash before any other character).
   *
   * <p>Tornado: httputil._unquote_cookie (Python's http.cookies._unquote).
   *
   * @param value the value as received
   * @return the decoded value
   */
  public static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    String inner = value.substring(1, value.length() - 1);
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && isOctalEscape(inner, i + 1)) {
        out.append((char) Integer.parseInt(inner.substring(i + 1, i + 4), 8));
        i += 3;
      } else if (c == '\\' && i + 1 < inner.length()) {
        out.append(inner.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isLegalChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || LEGAL_CHARS.indexOf(c) >= 0;
  }

  private static boolean isOctalEscape(String s, int at) {
    if (at + 3 > s.length() || s.charAt(at) < '0' || s.charAt(at) > '3') {
      return false;
    }
    for (int i = at + 1; i < at + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
