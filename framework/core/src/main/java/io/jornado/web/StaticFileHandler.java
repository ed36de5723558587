package io.jornado.web;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the files of a directory: {@code GET} and {@code HEAD} with {@code Etag} (SHA-512 of the
 * content), {@code Last-Modified}, {@code If-None-Match} / {@code If-Modified-Since} (304), single
 * byte ranges (206, 416), and cache headers for versioned URLs ({@code ?v=}). The application sets
 * it up itself when the {@code static_path} setting is given; map more directories with
 *
 * <pre>{@code
 * url("/content/(.*)", StaticFileHandler.class, Map.of("path", "/var/www"))
 * }</pre>
 *
 * <p>{@code initialize} takes {@code path} (the root directory) and optionally
 * {@code default_filename} (served for a directory, which is first redirected to end in {@code /}).
 * Bodies are sent by Vert.x's {@code sendFile} (zero copy); file system access and hashing run off
 * the event loop. Subclasses change behaviour through the protected hooks, as in Tornado; the
 * static methods {@link #makeStaticUrl(Settings, String)} and {@link #getVersion(Settings, String)}
 * are looked up on the {@code static_handler_class} setting's class, so a subclass replaces them by
 * declaring its own public static methods with the same signatures.
 *
 * <p>Tornado: tornado.web.StaticFileHandler.
 */
public class StaticFileHandler extends RequestHandler {
  /**
   * Ten years, in seconds: the cache time of versioned URLs.
   *
   * <p>Tornado: StaticFileHandler.CACHE_MAX_AGE.
   */
  public static final long CACHE_MAX_AGE = 86400L * 365 * 10;
  private static final int CHUNK_SIZE = 64 * 1024;

  private String root;
  private String defaultFilename;
  private String path;
  private String absolutePath;
  private Optional<Instant> modified = Optional.empty();
  private Optional<String> version = Optional.empty();
  private FileProps stat;
  private String statPath;

  /** Made by the application, one per request. Tornado: StaticFileHandler.__init__. */
  public StaticFileHandler() {}

  /**
   * Takes {@code path} (String or Path: the root directory) and optionally {@code default_filename}.
   *
   * <p>Tornado: StaticFileHandler.initialize(path, default_filename=None).
   *
   * @param kwargs the route's arguments
   * @throws IllegalArgumentException when {@code path} is missing
   */
  @Override
  public void initialize(Map<String, Object> kwargs) {
    Object rootPath = kwargs.get("path");
    if (rootPath == null) {
      throw new IllegalArgumentException("StaticFileHandler needs a 'path' argument, got " + kwargs);
    }
    root = rootPath.toString();
    Object defaultName = kwargs.get("default_filename");
    defaultFilename = defaultName == null ? null : defaultName.toString();
  }

  /**
   * Forgets every cached file version, so the next use hashes the file again. Runs before each
   * request when {@code static_hash_cache} is false (the default under {@code debug}); here that
   * setting instead stops versions from being cached at all.
   *
   * <p>Tornado: StaticFileHandler.reset.
   */
  public static void reset() {
    StaticVersions.clear();
  }

  /**
   * Sends the file (or the requested range of it).
   *
   * <p>Tornado: StaticFileHandler.get(path).
   *
   * @param path the URL path below the rule's prefix (decoded)
   * @return completes when the response is sent
   */
  public Future<Void> get(String path) {
    return serve(path, true);
  }

  /**
   * Sends the headers {@code GET} would send.
   *
   * <p>Tornado: StaticFileHandler.head(path).
   *
   * @param path the URL path below the rule's prefix (decoded)
   * @return completes when the response is sent
   */
  public Future<Void> head(String path) {
    return serve(path, false);
  }

  private Future<Void> serve(String urlPath, boolean includeBody) {
    path = parseUrlPath(urlPath);
    String absolute = getAbsolutePath(root, path);
    return onLoop(validateAbsolutePath(root, absolute)).compose(validated -> {
      if (validated.isEmpty()) {
        return Future.succeededFuture();
      }
      absolutePath = validated.get();
      return onLoop(loadStat().compose(v -> loadVersion())).compose(v -> respond(includeBody));
    });
  }

  private Future<Void> respond(boolean includeBody) {
    modified = getModifiedTime();
    setHeaders();
    if (shouldReturn304()) {
      setStatus(304);
      return Future.succeededFuture();
    }
    String rangeHeader = request().headers().get("Range");
    ByteRange range = rangeHeader == null || rangeHeader.isEmpty() ? null : ByteRange.parse(rangeHeader);
    long size = getContentSize();
    long offset = 0;
    long stop = size;
    if (range != null) {
      Long start = range.start;
      Long end = range.end;
      if (start != null && start < 0) {
        start = Math.max(0, start + size);
      }
      if ((start != null && (start >= size || (end != null && start >= end))) || (end != null && end == 0)) {
        setStatus(416);
        setHeader(HeaderNames.CONTENT_TYPE, "text/plain");
        setHeader("Content-Range", "bytes */" + size);
        return Future.succeededFuture();
      }
      offset = start == null ? 0 : start;
      stop = end == null ? size : Math.min(end, size);
      if (size != stop - offset) {
        setStatus(206);
        setHeader("Content-Range", "bytes " + offset + "-" + (stop - 1) + "/" + size);
      }
    }
    setHeader(HeaderNames.CONTENT_LENGTH, stop - offset);
    if (!includeBody || finishWithFile(absolutePath, offset, stop - offset)) {
      return Future.succeededFuture();
    }
    return streamFile(offset, stop - offset);
  }

  /** Tornado's body loop: 64 KiB chunks, each written and flushed before the next is read. */
  private Future<Void> streamFile(long offset, long length) {
    return fileSystem().open(absolutePath, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
        .compose(file -> {
          Promise<Void> done = Promise.promise();
          file.setReadBufferSize(CHUNK_SIZE).setReadPos(offset).setReadLength(length);
          file.exceptionHandler(done::tryFail);
          file.endHandler(v -> done.tryComplete());
          file.handler(chunk -> {
            file.pause();
            write(chunk);
            flush().onComplete(ar -> {
              if (ar.succeeded()) {
                file.resume();
              } else {
                done.tryComplete();
              }
            });
          });
          return done.future().eventually(file::close);
        });
  }

  private Future<Void> loadStat() {
    if (stat != null && absolutePath.equals(statPath)) {
      return Future.succeededFuture();
    }
    return fileSystem().props(absolutePath).transform(ar -> {
      rememberStat(absolutePath, ar.succeeded() ? ar.result() : null);
      return Future.succeededFuture();
    });
  }

  private void rememberStat(String file, FileProps props) {
    statPath = file;
    stat = props;
  }

  private Future<Void> loadVersion() {
    String file = absolutePath;
    return StaticVersions.getAsync(settings().staticHashCache(), file, () -> getContentVersion(file), ioLoop())
        .map(found -> {
          version = found;
          return null;
        });
  }

  /** Continues on this handler's loop whatever thread completes the future. */
  private <T> Future<T> onLoop(Future<T> future) {
    IOLoop loop = ioLoop();
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> {
      if (loop.inLoop()) {
        promise.handle(ar);
      } else {
        loop.addCallback(() -> promise.handle(ar));
      }
    });
    return promise.future();
  }

  private FileSystem fileSystem() {
    return ioLoop().vertx().fileSystem();
  }

  /**
   * The file's version in quotes: the ETag of every response for it, ranges included.
   *
   * <p>Tornado: StaticFileHandler.compute_etag.
   *
   * @return the ETag, or empty when the file has no version
   */
  @Override
  public Optional<String> computeEtag() {
    return version.map(v -> "\"" + v + "\"");
  }

  /**
   * Sets {@code Accept-Ranges}, {@code Etag}, {@code Last-Modified}, {@code Content-Type}, the cache
   * headers when {@link #getCacheTime} is positive, then {@link #setExtraHeaders(String)}.
   *
   * <p>Tornado: StaticFileHandler.set_headers.
   */
  protected void setHeaders() {
    setHeader("Accept-Ranges", "bytes");
    setEtagHeader();
    modified.ifPresent(time -> setHeader("Last-Modified", time));
    String contentType = getContentType();
    if (contentType != null && !contentType.isEmpty()) {
      setHeader(HeaderNames.CONTENT_TYPE, contentType);
    }
    long cacheTime = getCacheTime(path, modified, contentType);
    if (cacheTime > 0) {
      setHeader("Expires", Instant.now().plusSeconds(cacheTime));
      setHeader("Cache-Control", "max-age=" + cacheTime);
    }
    setExtraHeaders(path);
  }

  /**
   * Whether to answer 304: {@code If-None-Match}, when sent, decides alone (weak comparison,
   * {@code *}); otherwise an {@code If-Modified-Since} at or after the modification time. A date
   * that does not parse is ignored.
   *
   * <p>Tornado: StaticFileHandler.should_return_304.
   *
   * @return true for 304
   */
  protected boolean shouldReturn304() {
    String ifNoneMatch = request().headers().get("If-None-Match");
    if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
      return checkEtagHeader();
    }
    String ifModifiedSince = request().headers().get("If-Modified-Since");
    if (ifModifiedSince == null || modified.isEmpty()) {
      return false;
    }
    return EmailDates.parse(ifModifiedSince).map(since -> !since.toInstant().isBefore(modified.get())).orElse(false);
  }

  /**
   * The absolute location of {@code path} under {@code root}, normalised without touching the file
   * system ({@code ..} removed, an absolute {@code path} taken as is). Called on an instance made
   * for the purpose by {@link #getVersion(Settings, String)}, so it must not use the request.
   *
   * <p>Tornado: StaticFileHandler.get_absolute_path (a classmethod).
   *
   * @param root the rule's root directory
   * @param path the path from {@link #parseUrlPath(String)}
   * @return the absolute path
   */
  protected String getAbsolutePath(String root, String path) {
    return absolute(join(root, path));
  }

  /**
   * Checks the path and returns the file to serve: 403 outside the root or for anything but a
   * regular file, 404 when missing; a directory with {@code default_filename} is redirected (301) to
   * the request path plus {@code /} (403 when that path starts with {@code //}) or, when it already
   * ends with {@code /}, gives its default file. May redirect or finish the response itself and
   * return empty to stop.
   *
   * <p>Tornado: StaticFileHandler.validate_absolute_path.
   *
   * @param root the rule's root directory
   * @param absolutePath the result of {@link #getAbsolutePath(String, String)}
   * @return the file to serve, or empty when the response was already dealt with
   * @throws HttpError 403 when the path is outside the root
   */
  protected Future<Optional<String>> validateAbsolutePath(String root, String absolutePath) {
    String rootDir = absolute(root);
    if (!rootDir.endsWith(File.separator)) {
      rootDir += File.separator;
    }
    if (!(absolutePath + File.separator).startsWith(rootDir)) {
      throw new HttpError(403, "%s is not in root static directory", path);
    }
    return fileSystem().props(absolutePath).transform(ar -> {
      if (ar.succeeded() && ar.result().isDirectory() && defaultFilename != null) {
        String requestPath = request().path();
        if (!requestPath.endsWith("/")) {
          if (requestPath.startsWith("//")) {
            throw new HttpError(403, "cannot redirect path with two initial slashes");
          }
          redirect(requestPath + "/", true);
          return Future.succeededFuture(Optional.empty());
        }
        String withDefault = join(absolutePath, defaultFilename);
        return fileSystem().props(withDefault).map(props -> checkFile(withDefault, props))
            .recover(e -> Future.failedFuture(e instanceof HttpError ? e : new HttpError(404)));
      }
      if (ar.failed()) {
        throw new HttpError(404);
      }
      return Future.succeededFuture(checkFile(absolutePath, ar.result()));
    });
  }

  private Optional<String> checkFile(String file, FileProps props) {
    if (!props.isRegularFile()) {
      throw new HttpError(403, "%s is not a file", path);
    }
    rememberStat(file, props);
    return Optional.of(file);
  }

  /**
   * The version of the file's content: the hex SHA-512 of its bytes. Runs on a worker thread and
   * may block; its result is cached per absolute path unless {@code static_hash_cache} is false.
   *
   * <p>Tornado: StaticFileHandler.get_content_version (a classmethod).
   *
   * @param absolutePath the file
   * @return the version
   * @throws IOException when the file cannot be read
   */
  protected String getContentVersion(String absolutePath) throws IOException {
    MessageDigest sha512;
    try {
      sha512 = MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing from this JVM", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK_SIZE);
    try (FileChannel channel = FileChannel.open(Path.of(absolutePath), StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        sha512.update(buffer);
        buffer.clear();
      }
    }
    return HexFormat.of().formatHex(sha512.digest());
  }

  /**
   * Tornado: StaticFileHandler.get_content_size.
   *
   * @return the size of the file being served, in bytes
   * @throws IllegalStateException when the file's attributes could not be read
   */
  protected long getContentSize() {
    return stat().size();
  }

  /**
   * The file's modification time, truncated to whole seconds.
   *
   * <p>Tornado: StaticFileHandler.get_modified_time.
   *
   * @return the time, or empty to send no {@code Last-Modified}
   * @throws IllegalStateException when the file's attributes could not be read
   */
  protected Optional<Instant> getModifiedTime() {
    return Optional.of(Instant.ofEpochSecond(Math.floorDiv(stat().lastModifiedTime(), 1000L)));
  }

  private FileProps stat() {
    if (stat == null) {
      throw new IllegalStateException("Could not read the attributes of " + absolutePath);
    }
    return stat;
  }

  /**
   * The Content-Type from the file name, as Python's {@code mimetypes} gives it on Debian:
   * {@code application/gzip} for {@code .gz}, {@code application/octet-stream} for other compressed
   * files and unknown extensions.
   *
   * <p>Tornado: StaticFileHandler.get_content_type.
   *
   * @return the type
   */
  protected String getContentType() {
    return MimeTypes.forPath(absolutePath);
  }

  /**
   * Adds headers of a subclass's own; does nothing by default.
   *
   * <p>Tornado: StaticFileHandler.set_extra_headers.
   *
   * @param path the path being served
   */
  protected void setExtraHeaders(String path) {}

  /**
   * Seconds the client may cache the response: {@link #CACHE_MAX_AGE} when the request has a
   * {@code v} argument, else 0 (no {@code Expires} or {@code Cache-Control}).
   *
   * <p>Tornado: StaticFileHandler.get_cache_time.
   *
   * @param path the path being served
   * @param modified its modification time
   * @param mimeType its Content-Type
   * @return the cache time in seconds
   */
  protected long getCacheTime(String path, Optional<Instant> modified, String mimeType) {
    return request().arguments().containsKey("v") ? CACHE_MAX_AGE : 0;
  }

  /**
   * The versioned URL of a static file: {@code static_url_prefix + path + "?v=" + version}, or without
   * {@code ?v=} when the file has no version. {@link RequestHandler#staticUrl(String)} calls this on the
   * {@code static_handler_class}; a subclass replaces it by declaring the same public static method.
   *
   * <p>Tornado: StaticFileHandler.make_static_url(settings, path) (a classmethod).
   *
   * @param settings the application's settings
   * @param path the file's path relative to {@code static_path}
   * @return the URL, relative to the host
   */
  public static String makeStaticUrl(Settings settings, String path) {
    return makeStaticUrl(settings, path, true);
  }

  /**
   * Tornado: StaticFileHandler.make_static_url(settings, path, include_version).
   *
   * @param settings the application's settings
   * @param path the file's path relative to {@code static_path}
   * @param includeVersion false for the bare URL
   * @return the URL, relative to the host
   */
  public static String makeStaticUrl(Settings settings, String path, boolean includeVersion) {
    String url = settings.staticUrlPrefix() + path;
    if (!includeVersion) {
      return url;
    }
    return StaticHandlerClass.getVersion(settings, path).map(version -> url + "?v=" + version).orElse(url);
  }

  /**
   * The file system path (relative to the root) for a URL path; the inverse of
   * {@link #makeStaticUrl(Settings, String)}.
   *
   * <p>Tornado: StaticFileHandler.parse_url_path.
   *
   * @param urlPath the decoded URL path below the prefix
   * @return the relative file path
   */
  protected String parseUrlPath(String urlPath) {
    return File.separatorChar == '/' ? urlPath : urlPath.replace('/', File.separatorChar);
  }

  /**
   * The version string of a static file for its URL: the cached {@code getContentVersion} of its
   * absolute path, computed on the calling thread the first time (reading the whole file). A file
   * that cannot be read logs {@code Could not open static file '<path>'} on {@code jornado.general}
   * and has no version (remembered until {@link #reset()}).
   *
   * <p>Tornado: StaticFileHandler.get_version (a classmethod).
   *
   * @param settings the application's settings ({@code static_path}, {@code static_handler_class})
   * @param path the file's path relative to {@code static_path}
   * @return the version, if the file could be read
   */
  public static Optional<String> getVersion(Settings settings, String path) {
    StaticFileHandler hooks = StaticHandlerClass.instance(settings);
    String staticPath = settings.staticPath()
        .orElseThrow(() -> new IllegalStateException("getVersion needs the 'static_path' setting"));
    String file = hooks.getAbsolutePath(staticPath, path);
    return StaticVersions.get(settings.staticHashCache(), file, () -> hooks.getContentVersion(file));
  }

  /**
   * Tornado: StaticFileHandler.root.
   *
   * @return the rule's root directory
   */
  protected final String root() {
    return root;
  }

  /**
   * Tornado: StaticFileHandler.default_filename.
   *
   * @return the file served for a directory, if set
   */
  protected final Optional<String> defaultFilename() {
    return Optional.ofNullable(defaultFilename);
  }

  /**
   * Tornado: StaticFileHandler.path.
   *
   * @return the path being served, relative to the root (set once the verb starts)
   */
  protected final String path() {
    return path;
  }

  /**
   * Tornado: StaticFileHandler.absolute_path.
   *
   * @return the validated file being served (set after {@link #validateAbsolutePath})
   */
  protected final String absolutePath() {
    return absolutePath;
  }

  /**
   * Tornado: StaticFileHandler.modified.
   *
   * @return the modification time being sent (set before the headers)
   */
  protected final Optional<Instant> modified() {
    return modified;
  }

  /**
   * The rules an application with {@code static_path} puts before its own: the prefix, then
   * {@code /favicon.ico} and {@code /robots.txt}, all served by {@code static_handler_class} with
   * {@code static_handler_args} plus {@code path}.
   */
  static List<UrlSpec> withStaticRules(List<UrlSpec> handlers, Settings settings) {
    Optional<String> staticPath = settings.staticPath();
    if (staticPath.isEmpty()) {
      return handlers;
    }
    Map<String, Object> args = new LinkedHashMap<>(settings.staticHandlerArgs());
    args.put("path", staticPath.get());
    Class<? extends StaticFileHandler> handler = settings.staticHandlerClass();
    List<UrlSpec> rules = new ArrayList<>(handlers.size() + 3);
    rules.add(UrlSpec.url("/(robots\\.txt)", handler, args));
    rules.add(UrlSpec.url("/(favicon\\.ico)", handler, args));
    rules.add(UrlSpec.url(regexEscape(settings.staticUrlPrefix()) + "(.*)", handler, args));
    rules.addAll(handlers);
    return rules;
  }

  private static String regexEscape(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (char c : text.toCharArray()) {
      if (c < 128 && !Character.isLetterOrDigit(c) && c != '/' && c != '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String join(String directory, String name) {
    if (name.startsWith(File.separator) || directory.isEmpty()) {
      return name;
    }
    return directory.endsWith(File.separator) ? directory + name : directory + File.separator + name;
  }

  /** os.path.abspath: made absolute against the working directory and normalised as text. */
  private static String absolute(String path) {
    if (File.separatorChar != '/') {
      return Path.of(path).toAbsolutePath().normalize().toString();
    }
    String full = path.startsWith("/") ? path : join(System.getProperty("user.dir"), path);
    List<String> parts = new ArrayList<>();
    for (String part : full.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
