package io.jornado.httpclient;

import io.jornado.httputil.HttpStatus;
import io.jornado.util.JornadoException;
import java.util.Optional;

/**
 * A fetch that failed: a non-2xx answer (its code), or no answer at all (code 599, with a message
 * such as {@code Timeout while connecting}). {@code getMessage()} reads {@code HTTP 404: Not Found}.
 *
 * <p>Tornado: tornado.httpclient.HTTPClientError.
 */
public class HttpClientError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /** The status code, 599 for no response. */
  private final int code;
  private final transient HttpResponse response;

  /**
   * An error for a status code, with the standard reason as message.
   *
   * <p>Tornado: HTTPClientError(code).
   *
   * @param code the status code, 599 for no response
   */
  public HttpClientError(int code) {
    this(code, null, null, null);
  }

  /**
   * An error with a message and the response, if there was one.
   *
   * <p>Tornado: HTTPClientError(code, message, response).
   *
   * @param code the status code, 599 for no response
   * @param message the reason or failure text, or null for the standard reason
   * @param response the response, or null
   * @param cause the underlying failure, or null
   */
  public HttpClientError(int code, String message, HttpResponse response, Throwable cause) {
    super("HTTP " + code + ": " + (message != null ? message : HttpStatus.reason(code)), cause);
    this.code = code;
    this.response = response;
  }

  /**
   * Tornado: HTTPClientError.code.
   *
   * @return the status code, 599 for no response
   */
  public int code() {
    return code;
  }

  /**
   * Tornado: HTTPClientError.response.
   *
   * @return the response, if one arrived
   */
  public Optional<HttpResponse> response() {
    return Optional.ofNullable(response);
  }
}
