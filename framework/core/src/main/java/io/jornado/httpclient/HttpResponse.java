package io.jornado.httpclient;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A fetched response: status, reason, headers, body, the URL it finally came from and how long it
 * took; {@link #error()} is set for non-2xx answers.
 *
 * <p>Tornado: tornado.httpclient.HTTPResponse.
 */
public final class HttpResponse {
  private final HttpRequest request;
  private final int code;
  private final String reason;
  private final MultiMap headers;
  private final byte[] body;
  private final String effectiveUrl;
  private final double requestTime;
  private final Instant startTime;

  HttpResponse(HttpRequest request, int code, String reason, MultiMap headers, byte[] body, String effectiveUrl,
      double requestTime, Instant startTime) {
    this.request = request;
    this.code = code;
    this.reason = reason;
    this.headers = headers;
    this.body = body;
    this.effectiveUrl = effectiveUrl;
    this.requestTime = requestTime;
    this.startTime = startTime;
  }

  /**
   * Tornado: HTTPResponse.request.
   *
   * @return the request
   */
  public HttpRequest request() {
    return request;
  }

  /**
   * Tornado: HTTPResponse.code.
   *
   * @return the status code
   */
  public int code() {
    return code;
  }

  /**
   * Tornado: HTTPResponse.reason.
   *
   * @return the reason phrase from the status line
   */
  public String reason() {
    return reason;
  }

  /**
   * Tornado: HTTPResponse.headers.
   *
   * @return the response headers
   */
  public MultiMap headers() {
    return headers;
  }

  /**
   * Tornado: HTTPResponse.body.
   *
   * @return the body bytes (empty when a streaming callback took them)
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Tornado: HTTPResponse.body decoded.
   *
   * @return the body as UTF-8 text
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Tornado: HTTPResponse.effective_url.
   *
   * @return the URL after redirects
   */
  public String effectiveUrl() {
    return effectiveUrl;
  }

  /**
   * Tornado: HTTPResponse.request_time.
   *
   * @return seconds from sending (after any wait in the client's queue) to the end of the body
   */
  public double requestTime() {
    return requestTime;
  }

  /**
   * Tornado: HTTPResponse.start_time.
   *
   * @return the wall-clock time the request left the client's queue
   */
  public Instant startTime() {
    return startTime;
  }

  /**
   * Tornado: HTTPResponse.error.
   *
   * @return an HttpClientError for a non-2xx code
   */
  public Optional<HttpClientError> error() {
    return code >= 200 && code < 300 ? Optional.empty() : Optional.of(new HttpClientError(code, reason, this, null));
  }

  /** Tornado: HTTPResponse.rethrow. Throws {@link #error()} if there is one. */
  public void rethrow() {
    Optional<HttpClientError> error = error();
    if (error.isPresent()) {
      throw error.get();
    }
  }

  @Override
  public String toString() {
    return "HttpResponse(" + code + " " + reason + ", " + effectiveUrl + ", " + body.length + " bytes)";
  }
}
