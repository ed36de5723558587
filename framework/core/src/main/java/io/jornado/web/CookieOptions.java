package io.jornado.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The attributes of a cookie set by {@link RequestHandler#setCookie(String, String, CookieOptions)}:
 * Tornado's {@code set_cookie} keyword arguments as a builder.
 *
 * <pre>{@code
 * setCookie("session", id, new CookieOptions().expiresDays(30).httpOnly(true).sameSite("Lax"));
 * }</pre>
 *
 * <p>Tornado: the keyword arguments of RequestHandler.set_cookie.
 */
public final class CookieOptions {
  String domain;
  Instant expires;
  String path = "/";
  Double expiresDays;
  Long maxAge;
  boolean httpOnly;
  boolean secure;
  String sameSite;

  /** Options with Tornado's defaults: {@code Path=/} and nothing else. Tornado: set_cookie(name, value). */
  public CookieOptions() {}

  /**
   * The {@code Domain} attribute; null or empty sends none.
   *
   * <p>Tornado: set_cookie(domain=...).
   *
   * @param domain the domain
   * @return these options
   */
  public CookieOptions domain(String domain) {
    this.domain = domain;
    return this;
  }

  /**
   * The {@code expires} attribute, an HTTP date to the second; wins over {@link #expiresDays(double)}.
   *
   * <p>Tornado: set_cookie(expires=...) with a timestamp.
   *
   * @param expires when the cookie expires
   * @return these options
   */
  public CookieOptions expires(Instant expires) {
    this.expires = Objects.requireNonNull(expires, "expires");
    return this;
  }

  /**
   * The {@code expires} attribute from a zoned date-time (sent in GMT).
   *
   * <p>Tornado: set_cookie(expires=...) with a datetime.
   *
   * @param expires when the cookie expires
   * @return these options
   */
  public CookieOptions expires(ZonedDateTime expires) {
    return expires(expires.toInstant());
  }

  /**
   * The {@code Path} attribute, {@code /} by default; null or empty sends none.
   *
   * <p>Tornado: set_cookie(path="/").
   *
   * @param path the path
   * @return these options
   */
  public CookieOptions path(String path) {
    this.path = path;
    return this;
  }

  /**
   * Sets {@code expires} this many days (fractions allowed) after the cookie is set, unless
   * {@link #expires(Instant)} is given.
   *
   * <p>Tornado: set_cookie(expires_days=...).
   *
   * @param days days from now, possibly fractional or negative
   * @return these options
   */
  public CookieOptions expiresDays(double days) {
    this.expiresDays = days;
    return this;
  }

  /**
   * The {@code Max-Age} attribute in seconds; 0 sends none (as Tornado's {@code if max_age:}).
   *
   * <p>Tornado: set_cookie(max_age=...).
   *
   * @param seconds the lifetime in seconds
   * @return these options
   */
  public CookieOptions maxAge(long seconds) {
    this.maxAge = seconds;
    return this;
  }

  /**
   * Whether to send the {@code HttpOnly} flag.
   *
   * <p>Tornado: set_cookie(httponly=...).
   *
   * @param value true to send it
   * @return these options
   */
  public CookieOptions httpOnly(boolean value) {
    this.httpOnly = value;
    return this;
  }

  /**
   * Whether to send the {@code Secure} flag.
   *
   * <p>Tornado: set_cookie(secure=...).
   *
   * @param value true to send it
   * @return these options
   */
  public CookieOptions secure(boolean value) {
    this.secure = value;
    return this;
  }

  /**
   * The {@code SameSite} attribute ({@code Strict}, {@code Lax} or {@code None}); null or empty
   * sends none.
   *
   * <p>Tornado: set_cookie(samesite=...).
   *
   * @param value the value, sent as given
   * @return these options
   */
  public CookieOptions sameSite(String value) {
    this.sameSite = value;
    return this;
  }

  /** The expiry these options give a cookie set at {@code now}, or null for a session cookie. */
  Instant expiresAt(Instant now) {
    if (expires != null || expiresDays == null) {
      return expires;
    }
    return now.plusMillis(Math.round(expiresDays * 86_400_000d));
  }
}
