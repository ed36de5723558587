package io.jornado.httpclient;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to fetch: URL, method, headers, body and the client's behaviour (redirects, timeouts,
 * whether non-2xx answers fail). Setters return this request.
 *
 * <p>Tornado: tornado.httpclient.HTTPRequest.
 */
public final class HttpRequest {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final String url;
  private String method = "GET";
  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
  private byte[] body;
  private boolean followRedirects = true;
  private int maxRedirects = 5;
  private Duration connectTimeout = Duration.ofSeconds(20);
  private Duration requestTimeout = Duration.ofSeconds(20);
  private String userAgent;
  private String authUsername;
  private String authPassword;
  private String authMode;
  private boolean decompressResponse = true;
  private Consumer<Buffer> streamingCallback;
  private Consumer<String> headerCallback;
  private boolean validateCert = true;
  private boolean allowNonstandardMethods;
  private boolean expect100Continue;

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

  /** The same request for another URL (a redirect's target); the headers are copied. */
  HttpRequest withUrl(String target) {
    HttpRequest copy = new HttpRequest(target);
    copy.method = method;
    copy.headers.addAll(headers);
    copy.body = body;
    copy.followRedirects = followRedirects;
    copy.maxRedirects = maxRedirects;
    copy.connectTimeout = connectTimeout;
    copy.requestTimeout = requestTimeout;
    copy.userAgent = userAgent;
    copy.authUsername = authUsername;
    copy.authPassword = authPassword;
    copy.authMode = authMode;
    copy.decompressResponse = decompressResponse;
    copy.streamingCallback = streamingCallback;
    copy.headerCallback = headerCallback;
    copy.validateCert = validateCert;
    copy.allowNonstandardMethods = allowNonstandardMethods;
    copy.expect100Continue = expect100Continue;
    return copy;
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
    return body(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Tornado: HTTPRequest(body=bytes).
   *
   * @param body the body
   * @return this request
   */
  public HttpRequest body(Buffer body) {
    return body(body == null ? null : body.getBytes());
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
    if (max < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + max);
    }
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
   * @param timeout the connect timeout (zero for none)
   * @return this request
   */
  public HttpRequest connectTimeout(Duration timeout) {
    this.connectTimeout = notNegative(timeout, "connectTimeout");
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
   * @param timeout the whole-request timeout (zero for none)
   * @return this request
   */
  public HttpRequest requestTimeout(Duration timeout) {
    this.requestTimeout = notNegative(timeout, "requestTimeout");
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

  /**
   * Basic authentication's user; a user in the URL ({@code http://user:pw@host/}) wins.
   *
   * <p>Tornado: HTTPRequest(auth_username=...).
   *
   * @param username the user name
   * @return this request
   */
  public HttpRequest authUsername(String username) {
    this.authUsername = username;
    return this;
  }

  /**
   * Tornado: HTTPRequest.auth_username.
   *
   * @return the user name, or null
   */
  public String authUsername() {
    return authUsername;
  }

  /**
   * Tornado: HTTPRequest(auth_password=...).
   *
   * @param password the password (empty when unset and a user is given)
   * @return this request
   */
  public HttpRequest authPassword(String password) {
    this.authPassword = password;
    return this;
  }

  /**
   * Tornado: HTTPRequest.auth_password.
   *
   * @return the password, or null
   */
  public String authPassword() {
    return authPassword;
  }

  /**
   * The authentication scheme: only {@code basic} is supported (Tornado's simple client); another
   * fails the fetch with {@link IllegalArgumentException} when credentials are given.
   *
   * <p>Tornado: HTTPRequest(auth_mode=...).
   *
   * @param mode {@code basic}, or null for the default
   * @return this request
   */
  public HttpRequest authMode(String mode) {
    this.authMode = mode;
    return this;
  }

  /**
   * Tornado: HTTPRequest.auth_mode.
   *
   * @return the scheme, or null for basic
   */
  public String authMode() {
    return authMode;
  }

  /**
   * Whether to send {@code Accept-Encoding: gzip} and inflate a gzip answer (whose
   * {@code Content-Encoding} header is then renamed {@code X-Consumed-Content-Encoding}). On by default.
   *
   * <p>Tornado: HTTPRequest(decompress_response=...), formerly use_gzip.
   *
   * @param decompress whether to ask for and inflate gzip
   * @return this request
   */
  public HttpRequest decompressResponse(boolean decompress) {
    this.decompressResponse = decompress;
    return this;
  }

  /**
   * Tornado: HTTPRequest.decompress_response.
   *
   * @return whether gzip answers are inflated
   */
  public boolean decompressResponse() {
    return decompressResponse;
  }

  /**
   * Receives the body chunk by chunk as it arrives (inflated when decompressing); the response's body
   * is then empty. Called on the client's loop.
   *
   * <p>Tornado: HTTPRequest(streaming_callback=...).
   *
   * @param callback takes each chunk
   * @return this request
   */
  public HttpRequest streamingCallback(Consumer<Buffer> callback) {
    this.streamingCallback = callback;
    return this;
  }

  /**
   * Tornado: HTTPRequest.streaming_callback.
   *
   * @return the chunk callback, or null
   */
  public Consumer<Buffer> streamingCallback() {
    return streamingCallback;
  }

  /**
   * Receives the response head line by line: the status line ({@code HTTP/1.1 200 OK\r\n}), each
   * header ({@code Name: value\r\n}, names in Tornado's Title-Case), then {@code \r\n}. Not called
   * for redirects that are followed.
   *
   * <p>Tornado: HTTPRequest(header_callback=...).
   *
   * @param callback takes each line, CRLF included
   * @return this request
   */
  public HttpRequest headerCallback(Consumer<String> callback) {
    this.headerCallback = callback;
    return this;
  }

  /**
   * Tornado: HTTPRequest.header_callback.
   *
   * @return the header callback, or null
   */
  public Consumer<String> headerCallback() {
    return headerCallback;
  }

  /**
   * Whether an https server's certificate must be valid for its host (default true); false trusts any.
   *
   * <p>Tornado: HTTPRequest(validate_cert=...).
   *
   * @param validate whether to check the certificate
   * @return this request
   */
  public HttpRequest validateCert(boolean validate) {
    this.validateCert = validate;
    return this;
  }

  /**
   * Tornado: HTTPRequest.validate_cert.
   *
   * @return whether certificates are checked
   */
  public boolean validateCert() {
    return validateCert;
  }

  /**
   * Allows a method outside GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, and a body where the method
   * does not expect one (or none where it does); without it those fail the fetch with
   * {@link IllegalArgumentException}.
   *
   * <p>Tornado: HTTPRequest(allow_nonstandard_methods=...).
   *
   * @param allow whether to skip the method and body checks
   * @return this request
   */
  public HttpRequest allowNonstandardMethods(boolean allow) {
    this.allowNonstandardMethods = allow;
    return this;
  }

  /**
   * Tornado: HTTPRequest.allow_nonstandard_methods.
   *
   * @return whether the method and body checks are skipped
   */
  public boolean allowNonstandardMethods() {
    return allowNonstandardMethods;
  }

  /**
   * Sets the {@code If-Modified-Since} header to this time as an HTTP date.
   *
   * <p>Tornado: HTTPRequest(if_modified_since=...).
   *
   * @param time the time
   * @return this request
   */
  public HttpRequest ifModifiedSince(Instant time) {
    headers.set("If-Modified-Since", HTTP_DATE.format(time));
    return this;
  }

  /**
   * Sends {@code Expect: 100-continue} and the body only after the server's {@code 100 Continue}.
   *
   * <p>Tornado: HTTPRequest(expect_100_continue=...).
   *
   * @param expect whether to wait for 100 Continue before the body
   * @return this request
   */
  public HttpRequest expect100Continue(boolean expect) {
    this.expect100Continue = expect;
    return this;
  }

  /**
   * Tornado: HTTPRequest.expect_100_continue.
   *
   * @return whether the body waits for 100 Continue
   */
  public boolean expect100Continue() {
    return expect100Continue;
  }

  private static Duration notNegative(Duration timeout, String name) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive: " + timeout);
    }
    return timeout;
  }
}
