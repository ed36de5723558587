package io.jornado.httputil;

import io.jornado.httpserver.ServerOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as a handler sees it: method, target, headers, body and the arguments parsed from
 * the query string and from urlencoded or multipart bodies (JSON bodies are not parsed, as in Tornado).
 *
 * <p>Argument values are decoded as UTF-8; a value that is not valid UTF-8 is kept with replacement
 * characters here and makes {@code RequestHandler.getArgument} answer 400, as Tornado's
 * {@code decode_argument} does.
 *
 * <p>Tornado: tornado.httputil.HTTPServerRequest.
 */
public final class ServerRequest {
  private static final byte[] NO_BODY = new byte[0];
  private static final ServerOptions DEFAULT_OPTIONS = new ServerOptions();

  private final ServerOptions serverOptions;
  private long maxBodySize;

  private final HttpServerRequest vertxRequest;
  private final String method;
  private final String uri;
  private final String path;
  private final String query;
  private final long startNanos;
  private byte[] body = NO_BODY;
  private long finishNanos;
  private String remoteIp;
  private String protocol;
  private Arguments queryArguments;
  private Arguments bodyArguments;
  private Arguments arguments;
  private Map<String, List<HttpFile>> files;
  private Map<String, String> cookies;

  /**
   * Wraps a Vert.x request; the framework makes these, applications receive them.
   *
   * <p>Tornado: HTTPServerRequest.__init__.
   *
   * @param vertxRequest the Vert.x request
   * @param startNanos {@link System#nanoTime()} when the request arrived
   */
  public ServerRequest(HttpServerRequest vertxRequest, long startNanos) {
    this(vertxRequest, startNanos, DEFAULT_OPTIONS);
  }

  /**
   * Wraps a Vert.x request received by a server with the given options (which decide, among other
   * things, whether proxy headers are trusted).
   *
   * <p>Tornado: HTTPServerRequest.__init__ (with the connection's HTTPServer settings).
   *
   * @param vertxRequest the Vert.x request
   * @param startNanos {@link System#nanoTime()} when the request arrived
   * @param serverOptions the options of the server that received it
   */
  public ServerRequest(HttpServerRequest vertxRequest, long startNanos, ServerOptions serverOptions) {
    this.serverOptions = serverOptions;
    this.vertxRequest = vertxRequest;
    this.method = vertxRequest.method().name();
    this.uri = vertxRequest.uri();
    int q = uri.indexOf('?');
    this.path = q < 0 ? uri : uri.substring(0, q);
    this.query = q < 0 ? "" : uri.substring(q + 1);
    this.startNanos = startNanos;
  }

  /**
   * Tornado: HTTPServerRequest.server_connection (its settings).
   *
   * @return the options of the server that received this request
   */
  public ServerOptions serverOptions() {
    return serverOptions;
  }

