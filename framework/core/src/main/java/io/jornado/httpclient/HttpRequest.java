package io.jornado.httpclient;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What to fetch: URL, method, headers, body and the client's behaviour (redirects, timeouts,
 * whether non-2xx answers fail). Setters return this request.
 *
 * <p>Tornado: tornado.httpclient.HTTPRequest.
 */
public final class HttpRequest {
  private final String url;
  private String method = "GET";
  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
  private byte[] body;
  private boolean followRedirects = true;
  private int maxRedirects = 5;
  private Duration connectTimeout = Duration.ofSeconds(20);
  private Duration requestTimeout = Duration.ofSeconds(20);
  private String userAgent;

  /**
   * A GET of a URL.
   *
   * <p>Tornado: HTTPRequest(url).
   *
   * @param url an absolute http or https URL
   */
  public HttpRequest(String url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  /**
   * Tornado: HTTPRequest.url.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Tornado: HTTPRequest(method=...).
   *
   * @param method e.g. POST
   * @return this request
   */
  public HttpRequest method(String method) {
    this.method = Objects.requireNonNull(method, "method");
    return this;
  }

  /**
   * Tornado: HTTPRequest.method.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Tornado: HTTPRequest(headers=...).
   *
   * @param name a header name
   * @param value its value
   * @return this request
   */
  public HttpRequest header(String name, String value) {
    headers.add(name, value);
    return this;
  }

  /**
   * Tornado: HTTPRequest.headers.
   *
   * @return the request headers
   */
  public MultiMap headers() {
    return headers;
  }

  /**
   * Tornado: HTTPRequest(body=...).
   *
   * @param body the body bytes
   * @return this request
   */
  public HttpRequest body(byte[] body) {
    this.body = body;
    return this;
  }

  /**
   * Tornado: HTTPRequest(body=str).
   *
   * @param body the body, sent as UTF-8
   * @return this request
   */
  public HttpRequest body(String body) {
    return body(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Tornado: HTTPRequest.body.
   *
   * @return the body, or null
   */
  public byte[] body() {
    return body;
  }

  /**
   * Tornado: HTTPRequest(follow_redirects=...).
   *
   * @param follow whether to follow 3xx
   * @return this request
   */
  public HttpRequest followRedirects(boolean follow) {
    this.followRedirects = follow;
    return this;
  }

  /**
   * Tornado: HTTPRequest.follow_redirects.
   *
   * @return whether redirects are followed
   */
  public boolean followRedirects() {
    return followRedirects;
  }

  /**
   * Tornado: HTTPRequest(max_redirects=...).
   *
   * @param max how many redirects to follow
   * @return this request
   */
  public HttpRequest maxRedirects(int max) {
    this.maxRedirects = max;
    return this;
  }

  /**
   * Tornado: HTTPRequest.max_redirects.
   *
   * @return the redirect limit
   */
  public int maxRedirects() {
    return maxRedirects;
  }

  /**
   * Tornado: HTTPRequest(connect_timeout=...).
   *
   * @param timeout the connect timeout
   * @return this request
   */
  public HttpRequest connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  /**
   * Tornado: HTTPRequest.connect_timeout.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Tornado: HTTPRequest(request_timeout=...).
   *
   * @param timeout the whole-request timeout
   * @return this request
   */
  public HttpRequest requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  /**
   * Tornado: HTTPRequest.request_timeout.
   *
   * @return the whole-request timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Tornado: HTTPRequest(user_agent=...).
   *
   * @param agent the User-Agent
   * @return this request
   */
  public HttpRequest userAgent(String agent) {
    this.userAgent = agent;
    return this;
  }

  /**
   * Tornado: HTTPRequest.user_agent.
   *
   * @return the User-Agent, or null for the default
   */
  public String userAgent() {
    return userAgent;
  }
}
