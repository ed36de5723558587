package io.jornado.web;

import java.util.Map;

/**
 * Answers every request with one status: configure with {@code Map.of("status_code", 404)}. It is
 * what an application uses when no rule matches and no {@code default_handler_class} is set. Every
 * method gets that status, a POST to an unknown URL included: the XSRF check (once
 * {@code xsrf_cookies} exists) must not apply here, so that such a POST gets 404, not 403.
 *
 * <p>Tornado: tornado.web.ErrorHandler.
 */
@SupportedMethods({"GET", "HEAD", "POST", "DELETE", "PATCH", "PUT", "OPTIONS"})
public class ErrorHandler extends RequestHandler {
  private int statusCode = 500;

  /** Tornado: ErrorHandler.__init__. */
  public ErrorHandler() {}

  /**
   * Reads {@code status_code}.
   *
   * <p>Tornado: ErrorHandler.initialize(status_code).
   *
   * @param kwargs must hold {@code status_code}
   */
  @Override
  public void initialize(Map<String, Object> kwargs) {
    Object code = kwargs.get("status_code");
    if (!(code instanceof Integer)) {
      throw new IllegalArgumentException("ErrorHandler needs an Integer status_code, got " + code);
    }
    statusCode = (Integer) code;
  }

  /** Tornado: ErrorHandler.prepare (raises HTTPError(status_code)). */
  @Override
  public void prepare() {
    throw new HttpError(statusCode);
  }
}
