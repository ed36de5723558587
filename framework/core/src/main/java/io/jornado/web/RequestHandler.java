package io.jornado.web;

import io.jornado.escape.Escape;
import io.jornado.gen.Coroutine;
import io.jornado.util.HookQueue;
import io.jornado.util.VirtualThreads;
import io.jornado.util.PythonText;
import io.jornado.httputil.HttpStatus;
import io.jornado.httputil.ServerRequest;
import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.jornado.template.BaseLoader;
import io.jornado.template.Loader;
import io.jornado.template.Template;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves one request. Subclass it and add public verb methods named after HTTP methods, taking one
 * {@code String} per group of the route's pattern and returning {@code void} (the response finishes
 * on return) or a {@code Future} (it finishes when the future completes):
 *
 * <pre>{@code
 * public class StoryHandler extends RequestHandler {
 *   public void get(String storyId) { write("You requested the story " + storyId); }
 * }
 * }</pre>
 *
 * <p>A handler runs on one event loop, so its code is single-threaded as in Tornado. The lifecycle
 * per request: construction, {@link #setDefaultHeaders()}, {@link #initialize(Map)}, the 405 check
 * for methods outside {@link SupportedMethods}, body parsing, {@link #prepare()}, the verb method,
 * {@link #finish()}, the access log, {@link #onFinish()}.
 *
 * <p>Tornado: tornado.web.RequestHandler.
 */
public class RequestHandler {
  private static final String[] NO_PATH_ARGS = new String[0];

  private Application application;
  private ServerRequest request;
  private HttpServerResponse response;
  Route route;
  /** Where the handler's hooks run: the event loop, or for a {@link Coroutine} class its virtual-thread context. */
  private Context context;
  private Context loopContext;
  /** Orders the hooks of a {@link Coroutine} handler on its virtual thread; null on the event loop. */
  private HookQueue hooks;
  private String[] rawPathArgs;
  private String[] pathArgs = NO_PATH_ARGS;
  private Map<String, String> pathKwargs = Map.of();
  private int status = 200;
  private String reason = "OK";
  private Buffer writeBuffer;
  private boolean ownsWriteBuffer;
  private boolean headersWritten;
  private boolean finished;
  private boolean detached;
  boolean requestPaused;
  private boolean connectionLost;
  private Object currentUser;
  private boolean currentUserLoaded;
  private Map<String, String> newCookies;
  private GzipContentEncoding gzip;
  private Rendering rendering;

  /** Handlers are made by the application, one per request. Tornado: RequestHandler.__init__. */
  public RequestHandler() {}

  final void attach(Application application, ServerRequest request, Route route, String[] rawPathArgs, Map<String, String> rawKwargs) {
    this.application = application;
    this.request = request;
    this.response = request.vertxRequest().response();
    this.route = route;
    this.context = Vertx.currentContext();
    this.loopContext = context;
    if (route.type.coroutine && context != null) {
      hooks = new HookQueue(VirtualThreads.newContext(context));
      context = hooks.context();
    }
    this.rawPathArgs = rawPathArgs;
    this.pathKwargs = rawKwargs;
    clear();
    initialize(route.kwargs);
  }

  // ---- hooks -------------------------------------------------------------------------------

  /**
   * Receives the route's keyword arguments; override to keep what the handler needs.
   *
   * <p>Tornado: RequestHandler.initialize(**kwargs).
   *
   * @param kwargs the arguments given in {@code url(pattern, Handler.class, kwargs)}
   */
  public void initialize(Map<String, Object> kwargs) {}

  /**
   * Sets headers every response of this handler carries, errors included.
   *
   * <p>Tornado: RequestHandler.set_default_headers.
   */
  public void setDefaultHeaders() {}

  /**
   * Runs before the verb method; may finish the response itself, which skips the verb.
   *
   * <p>Tornado: RequestHandler.prepare.
   */
  public void prepare() {}

  /**
   * The asynchronous form of {@link #prepare()}: override to return a future the verb method waits
   * for. The default calls {@code prepare()} and returns null (nothing to wait for).
   *
   * <p>Tornado: RequestHandler.prepare (as a coroutine).
   *
   * @return a future to wait for, or null
   */
  public Future<?> prepareAsync() {
    prepare();
    return null;
  }

  /**
   * Receives one chunk of the request body of a {@link StreamRequestBody} handler, after
   * {@code prepare()} and before the verb method; return a future to pause reading until it
   * completes (flow control), or null. The default fails the request: a streaming handler must
   * override it.
   *
   * <p>Tornado: RequestHandler.data_received.
   *
   * @param chunk the next bytes of the body (inflated when {@code decompress_request} is on)
   * @return null, or a future that reading waits for
   */
  public Future<?> dataReceived(Buffer chunk) {
    throw new UnsupportedOperationException(getClass().getName()
        + " is @StreamRequestBody but does not override dataReceived(Buffer)");
  }

  /**
   * Called when the client closes the connection before the response is finished (a long poll
   * whose client went away, an upload cut off); the response can no longer be written.
   *
   * <p>Tornado: RequestHandler.on_connection_close.
   */
  public void onConnectionClose() {}

  /**
   * Runs after the response is sent and logged; for cleanup.
   *
   * <p>Tornado: RequestHandler.on_finish.
   */
  public void onFinish() {}

  /**
   * Determines the current user; called at most once per request, by {@link #currentUser()}.
   *
   * <p>Tornado: RequestHandler.get_current_user.
   *
   * @return the user, or null when nobody is logged in
   */
  public Object getCurrentUser() {
    return null;
  }

  /**
   * The current user, computed once by {@link #getCurrentUser()}.
   *
   * <p>Tornado: RequestHandler.current_user.
   *
   * @return the user, if any
   */
  public final Optional<Object> currentUser() {
    if (!currentUserLoaded) {
      currentUser = getCurrentUser();
      currentUserLoaded = true;
    }
    return Optional.ofNullable(currentUser);
  }

  /**
   * Replaces the current user.
   *
   * <p>Tornado: RequestHandler.current_user (setter).
   *
   * @param user the user, or null
   */
  public final void currentUser(Object user) {
    currentUser = user;
    currentUserLoaded = true;
  }

  // ---- input --------------------------------------------------------------------------------

  /**
   * Tornado: RequestHandler.request.
   *
   * @return the request
   */
  public final ServerRequest request() {
    return request;
  }

  /**
   * Tornado: RequestHandler.application.
   *
   * @return the application serving this request
   */
  public final Application application() {
    return application;
  }

  /**
   * Tornado: RequestHandler.settings.
   *
   * @return the application's settings
   */
  public final Settings settings() {
    return application.settings();
  }

  /**
   * Tornado: RequestHandler.path_args.
   *
   * @return the decoded path groups (null for an unmatched optional group)
   */
  public final List<String> pathArgs() {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(pathArgs));
  }

  /**
   * Tornado: RequestHandler.path_kwargs.
   *
   * @return decoded named groups by name
   */
  public final Map<String, String> pathKwargs() {
    return pathKwargs;
  }

  /**
   * The event loop of this handler's connection; for a {@link Coroutine} handler, callbacks scheduled
   * on it run on that loop, not on the handler's virtual thread. Tornado: IOLoop.current() inside a
   * handler.
   *
   * @return the loop
   */
  public final IOLoop ioLoop() {
    return IOLoop.of(loopContext);
  }

  /**
   * The last value of a required argument from the query or body (body values come after query
   * values), with control characters replaced by spaces and surrounding whitespace stripped.
   *
   * <p>Tornado: RequestHandler.get_argument(name).
   *
   * @param name the argument name
   * @return its value
   * @throws MissingArgumentError when absent (400)
   */
  public String getArgument(String name) {
    return requiredLast("all", name, true);
  }

  /**
   * The last value of an argument, or a default.
   *
   * <p>Tornado: RequestHandler.get_argument(name, default).
   *
   * @param name the argument name
   * @param defaultValue returned when absent
   * @return its value or the default
   */
  public String getArgument(String name, String defaultValue) {
    return getArgument(name, defaultValue, true);
  }

  /**
   * The last value of an argument, or a default, optionally unstripped.
   *
   * <p>Tornado: RequestHandler.get_argument(name, default, strip).
   *
   * @param name the argument name
   * @param defaultValue returned when absent
   * @param strip whether to strip surrounding whitespace
   * @return its value or the default
   */
  public String getArgument(String name, String defaultValue, boolean strip) {
    return lastOrDefault(arguments("all", name, strip), defaultValue);
  }

  /**
   * Tornado: RequestHandler.get_arguments(name).
   *
   * @param name the argument name
   * @return every value, possibly none
   */
  public List<String> getArguments(String name) {
    return arguments("all", name, true);
  }

  /**
   * Tornado: RequestHandler.get_arguments(name, strip).
   *
   * @param name the argument name
   * @param strip whether to strip
   * @return every value
   */
  public List<String> getArguments(String name, boolean strip) {
    return arguments("all", name, strip);
  }

  /**
   * Tornado: RequestHandler.get_query_argument(name).
   *
   * @param name the argument name
   * @return its last value
   * @throws MissingArgumentError when absent
   */
  public String getQueryArgument(String name) {
    return requiredLast("query", name, true);
  }

  /**
   * Tornado: RequestHandler.get_query_argument(name, default).
   *
   * @param name the argument name
   * @param defaultValue when absent
   * @return its last value or the default
   */
  public String getQueryArgument(String name, String defaultValue) {
    return lastOrDefault(arguments("query", name, true), defaultValue);
  }

  /**
   * Tornado: RequestHandler.get_query_arguments(name).
   *
   * @param name the argument name
   * @return every value
   */
  public List<String> getQueryArguments(String name) {
    return arguments("query", name, true);
  }

  /**
   * Tornado: RequestHandler.get_body_argument(name).
   *
   * @param name the argument name
   * @return its last value
   * @throws MissingArgumentError when absent
   */
  public String getBodyArgument(String name) {
    return requiredLast("body", name, true);
  }

  /**
   * Tornado: RequestHandler.get_body_argument(name, default).
   *
   * @param name the argument name
   * @param defaultValue when absent
   * @return its last value or the default
   */
  public String getBodyArgument(String name, String defaultValue) {
    return lastOrDefault(arguments("body", name, true), defaultValue);
  }

  /**
   * Tornado: RequestHandler.get_body_arguments(name).
   *
   * @param name the argument name
   * @return every value
   */
  public List<String> getBodyArguments(String name) {
    return arguments("body", name, true);
  }

  private static String lastOrDefault(List<String> values, String defaultValue) {
    return values.isEmpty() ? defaultValue : values.get(values.size() - 1);
  }

  private String requiredLast(String source, String name, boolean strip) {
    List<String> values = arguments(source, name, strip);
    if (values.isEmpty()) {
      throw new MissingArgumentError(name);
    }
    return values.get(values.size() - 1);
  }

  private List<String> arguments(String source, String name, boolean strip) {
    ServerRequest.ArgumentValues found = request.argumentValues(source, name);
    if (found.invalidBytes() != null) {
      throw new HttpError(400, "Invalid unicode in %s: %s", name, Escape.bytesRepr(found.invalidBytes(), 40));
    }
    List<String> values = new ArrayList<>(found.values().size());
    for (String v : found.values()) {
      String cleaned = ArgumentText.removeControlCharacters(v);
      values.add(strip ? PythonText.strip(cleaned) : cleaned);
    }
    return values;
  }

  /**
   * Tornado: RequestHandler.cookies.
   *
   * @return the request's cookies by name
   */
  public Map<String, String> cookies() {
    return request.cookies();
  }

  /**
   * Tornado: RequestHandler.get_cookie(name).
   *
   * @param name the cookie name
   * @return its value, if sent
   */
  public Optional<String> getCookie(String name) {
    return Optional.ofNullable(request.cookies().get(name));
  }

  /**
   * Tornado: RequestHandler.get_cookie(name, default).
   *
   * @param name the cookie name
   * @param defaultValue when absent
   * @return its value or the default
   */
  public String getCookie(String name, String defaultValue) {
    return request.cookies().getOrDefault(name, defaultValue);
  }

  /**
   * Sets a cookie with Tornado's defaults ({@code Path=/}); see
   * {@link #setCookie(String, String, CookieOptions)}.
   *
   * <p>Tornado: RequestHandler.set_cookie(name, value).
   *
   * @param name the cookie name
   * @param value the value
   * @throws IllegalArgumentException naming the name or value when Tornado would refuse it
   */
  public void setCookie(String name, String value) {
    setCookie(name, value, new CookieOptions());
  }

  /**
   * Sets a cookie, sent as a {@code Set-Cookie} header when the headers go out; setting the same
   * name again replaces it. The value is quoted as Python's SimpleCookie quotes it ({@code a=b}
   * becomes {@code "a=b"}, {@code ;} becomes {@code \073}). Not visible to {@link #getCookie(String)}
   * before the next request.
   *
   * <p>Tornado: RequestHandler.set_cookie(name, value, domain, expires, path, expires_days, max_age,
   * httponly, secure, samesite).
   *
   * @param name the cookie name: letters, digits and {@code !#$%&'*+-.^_`|~:}, not an attribute name
   * @param value the value: no spaces or control characters
   * @param options the attributes
   * @throws IllegalArgumentException naming the name, value or attribute Tornado would refuse
   */
  public void setCookie(String name, String value, CookieOptions options) {
    addNewCookie(name, CookieSerializer.setCookieValue(name, value, options, options.expiresAt(Instant.now())));
  }

  /**
   * Deletes a cookie set with {@code Path=/}: sends it empty, expired a year ago.
   *
   * <p>Tornado: RequestHandler.clear_cookie(name).
   *
   * @param name the cookie name
   */
  public void clearCookie(String name) {
    clearCookie(name, new CookieOptions());
  }

  /**
   * Deletes a cookie: sends it empty, expired a year ago, with the given path, domain, flags and
   * SameSite (which must match those it was set with).
   *
   * <p>Tornado: RequestHandler.clear_cookie(name, **kwargs).
   *
   * @param name the cookie name
   * @param options the attributes the cookie was set with
   * @throws IllegalArgumentException when the options carry an expiry or Max-Age
   */
  public void clearCookie(String name, CookieOptions options) {
    if (options.expires != null || options.maxAge != null) {
      throw new IllegalArgumentException("clearCookie() sets its own expiry; its options must not carry expires or maxAge");
    }
    addNewCookie(name, CookieSerializer.setCookieValue(name, "", options, Instant.now().minus(Duration.ofDays(365))));
  }

  private void addNewCookie(String name, String header) {
    if (newCookies == null) {
      newCookies = new LinkedHashMap<>();
    }
    newCookies.remove(name);
    newCookies.put(name, header);
  }

  // ---- output -------------------------------------------------------------------------------

  /**
   * Resets headers and content: {@code Server}, {@code Content-Type: text/html; charset=UTF-8} and
   * {@code Date}, then {@link #setDefaultHeaders()}; status 200.
   *
   * <p>Tornado: RequestHandler.clear.
   */
  public void clear() {
    MultiMap headers = response.headers();
    headers.clear();
    headers.set(HeaderNames.SERVER, ServerIdentity.SERVER_HEADER);
    headers.set(HeaderNames.CONTENT_TYPE, HeaderNames.TEXT_HTML);
    headers.set(HeaderNames.DATE, HttpDates.now());
    setDefaultHeaders();
    writeBuffer = null;
    status = 200;
    reason = "OK";
  }

  /**
   * Sets the status with its standard reason phrase ({@code Unknown} for a code without one).
   *
   * <p>Tornado: RequestHandler.set_status(code).
   *
   * @param statusCode the status code
   */
  public void setStatus(int statusCode) {
    setStatus(statusCode, null);
  }

  /**
   * Sets the status and reason; a reason that is not a valid reason phrase (CR, LF, other control
   * characters) or that contains {@code <} becomes {@code Unknown}.
   *
   * <p>Tornado: RequestHandler.set_status(code, reason).
   *
   * @param statusCode the status code
   * @param reasonPhrase the reason, or null for the standard one
   */
  public void setStatus(int statusCode, String reasonPhrase) {
    this.status = statusCode;
    if (reasonPhrase == null) {
      this.reason = HttpStatus.reason(statusCode);
    } else {
      this.reason = HeaderValues.isValidReason(reasonPhrase) ? reasonPhrase : "Unknown";
    }
  }

  /**
   * Tornado: RequestHandler.get_status.
   *
   * @return the response status
   */
  public int getStatus() {
    return status;
  }

  /**
   * Tornado: RequestHandler._reason.
   *
   * @return the response reason phrase
   */
  public String getReason() {
    return reason;
  }

  /**
   * Sets a response header, replacing earlier values. Values may be strings, numbers or dates
   * ({@code Instant}, {@code Date}, {@code ZonedDateTime}: formatted as HTTP dates).
   *
   * <p>Tornado: RequestHandler.set_header.
   *
   * @param name the header name (sent in Http-Header-Case)
   * @param value the value
   * @throws IllegalArgumentException naming the value when it holds CR, LF or another unsafe character
   */
  public void setHeader(String name, Object value) {
    response.headers().set(HeaderNames.normalize(name), convertHeaderValue(value));
  }

  /**
   * Adds a response header value, keeping earlier ones.
   *
   * <p>Tornado: RequestHandler.add_header.
   *
   * @param name the header name
   * @param value the value
   * @throws IllegalArgumentException naming the value when it is unsafe
   */
  public void addHeader(String name, Object value) {
    response.headers().add(HeaderNames.normalize(name), convertHeaderValue(value));
  }

  /**
   * Removes a response header.
   *
   * <p>Tornado: RequestHandler.clear_header.
   *
   * @param name the header name
   */
  public void clearHeader(String name) {
    response.headers().remove(name);
  }

  /**
   * Tornado: RequestHandler._headers.
   *
   * @return the response headers set so far
   */
  public MultiMap responseHeaders() {
    return response.headers();
  }

  private static String convertHeaderValue(Object value) {
    String text;
    if (value instanceof String) {
      text = (String) value;
    } else if (value instanceof Number) {
      text = value.toString();
    } else if (value instanceof Instant || value instanceof Date || value instanceof ZonedDateTime) {
      Instant instant = value instanceof Date ? ((Date) value).toInstant()
          : value instanceof ZonedDateTime ? ((ZonedDateTime) value).toInstant() : (Instant) value;
      text = HttpDates.format(instant);
    } else if (value instanceof TemporalAccessor) {
      text = HttpDates.format(Instant.from((TemporalAccessor) value));
    } else if (value == null) {
      throw new IllegalArgumentException("Unsupported header value null");
    } else {
      throw new IllegalArgumentException("Unsupported header value " + value + " of type " + value.getClass().getName());
    }
    if (!HeaderValues.isSafe(text)) {
      throw new IllegalArgumentException("Unsafe header value " + PythonText.repr(text));
    }
    return text;
  }

  /**
   * Adds text to the response buffer (UTF-8).
   *
   * <p>Tornado: RequestHandler.write(str).
   *
   * @param chunk the text
   */
  public void write(String chunk) {
    append(Buffer.buffer(chunk.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Tornado: RequestHandler.write(bytes).
   *
   * @param chunk the bytes
   */
  public void write(byte[] chunk) {
    append(Buffer.buffer(chunk));
  }

  /**
   * Tornado: RequestHandler.write(bytes).
   *
   * @param chunk the bytes
   */
  public void write(Buffer chunk) {
    append(chunk);
  }

  /**
   * Writes a map as JSON ({@code application/json; charset=UTF-8}), as Python's {@code json.dumps}
   * would, with non-ASCII escaped and {@code </} as {@code <\/}.
   *
   * <p>Tornado: RequestHandler.write(dict).
   *
   * @param chunk the map
   */
  public void write(Map<?, ?> chunk) {
    writeJson(chunk);
  }

  /**
   * Writes text, bytes, a Buffer, a map, a {@code JsonObject}, or a record/POJO as JSON. Lists,
   * arrays and other collections are refused, as Tornado refuses lists.
   *
   * <p>Tornado: RequestHandler.write.
   *
   * @param chunk the value
   * @throws IllegalArgumentException for a list, array or collection
   */
  public void write(Object chunk) {
    if (chunk instanceof String) {
      write((String) chunk);
    } else if (chunk instanceof byte[]) {
      write((byte[]) chunk);
    } else if (chunk instanceof Buffer) {
      write((Buffer) chunk);
    } else if (chunk instanceof Collection || chunk instanceof JsonArray || (chunk != null && chunk.getClass().isArray())) {
      throw new IllegalArgumentException("write() only accepts bytes, strings, maps and objects written as JSON objects. "
          + "Lists not accepted for security reasons; see "
          + "http://www.tornadoweb.org/en/stable/web.html#tornado.web.RequestHandler.write");
    } else if (chunk == null) {
      throw new IllegalArgumentException("write() does not accept null");
    } else {
      writeJson(chunk);
    }
  }

  private void writeJson(Object value) {
    if (finished) {
      throw new IllegalStateException("Cannot write() after finish()");
    }
    String json = Escape.jsonEncode(value);
    setHeader(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
    write(json);
  }

  private void append(Buffer chunk) {
    if (finished) {
      throw new IllegalStateException("Cannot write() after finish()");
    }
    if (writeBuffer == null) {
      writeBuffer = chunk;
      ownsWriteBuffer = false;
    } else {
      if (!ownsWriteBuffer) {
        writeBuffer = Buffer.buffer(writeBuffer.length() + chunk.length()).appendBuffer(writeBuffer);
        ownsWriteBuffer = true;
      }
      writeBuffer.appendBuffer(chunk);
    }
  }

  /**
   * Sends the headers (first time) and what has been written so far. Without a Content-Length the
   * response becomes chunked.
   *
   * <p>Tornado: RequestHandler.flush.
   *
   * @return completes when the data has been handed to the connection
   */
  public Future<Void> flush() {
    Buffer chunk = takeBuffer();
    if (!headersWritten) {
      headersWritten = true;
      chunk = transformFirstChunk(chunk, false);
      if (!response.headers().contains(HeaderNames.CONTENT_LENGTH)) {
        response.setChunked(true);
      }
      writeStatus();
    } else if (gzip != null) {
      chunk = gzip.transformChunk(chunk, false);
    }
    return chunk.length() == 0 && response.headWritten() ? Future.succeededFuture() : response.write(chunk);
  }

  /** Applies compress_response to the first chunk; later chunks go through {@link #gzip} while it compresses. */
  private Buffer transformFirstChunk(Buffer chunk, boolean finishing) {
    if (!application.settings().compressResponse()) {
      return chunk;
    }
    GzipContentEncoding transform = new GzipContentEncoding(request.headers());
    Buffer transformed = transform.transformFirstChunk(status, response.headers(), chunk, finishing);
    gzip = transform.gzipping() ? transform : null;
    return transformed;
  }

  private Buffer takeBuffer() {
    Buffer chunk = writeBuffer == null ? Buffer.buffer() : writeBuffer;
    writeBuffer = null;
    return chunk;
  }

  private void writeStatus() {
    addCookieHeaders();
    response.setStatusCode(status);
    if (status != 304 || !reason.equals(HttpStatus.reason(304))) {
      // Vert.x leaves out its automatic Content-Length only for its own 304 status object.
      response.setStatusMessage(reason);
    }
    if (response.isChunked() || request.headers().contains(HeaderNames.CONNECTION)
        || request.vertxRequest().version() == io.vertx.core.http.HttpVersion.HTTP_1_0) {
      // Vert.x writes these two headers itself, in lower case, as the head goes out.
      response.headersEndHandler(v -> HeaderNames.recaseConnectionHeaders(response.headers()));
    }
  }

  private void addCookieHeaders() {
    if (newCookies != null) {
      newCookies.values().forEach(cookie -> response.headers().add("Set-Cookie", cookie));
    }
  }

  /**
   * Finishes the response with a last chunk.
   *
   * <p>Tornado: RequestHandler.finish(chunk).
   *
   * @param chunk a value {@link #write(Object)} accepts
   * @return completes when the response has been handed to the connection
   */
  public Future<Void> finish(Object chunk) {
    if (finished) {
      throw new IllegalStateException("finish() called twice");
    }
    if (chunk != null) {
      write(chunk);
    }
    return finish();
  }

  /**
   * Finishes the response: adds an ETag (and answers 304 when it matches {@code If-None-Match}) and
   * a Content-Length unless already flushed, sends everything, logs the request, runs onFinish.
   *
   * <p>Tornado: RequestHandler.finish.
   *
   * @return completes when the response has been handed to the connection
   * @throws IllegalStateException when called twice
   */
  public Future<Void> finish() {
    if (finished) {
      throw new IllegalStateException("finish() called twice");
    }
    Buffer chunk;
    if (!headersWritten) {
      MultiMap headers = response.headers();
      String method = request.method();
      if (status == 200 && ("GET".equals(method) || "HEAD".equals(method)) && !headers.contains(HeaderNames.ETAG)) {
        setEtagHeader();
        if (checkEtagHeader()) {
          writeBuffer = null;
          setStatus(304);
        }
      }
      if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
        if (writeBuffer != null && writeBuffer.length() > 0) {
          throw new IllegalStateException("Cannot send body with " + status);
        }
        headers.remove(HeaderNames.CONTENT_ENCODING);
        headers.remove(HeaderNames.CONTENT_LANGUAGE);
        headers.remove(HeaderNames.CONTENT_TYPE);
      } else if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
        headers.set(HeaderNames.CONTENT_LENGTH, Integer.toString(writeBuffer == null ? 0 : writeBuffer.length()));
      }
      headersWritten = true;
      chunk = transformFirstChunk(takeBuffer(), true);
      writeStatus();
    } else {
      chunk = gzip == null ? takeBuffer() : gzip.transformChunk(takeBuffer(), true);
    }
    Future<Void> sent = response.end(chunk);
    if (requestPaused) {
      request.vertxRequest().resume();
    }
    completeFinish();
    return sent;
  }

  // ---- templates ----------------------------------------------------------------------------

  /**
   * Renders a template as the whole response: the page, with the resources of the UI modules it
   * used put before {@code </head>} and {@code </body>}, then {@link #finish(Object)}.
   *
   * <p>Tornado: RequestHandler.render(template_name, **kwargs).
   *
   * @param templateName the template's name under {@link #getTemplatePath()}
   * @param kwargs the template's variables, over {@link #getTemplateNamespace()}
   * @return what {@link #finish()} returns
   * @throws IllegalStateException when the response is already finished
   */
  public Future<Void> render(String templateName, Map<String, ?> kwargs) {
    if (finished) {
      throw new IllegalStateException("Cannot render() after finish()");
    }
    String html = renderString(templateName, kwargs);
    return finish(rendering().assemble(html));
  }

  /**
   * Tornado: RequestHandler.render(template_name).
   *
   * @param templateName the template's name
   * @return what {@link #finish()} returns
   */
  public Future<Void> render(String templateName) {
    return render(templateName, Map.of());
  }

  /**
   * Renders a template to text without writing it. Loaders are cached per template path for the
   * application; with {@code compiled_template_cache} off (as under {@code debug}) a request's
   * first use of a loader re-reads its templates.
   *
   * <p>Tornado: RequestHandler.render_string.
   *
   * @param templateName the template's name
   * @param kwargs the template's variables, over {@link #getTemplateNamespace()}
   * @return the output
   */
  public String renderString(String templateName, Map<String, ?> kwargs) {
    String path = getTemplatePath().orElse("");
    Template template = rendering().loader(path, settings().compiledTemplateCache()).load(templateName);
    Map<String, Object> namespace = getTemplateNamespace();
    namespace.putAll(kwargs);
    return template.generate(namespace);
  }

  /**
   * The names every template rendered by this handler sees: {@code handler}, {@code request},
   * {@code current_user}, {@code locale} (None: Jornado has no locales yet), {@code static_url},
   * {@code reverse_url}, {@code xsrf_form_html} (fails: Jornado has no XSRF protection yet), the
   * {@code ui_methods} bound to this handler, and {@code modules}/{@code _tt_modules}.
   *
   * <p>Tornado: RequestHandler.get_template_namespace.
   *
   * @return a new mutable map
   */
  public Map<String, Object> getTemplateNamespace() {
    return rendering().namespace();
  }

  /**
   * Tornado: RequestHandler.get_template_path.
   *
   * @return the {@code template_path} setting, if set
   */
  public Optional<String> getTemplatePath() {
    return settings().templatePath();
  }

  /**
   * The loader for a template path, called once per path for the application: the
   * {@code template_loader} setting if given, else a {@code Loader} on the path with the
   * {@code autoescape} and {@code template_whitespace} settings.
   *
   * <p>Tornado: RequestHandler.create_template_loader.
   *
   * @param templatePath the path from {@link #getTemplatePath()}, empty when unset
   * @return the loader
   * @throws IllegalStateException when neither {@code template_path} nor {@code template_loader} is set
   */
  public BaseLoader createTemplateLoader(String templatePath) {
    Settings settings = settings();
    Optional<BaseLoader> given = settings.templateLoader();
    if (given.isPresent()) {
      return given.get();
    }
    if (templatePath.isEmpty()) {
      throw new IllegalStateException("Set the 'template_path' or 'template_loader' setting to render templates");
    }
    return new Loader(Path.of(templatePath), settings.autoescape().orElse(null), null,
        settings.templateWhitespace().orElse(null));
  }

  /**
   * The script tags for the UI modules' files: relative paths through {@link #staticUrl(String)},
   * duplicates dropped, in order.
   *
   * <p>Tornado: RequestHandler.render_linked_js.
   *
   * @param jsFiles paths or URLs
   * @return the HTML
   */
  public String renderLinkedJs(List<String> jsFiles) {
    return Rendering.linkedFiles(this, jsFiles, "<script src=\"", "\" type=\"text/javascript\"></script>");
  }

  /**
   * Tornado: RequestHandler.render_embed_js.
   *
   * @param jsEmbed the UI modules' scripts
   * @return one script element holding them all
   */
  public String renderEmbedJs(List<String> jsEmbed) {
    return "<script type=\"text/javascript\">\n//<![CDATA[\n" + String.join("\n", jsEmbed) + "\n//]]>\n</script>";
  }

  /**
   * The link tags for the UI modules' style sheets: relative paths through {@link #staticUrl(String)},
   * duplicates dropped, in order.
   *
   * <p>Tornado: RequestHandler.render_linked_css.
   *
   * @param cssFiles paths or URLs
   * @return the HTML
   */
  public String renderLinkedCss(List<String> cssFiles) {
    return Rendering.linkedFiles(this, cssFiles, "<link href=\"", "\" type=\"text/css\" rel=\"stylesheet\"/>");
  }

  /**
   * Tornado: RequestHandler.render_embed_css.
   *
   * @param cssEmbed the UI modules' style sheets
   * @return one style element holding them all
   */
  public String renderEmbedCss(List<String> cssEmbed) {
    return "<style type=\"text/css\">\n" + String.join("\n", cssEmbed) + "\n</style>";
  }

  private Rendering rendering() {
    if (rendering == null) {
      rendering = new Rendering(this, application.templates());
    }
    return rendering;
  }

  /**
   * Finishes the response with a region of a file that Vert.x sends without copying it through the
   * heap, then does finish()'s bookkeeping (access log, onFinish). Returns false, changing nothing,
   * when the body has to go through write() instead: headers already sent, a HEAD request, or (for a
   * transform that rewrites bodies, such as gzip, to add) a transformed response.
   */
  final boolean finishWithFile(String path, long offset, long length) {
    if (finished) {
      throw new IllegalStateException("finish() called twice");
    }
    if (headersWritten || "HEAD".equals(request.method())) {
      return false;
    }
    if (application.settings().compressResponse()) {
      if (new GzipContentEncoding(request.headers()).wouldCompressStream(status, response.headers())) {
        return false;
      }
      GzipContentEncoding.addVary(response.headers());
    }
    headersWritten = true;
    writeStatus();
    Future<Void> sent = response.sendFile(path, offset, length);
    if (sent.failed() && !response.headWritten()) {
      headersWritten = false;
      throw new IllegalStateException("Cannot send " + path, sent.cause());
    }
    if (requestPaused) {
      request.vertxRequest().resume();
    }
    completeFinish();
    return true;
  }

  private void completeFinish() {
    finished = true;
    request.markFinished();
    application.logRequest(this);
    runOnFinish();
  }

  private void runOnFinish() {
    if (notOnHandlerThread()) {
      hooks.execute(this::runOnFinish);
      return;
    }
    try {
      onFinish();
    } catch (RuntimeException e) {
      Log.APPLICATION.error("Exception in onFinish for {}", request, e);
    }
  }

  /** Whether Application must leave the request's body unread for this handler (FallbackHandler). */
  final boolean takesRawRequest() {
    return route.type.takesRawRequest;
  }

  /**
   * Marks the request finished once another server callback has taken it (FallbackHandler): no
   * response from here and, as in Tornado, no access-log line; then onFinish.
   */
  final void finishHandedOver() {
    headersWritten = true;
    detached = true;
    finished = true;
    request.markFinished();
    runOnFinish();
  }

  /**
   * Marks the request finished when another protocol has taken the connection over (a WebSocket
   * after its 101): logs the request with the given status and runs {@link #onFinish()}, without
   * writing to the response.
   *
   * <p>Tornado: RequestHandler.finish() as WebSocketHandler calls it once the 101 is written.
   *
   * @param statusCode the status that was sent, such as 101
   * @throws IllegalStateException when already finished
   */
  protected final void finishTakenOver(int statusCode) {
    if (finished) {
      throw new IllegalStateException("finish() called twice");
    }
    setStatus(statusCode);
    headersWritten = true;
    detached = true;
    completeFinish();
  }

  /**
   * Gives the headers of a response that another protocol sends itself (a WebSocket 101) the cookies
   * set so far and what the output transforms add to every response: {@code Vary: Accept-Encoding}
   * under {@code compress_response}. Call it just before handing the response over.
   *
   * <p>Tornado: the transforms RequestHandler.flush applies when WebSocketHandler finishes its 101.
   */
  protected final void prepareTakeOverHeaders() {
    addCookieHeaders();
    if (application.settings().compressResponse()) {
      GzipContentEncoding.addVary(response.headers());
    }
  }

  /**
   * Tornado: RequestHandler._finished.
   *
   * @return whether finish() has run
   */
  public final boolean isFinished() {
    return finished;
  }

  /**
   * Takes the connection away from Jornado: the response is not finished automatically.
   *
   * <p>Tornado: RequestHandler.detach (here the Vert.x response stays usable).
   *
   * @return the Vert.x response to finish by hand
   */
  public HttpServerResponse detach() {
    detached = true;
    return response;
  }

  /**
   * Redirects with 302, or 301 when permanent.
   *
   * <p>Tornado: RequestHandler.redirect(url).
   *
   * @param url the Location
   */
  public void redirect(String url) {
    redirect(url, false, null);
  }

  /**
   * Tornado: RequestHandler.redirect(url, permanent).
   *
   * @param url the Location
   * @param permanent 301 instead of 302
   */
  public void redirect(String url, boolean permanent) {
    redirect(url, permanent, null);
  }

  /**
   * Redirects with an explicit 3xx status. The Location header carries the URL's UTF-8 bytes, so
   * non-ASCII characters reach the client as Tornado sends them.
   *
   * <p>Tornado: RequestHandler.redirect(url, permanent, status).
   *
   * @param url the Location
   * @param permanent 301 instead of 302 when status is null
   * @param statusCode a status from 300 to 399, or null
   * @throws IllegalStateException when headers were already sent
   * @throws IllegalArgumentException for a status outside 300-399
   */
  public void redirect(String url, boolean permanent, Integer statusCode) {
    if (headersWritten) {
      throw new IllegalStateException("Cannot redirect after headers have been written");
    }
    int code = statusCode == null ? (permanent ? 301 : 302) : statusCode;
    if (code < 300 || code > 399) {
      throw new IllegalArgumentException("Redirect status must be 300-399, got " + code);
    }
    setStatus(code);
    // Tornado sends the URL's UTF-8 bytes; header values go out one byte per char.
    setHeader("Location", new String(url.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    finish();
  }

  /** Tornado: RequestHandler.send_error(). Sends a 500 page. */
  public void sendError() {
    sendError(500, null);
  }

  /**
   * Tornado: RequestHandler.send_error(status_code).
   *
   * @param statusCode the status to send
   */
  public void sendError(int statusCode) {
    sendError(statusCode, null);
  }

  /**
   * Sends an error page through {@link #writeError(int, Throwable)}, replacing whatever was written.
   *
   * <p>Tornado: RequestHandler.send_error(status_code, exc_info=...).
   *
   * @param statusCode the status to send
   * @param error the exception behind it, or null
   */
  public void sendError(int statusCode, Throwable error) {
    if (headersWritten) {
      Log.GENERAL.error("Cannot send error response after headers written");
      if (!finished) {
        try {
          finish();
        } catch (RuntimeException e) {
          Log.GENERAL.error("Failed to flush partial response", e);
        }
      }
      return;
    }
    clear();
    String customReason = error instanceof HttpError ? ((HttpError) error).reason() : null;
    setStatus(statusCode, customReason);
    try {
      writeError(statusCode, error);
    } catch (RuntimeException e) {
      Log.APPLICATION.error("Uncaught exception in writeError", e);
    }
    if (!finished) {
      finish();
    }
  }

  /**
   * Writes the error page: the stack trace as text/plain with {@code serve_traceback}, else
   * {@code <html><title>CODE: REASON</title><body>CODE: REASON</body></html>}.
   *
   * <p>Tornado: RequestHandler.write_error.
   *
   * @param statusCode the status being sent
   * @param error the exception behind it, or null
   */
  public void writeError(int statusCode, Throwable error) {
    if (settings().serveTraceback() && error != null) {
      setHeader(HeaderNames.CONTENT_TYPE, "text/plain");
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      finish(trace.toString());
    } else {
      String message = statusCode + ": " + Escape.xhtmlEscape(reason);
      finish("<html><title>" + message + "</title><body>" + message + "</body></html>");
    }
  }

  /**
   * The ETag for the buffered body: the quoted SHA-1 hex digest; return empty to send none.
   *
   * <p>Tornado: RequestHandler.compute_etag.
   *
   * @return the ETag value, if any
   */
  public Optional<String> computeEtag() {
    return Optional.of(Etags.sha1(writeBuffer));
  }

  /** Sets the Etag header from {@link #computeEtag()}. Tornado: RequestHandler.set_etag_header. */
  public void setEtagHeader() {
    computeEtag().ifPresent(etag -> setHeader(HeaderNames.ETAG, etag));
  }

  /**
   * Whether the request's {@code If-None-Match} matches the response's Etag (weak comparison,
   * several tags, {@code *}).
   *
   * <p>Tornado: RequestHandler.check_etag_header.
   *
   * @return true when a 304 should be sent
   */
  public boolean checkEtagHeader() {
    return Etags.matches(response.headers().get(HeaderNames.ETAG), request.headers().get("If-None-Match"));
  }

  /**
   * The URL path of a named rule with arguments substituted.
   *
   * <p>Tornado: RequestHandler.reverse_url.
   *
   * @param name the rule's name
   * @param args values for its groups
   * @return the path
   */
  public String reverseUrl(String name, Object... args) {
    return application.reverseUrl(name, args);
  }

  /**
   * The URL of a file under {@code static_path}, versioned for indefinite caching.
   *
   * <p>Tornado: RequestHandler.static_url(path).
   *
   * @param path the file's path relative to {@code static_path}
   * @return {@code static_url_prefix + path + "?v=" + version}, without {@code ?v=} when the file
   *     cannot be read; the first call per file reads it on the calling thread
   * @throws IllegalStateException when {@code static_path} is not set
   */
  public String staticUrl(String path) {
    return staticUrl(path, false);
  }

  /**
   * The URL of a static file, absolute ({@code protocol://host}) when {@code includeHost}.
   *
   * <p>Tornado: RequestHandler.static_url(path, include_host).
   *
   * @param path the file's path relative to {@code static_path}
   * @param includeHost whether to prefix the request's protocol and host
   * @return the URL from the {@code static_handler_class}'s {@code makeStaticUrl}
   * @throws IllegalStateException when {@code static_path} is not set
   */
  public String staticUrl(String path, boolean includeHost) {
    Settings settings = settings();
    if (settings.staticPath().isEmpty()) {
      throw new IllegalStateException("You must define the 'static_path' setting in your application to use static_url");
    }
    String base = includeHost ? request.protocol() + "://" + request.host() : "";
    return base + StaticHandlerClass.makeStaticUrl(settings, path);
  }

  /**
   * Logs an exception raised while serving: an {@code HttpError}'s log message as a warning on
   * {@code jornado.general}, anything else as "Uncaught exception" with the request on
   * {@code jornado.application}.
   *
   * <p>Tornado: RequestHandler.log_exception.
   *
   * @param error the exception
   */
  public void logException(Throwable error) {
    if (error instanceof HttpError) {
      HttpError httpError = (HttpError) error;
      String message = httpError.formattedLogMessage();
      if (message != null) {
        Log.GENERAL.warn("{} {}: {}", httpError.statusCode(), requestSummary(), message);
      }
    } else {
      Log.APPLICATION.error("Uncaught exception {}\n{}", requestSummary(), request, error);
    }
  }

  /**
   * Tornado: RequestHandler._request_summary.
   *
   * @return {@code METHOD URI (REMOTE_IP)}
   */
  public String requestSummary() {
    return request.method() + " " + request.uri() + " (" + request.remoteIp() + ")";
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  final void execute() {
    if (hooks != null) {
      hooks.execute(this::runLifecycle);
    } else {
      runLifecycle();
    }
  }

  private void runLifecycle() {
    watchConnection();
    try {
      String method = request.method();
      if (!route.type.supportedMethods.contains(method)) {
        throw new HttpError(405);
      }
      try {
        request.parseBody();
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "Invalid body: %s", e.getMessage());
      }
      decodePathArgs();
      Future<?> prepared = prepareAsync();
      if (prepared != null) {
        prepared.onComplete(ar -> onLoop(() -> {
          if (ar.failed()) {
            handleRequestException(ar.cause());
          } else {
            runVerb();
          }
        }));
      } else {
        runVerb();
      }
    } catch (Throwable t) {
      handleRequestException(t);
    }
  }

  /** The lifecycle of a {@link StreamRequestBody} handler: prepare, then the body chunk by chunk, then the verb. */
  final void executeStreaming(BodyReader body) {
    if (hooks != null) {
      hooks.execute(() -> runStreamingLifecycle(body));
    } else {
      runStreamingLifecycle(body);
    }
  }

  private void runStreamingLifecycle(BodyReader body) {
    watchConnection();
    try {
      if (!route.type.supportedMethods.contains(request.method())) {
        throw new HttpError(405);
      }
      decodePathArgs();
      Future<?> prepared = prepareAsync();
      if (prepared != null) {
        prepared.onComplete(ar -> onLoop(() -> {
          if (ar.failed()) {
            handleRequestException(ar.cause());
            abandonBody(body);
          } else {
            streamBody(body);
          }
        }));
      } else {
        streamBody(body);
      }
    } catch (Throwable t) {
      handleRequestException(t);
      abandonBody(body);
    }
  }

  private void streamBody(BodyReader body) {
    if (finished || detached || body == null) {
      abandonBody(body);
      if (!finished && !detached) {
        runVerb();
      }
      return;
    }
    body.onRefused(this::connectionLost);
    body.read(this::receive, () -> onLoop(this::runVerb), this::handleRequestException);
  }

  /** dataReceived, on the virtual thread for a {@link Coroutine} handler: done once its future is. */
  private Future<?> receive(Buffer chunk) {
    if (hooks == null) {
      return dataReceived(chunk);
    }
    Promise<Void> received = ((ContextInternal) loopContext).promise();
    hooks.execute(() -> {
      try {
        Future<?> pending = dataReceived(chunk);
        if (pending != null) {
          pending.await();
        }
        received.complete();
      } catch (Throwable t) {
        received.fail(t);
      }
    });
    return received.future();
  }

  private static void abandonBody(BodyReader body) {
    if (body != null) {
      body.abandon();
    }
  }

  private void watchConnection() {
    response.closeHandler(v -> connectionLost());
  }

  private void connectionLost() {
    if (notOnHandlerThread()) {
      context.runOnContext(v -> connectionLost()); // not queued: it may run while the verb awaits
      return;
    }
    if (!finished && !detached && !connectionLost) {
      connectionLost = true;
      try {
        onConnectionClose();
      } catch (RuntimeException e) {
        Log.APPLICATION.error("Exception in onConnectionClose for {}", request, e);
      }
    }
  }

  private void decodePathArgs() {
    if (rawPathArgs.length == 0) {
      return;
    }
    String[] decoded = new String[rawPathArgs.length];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = decodePathArg(rawPathArgs[i]);
    }
    pathArgs = decoded;
    if (!pathKwargs.isEmpty()) {
      Map<String, String> named = new java.util.LinkedHashMap<>();
      pathKwargs.forEach((k, v) -> named.put(k, decodePathArg(v)));
      pathKwargs = java.util.Collections.unmodifiableMap(named);
    }
  }

  private static String decodePathArg(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.indexOf('%') < 0 && ArgumentText.isAscii(raw)) {
      return raw;
    }
    byte[] bytes = Escape.urlUnescapeToBytes(raw, false);
    try {
      return Escape.toUnicode(bytes);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Invalid unicode in url: %s", Escape.bytesRepr(bytes, 40));
    }
  }

  private void runVerb() {
    try {
      if (finished) {
        return;
      }
      HandlerType.Verb verb = route.type.verb(request.method());
      if (verb == null) {
        throw new HttpError(405);
      }
      Object result = verb.handle.invokeExact(this, pathArgs);
      if (result instanceof Future) {
        ((Future<?>) result).onComplete(ar -> onLoop(() -> {
          if (ar.failed()) {
            handleRequestException(ar.cause());
          } else {
            autoFinish();
          }
        }));
      } else {
        autoFinish();
      }
    } catch (Throwable t) {
      handleRequestException(t);
    }
  }

  private void autoFinish() {
    if (!finished && !detached) {
      finish();
    }
  }

  private void onLoop(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else if (hooks != null) {
      hooks.execute(action);
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /** Whether this is a {@link Coroutine} handler called from outside its virtual thread. */
  private boolean notOnHandlerThread() {
    return hooks != null && Vertx.currentContext() != context;
  }

  final void handleRequestException(Throwable error) {
    if (notOnHandlerThread()) {
      hooks.execute(() -> handleRequestException(error));
      return;
    }
    try {
      if (error instanceof Finish) {
        if (!finished) {
          finish(((Finish) error).chunk());
        }
        return;
      }
      try {
        logException(error);
      } catch (RuntimeException e) {
        Log.APPLICATION.error("Error in exception logger", e);
      }
      if (finished) {
        return;
      }
      if (error instanceof HttpError) {
        sendError(((HttpError) error).statusCode(), error);
      } else {
        sendError(500, error);
      }
    } catch (Throwable t) {
      Log.APPLICATION.error("Exception while handling an error for {}", request, t);
      if (!response.ended()) {
        response.reset();
      }
    }
  }
}