  /**
   * Changes the body limit for this request only, from a {@code @StreamRequestBody} handler's
   * {@code prepare()} (the body of other handlers is read before any of their code runs): an upload
   * endpoint can accept more than the server's {@code max_body_size}, or less.
   *
   * <p>Tornado: HTTP1Connection.set_max_body_size (as request.connection.set_max_body_size).
   *
   * @param bytes the limit, positive
   * @throws IllegalArgumentException when not positive
   */
  public void maxBodySize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max_body_size must be positive, got " + bytes);
    }
    this.maxBodySize = bytes;
  }

  /**
   * Tornado: HTTP1Connection._max_body_size.
   *
   * @return this request's body limit: the server's {@code max_body_size} unless changed
   */
  public long maxBodySize() {
    return maxBodySize > 0 ? maxBodySize : serverOptions.maxBodySize();
  }

  /**
   * Sets the buffered body; called by the framework once it has been read.
   *
   * <p>Tornado: (HTTPServerRequest.body is assigned by the connection).
   *
   * @param body the whole body
   */
  public void body(byte[] body) {
    this.body = body == null ? NO_BODY : body;
    this.bodyArguments = null;
    this.arguments = null;
    this.files = null;
  }

  /**
   * Marks the request finished, fixing {@link #requestTime()}.
   *
   * <p>Tornado: HTTPServerRequest._finish_time.
   */
  public void markFinished() {
    finishNanos = System.nanoTime();
  }

  /**
   * The underlying Vert.x request.
   *
   * <p>Tornado: (HTTPServerRequest.connection is the nearest).
   *
   * @return the Vert.x request
   */
  public HttpServerRequest vertxRequest() {
    return vertxRequest;
  }

  /**
   * Tornado: HTTPServerRequest.method.
   *
   * @return e.g. {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * Tornado: HTTPServerRequest.uri.
   *
   * @return the request target as sent, path and query
   */
  public String uri() {
    return uri;
  }

  /**
   * Tornado: HTTPServerRequest.path.
   *
   * @return the target up to {@code ?}, still %-encoded
   */
  public String path() {
    return path;
  }

  /**
   * Tornado: HTTPServerRequest.query.
   *
   * @return the target after {@code ?}, or empty
   */
  public String query() {
    return query;
  }

  /**
   * Tornado: HTTPServerRequest.version.
   *
   * @return {@code HTTP/1.1}, {@code HTTP/1.0} or {@code HTTP/2.0}
   */
  public String version() {
    HttpVersion v = vertxRequest.version();
    return v == HttpVersion.HTTP_1_0 ? "HTTP/1.0" : v == HttpVersion.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1";
  }

  /**
   * Tornado: HTTPServerRequest.headers.
   *
   * @return the request headers, case-insensitive
   */
  public MultiMap headers() {
    return vertxRequest.headers();
  }

  /**
   * Tornado: HTTPServerRequest.body.
   *
   * @return the body bytes (empty when there is none)
   */
  public byte[] body() {
    return body;
  }

  /**
   * Tornado: HTTPServerRequest.body, decoded.
   *
   * @return the body as UTF-8 text
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The client's address; with {@link ServerOptions#xheaders(boolean)} on, the one a proxy reports
   * in {@code X-Real-Ip} or (skipping {@link ServerOptions#trustedDownstream(List)}) in
   * {@code X-Forwarded-For}, when it is an IP literal.
   *
   * <p>Tornado: HTTPServerRequest.remote_ip.
   *
   * @return the client's address
   */
  public String remoteIp() {
    if (remoteIp == null) {
      SocketAddress address = vertxRequest.remoteAddress();
      String socketIp = address == null ? "" : address.hostAddress() != null ? address.hostAddress() : address.host();
      remoteIp = serverOptions.xheaders()
          ? ProxyHeaders.remoteIp(vertxRequest.headers(), socketIp, serverOptions.trustedDownstream()) : socketIp;
    }
    return remoteIp;
  }

  /**
   * The scheme; with {@link ServerOptions#xheaders(boolean)} on, the one a proxy reports in
   * {@code X-Scheme} or {@code X-Forwarded-Proto} when it is {@code http} or {@code https}.
   *
   * <p>Tornado: HTTPServerRequest.protocol.
   *
   * @return {@code http} or {@code https}
   */
  public String protocol() {
    if (protocol == null) {
      String socketProtocol = vertxRequest.isSSL() ? "https" : "http";
      protocol = serverOptions.xheaders() ? ProxyHeaders.protocol(vertxRequest.headers(), socketProtocol) : socketProtocol;
    }
    return protocol;
  }

  /**
   * Tornado: HTTPServerRequest.host.
   *
   * @return the Host header, or {@code 127.0.0.1} without one
   */
  public String host() {
    String host = vertxRequest.headers().get("Host");
    return host == null || host.isEmpty() ? "127.0.0.1" : host;
  }

  /**
   * Tornado: HTTPServerRequest.host_name.
   *
   * @return the host lower-cased, without its port
   */
  public String hostName() {
    String host = host().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(0, end + 1) : host;
    }
    int colon = host.lastIndexOf(':');
    return colon >= 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
  }

  /**
   * Tornado: HTTPServerRequest.full_url().
   *
   * @return protocol, host and uri
   */
  public String fullUrl() {
    return protocol() + "://" + host() + uri;
  }

  /**
   * Tornado: HTTPServerRequest.request_time().
   *
   * @return seconds since the request arrived, or its duration once finished
   */
  public double requestTime() {
    long end = finishNanos != 0 ? finishNanos : System.nanoTime();
    return (end - startNanos) / 1e9;
  }

  /**
   * Tornado: HTTPServerRequest.query_arguments.
   *
   * @return query arguments by name
   */
  public Map<String, List<String>> queryArguments() {
    return Collections.unmodifiableMap(parsedQuery().values);
  }

  /**
   * Body arguments from an urlencoded or multipart body.
   *
   * <p>Tornado: HTTPServerRequest.body_arguments.
   *
   * @return body arguments by name
   * @throws IllegalArgumentException when the body cannot be parsed
   */
  public Map<String, List<String>> bodyArguments() {
    return Collections.unmodifiableMap(parsedBody().values);
  }

  /**
   * Tornado: HTTPServerRequest.arguments.
   *
   * @return query then body arguments by name
   */
  public Map<String, List<String>> arguments() {
    return Collections.unmodifiableMap(parsedAll().values);
  }

  /**
   * Tornado: HTTPServerRequest.files.
   *
   * @return uploaded files by field name
   */
  public Map<String, List<HttpFile>> files() {
    parsedBody();
    return Collections.unmodifiableMap(files);
  }

  /**
   * Tornado: HTTPServerRequest.cookies.
   *
   * @return cookies from the Cookie header by name
   */
  public Map<String, String> cookies() {
    if (cookies == null) {
      cookies = Cookies.parse(vertxRequest.headers().getAll("Cookie"));
    }
    return Collections.unmodifiableMap(cookies);
  }

  /**
   * Parses the body now, so that a malformed one fails before the handler runs.
   *
   * <p>Tornado: HTTPServerRequest._parse_body.
   *
   * @throws IllegalArgumentException naming what is wrong with the body
   */
  public void parseBody() {
    parsedBody();
  }

  /**
   * The values of one argument, with the raw bytes of the first value that was not valid UTF-8.
   *
   * <p>Tornado: (RequestHandler._get_arguments reads request.arguments through decode_argument).
   *
   * @param source {@code "query"}, {@code "body"} or anything else for both
   * @param name the argument name
   * @return the values, and the invalid bytes or null
   */
  public ArgumentValues argumentValues(String source, String name) {
    Arguments from = "query".equals(source) ? parsedQuery() : "body".equals(source) ? parsedBody() : parsedAll();
    return new ArgumentValues(from.get(name), from.invalid.get(name));
  }

  /**
   * An argument's values and, when one was not valid UTF-8, its raw bytes.
   *
   * <p>Tornado: (internal).
   *
   * @param values the decoded values
   * @param invalidBytes raw bytes of an invalid value, or null
   */
  public record ArgumentValues(List<String> values, byte[] invalidBytes) {}

  private Arguments parsedQuery() {
    if (queryArguments == null) {
      queryArguments = FormParser.parseQuery(query);
    }
    return queryArguments;
  }

  private Arguments parsedBody() {
    if (bodyArguments == null && body.length == 0) {
      bodyArguments = Arguments.EMPTY;
      files = Map.of();
    } else if (bodyArguments == null) {
      Map<String, List<HttpFile>> parsedFiles = new LinkedHashMap<>();
      bodyArguments = FormParser.parseBody(vertxRequest.headers().get("Content-Type"), body, parsedFiles);
      files = parsedFiles;
    }
    return bodyArguments;
  }

  private Arguments parsedAll() {
    if (arguments == null) {
      arguments = Arguments.merge(parsedQuery(), parsedBody());
    }
    return arguments;
  }

  @Override
  public String toString() {
    return "ServerRequest(protocol='" + protocol() + "', host='" + host() + "', method='" + method
        + "', uri='" + uri + "', version='" + version() + "', remote_ip='" + remoteIp() + "')";
  }
}
