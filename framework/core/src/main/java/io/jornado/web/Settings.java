package io.jornado.web;

import io.jornado.httpserver.ServerOptions;
import io.jornado.template.BaseLoader;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Application settings under Tornado's key names ({@code debug}, {@code serve_traceback},
 * {@code default_handler_class}, {@code log_function}, ...), with typed accessors beside them. Keys
 * Jornado does not know are kept for the application's own use.
 *
 * <p>{@code debug} implies {@code serve_traceback}, {@code compiled_template_cache=false},
 * {@code static_hash_cache=false} and {@code autoreload} unless those are given.
 *
 * <p>Tornado: tornado.web.Application.settings.
 */
public final class Settings {
  private final Map<String, Object> values;
  private final boolean compressResponse;

  private Settings(Map<String, ?> given) {
    Map<String, Object> copy = new LinkedHashMap<>(given);
    if (Boolean.TRUE.equals(copy.get("debug"))) {
      copy.putIfAbsent("autoreload", true);
      copy.putIfAbsent("compiled_template_cache", false);
      copy.putIfAbsent("static_hash_cache", false);
      copy.putIfAbsent("serve_traceback", true);
    }
    this.values = Collections.unmodifiableMap(copy);
    this.compressResponse = get("compress_response", false) || get("gzip", false);
  }

  /**
   * Settings from a map such as {@code Map.of("debug", true)}.
   *
   * <p>Tornado: Application(**settings).
   *
   * @param values settings by Tornado key name
   * @return the settings
   */
  public static Settings of(Map<String, ?> values) {
    return new Settings(values == null ? Map.of() : values);
  }

  /**
   * Tornado: Application.settings (empty).
   *
   * @return no settings
   */
  public static Settings empty() {
    return of(Map.of());
  }

  /**
   * Tornado: Application.settings.
   *
   * @return every setting, read-only
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * A setting by key.
   *
   * <p>Tornado: settings.get(key).
   *
   * @param key the Tornado key name
   * @return the value, if set
   */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * A setting by key, or a default.
   *
   * <p>Tornado: settings.get(key, default).
   *
   * @param key the Tornado key name
   * @param defaultValue returned when the key is unset
   * @param <T> the expected type
   * @return the value or the default
   * @throws IllegalArgumentException naming the key when the value has another type
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, T defaultValue) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (defaultValue != null && !defaultValue.getClass().isInstance(value)) {
      throw new IllegalArgumentException("Setting '" + key + "' should be a "
          + defaultValue.getClass().getSimpleName() + ", got " + value.getClass().getSimpleName() + ": " + value);
    }
    return (T) value;
  }

  /**
   * Tornado: settings["debug"].
   *
   * @return whether debug mode is on
   */
  public boolean debug() {
    return get("debug", false);
  }

  /**
   * Tornado: settings["serve_traceback"].
   *
   * @return whether error pages carry the stack trace
   */
  public boolean serveTraceback() {
    return get("serve_traceback", false);
  }

  /**
   * Whether responses are gzipped for clients that accept it (and every response carries
   * {@code Vary: Accept-Encoding}); on when {@code compress_response} or its alias {@code gzip} is
   * true. Read once, when the settings are made.
   *
   * <p>Tornado: settings["compress_response"] / settings["gzip"].
   *
   * @return whether the gzip output transform is on
   */
  public boolean compressResponse() {
    return compressResponse;
  }

  /**
   * Tornado: settings["default_handler_class"].
   *
   * @return the handler for unmatched requests, if set
   */
  @SuppressWarnings("unchecked")
  public Optional<Class<? extends RequestHandler>> defaultHandlerClass() {
    Object value = values.get("default_handler_class");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Class) || !RequestHandler.class.isAssignableFrom((Class<?>) value)) {
      throw new IllegalArgumentException("Setting 'default_handler_class' should be a RequestHandler subclass, got " + value);
    }
    return Optional.of((Class<? extends RequestHandler>) value);
  }

  /**
   * Tornado: settings["default_handler_args"].
   *
   * @return the arguments for its initialize()
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> defaultHandlerArgs() {
    return get("default_handler_args", Map.of());
  }

  /**
   * Tornado: settings["log_function"].
   *
   * @return the replacement for the access log, if set
   */
  @SuppressWarnings("unchecked")
  public Optional<Consumer<RequestHandler>> logFunction() {
    Object value = values.get("log_function");
    if (value != null && !(value instanceof Consumer)) {
      throw new IllegalArgumentException("Setting 'log_function' should be a Consumer<RequestHandler>, got " + value);
    }
    return Optional.ofNullable((Consumer<RequestHandler>) value);
  }

  /**
   * The directory static files are served from; when set, the application serves it under
   * {@link #staticUrlPrefix()} and at {@code /favicon.ico} and {@code /robots.txt}.
   *
   * <p>Tornado: settings["static_path"].
   *
   * @return the directory (a String or Path setting), if set and not empty
   * @throws IllegalArgumentException when the setting is neither a String nor a Path
   */
  public Optional<String> staticPath() {
    return pathSetting("static_path");
  }

  private Optional<String> pathSetting(String key) {
    Object value = values.get(key);
    if (value != null && !(value instanceof String) && !(value instanceof java.nio.file.Path)) {
      throw new IllegalArgumentException("Setting '" + key + "' should be a String or Path, got " + value);
    }
    return Optional.ofNullable(value).map(Object::toString).filter(path -> !path.isEmpty());
  }

  /**
   * Tornado: settings.get("static_url_prefix", "/static/").
   *
   * @return the URL prefix of static files
   */
  public String staticUrlPrefix() {
    return get("static_url_prefix", "/static/");
  }

  /**
   * Tornado: settings.get("static_handler_class", StaticFileHandler).
   *
   * @return the handler serving static files and making their URLs
   * @throws IllegalArgumentException when the setting is not a StaticFileHandler subclass
   */
  @SuppressWarnings("unchecked")
  public Class<? extends StaticFileHandler> staticHandlerClass() {
    Object value = values.get("static_handler_class");
    if (value == null) {
      return StaticFileHandler.class;
    }
    if (!(value instanceof Class) || !StaticFileHandler.class.isAssignableFrom((Class<?>) value)) {
      throw new IllegalArgumentException("Setting 'static_handler_class' should be a StaticFileHandler subclass, got " + value);
    }
    return (Class<? extends StaticFileHandler>) value;
  }

  /**
   * Tornado: settings.get("static_handler_args", {}).
   *
   * @return the initialize() arguments of the static rules, besides {@code path}
   * @throws IllegalArgumentException when the setting is not a map
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> staticHandlerArgs() {
    Object value = values.getOrDefault("static_handler_args", Map.of());
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("Setting 'static_handler_args' should be a Map, got " + value);
    }
    return (Map<String, Object>) value;
  }

  /**
   * Whether static file versions are computed once per file (false under {@code debug}).
   *
   * <p>Tornado: settings.get("static_hash_cache", True).
   *
   * @return true to cache
   */
  public boolean staticHashCache() {
    return get("static_hash_cache", true);
  }

  /**
   * The directory templates are loaded from by {@code RequestHandler.render}.
   *
   * <p>Tornado: settings["template_path"].
   *
   * @return the directory (a String or Path setting), if set and not empty
   * @throws IllegalArgumentException when the setting is neither a String nor a Path
   */
  public Optional<String> templatePath() {
    return pathSetting("template_path");
  }

  /**
   * A loader used instead of a {@code Loader} on {@link #templatePath()}.
   *
   * <p>Tornado: settings["template_loader"].
   *
   * @return the loader, if set
   * @throws IllegalArgumentException when the setting is not a {@code BaseLoader}
   */
  public Optional<BaseLoader> templateLoader() {
    Object value = values.get("template_loader");
    if (value != null && !(value instanceof BaseLoader)) {
      throw new IllegalArgumentException("Setting 'template_loader' should be a BaseLoader, got " + value);
    }
    return Optional.ofNullable((BaseLoader) value);
  }

  /**
   * Whether {@code autoescape} is given at all; a null value means "no autoescaping", so a map
   * that allows null values (such as a {@code HashMap}) can switch it off.
   *
   * <p>Tornado: "autoescape" in settings.
   *
   * @return whether the key is present
   */
  public boolean hasAutoescape() {
    return values.containsKey("autoescape");
  }

  /**
   * The autoescape function name of templates loaded from {@link #templatePath()}.
   *
   * <p>Tornado: settings["autoescape"].
   *
   * @return the function name ({@code xhtml_escape} when unset), or empty for no autoescaping
   * @throws IllegalArgumentException when the setting is not a String
   */
  public Optional<String> autoescape() {
    if (!hasAutoescape()) {
      return Optional.of("xhtml_escape");
    }
    Object value = values.get("autoescape");
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("Setting 'autoescape' should be a function name or null, got " + value);
    }
    return Optional.ofNullable((String) value);
  }

  /**
   * The whitespace mode of templates loaded from {@link #templatePath()}.
   *
   * <p>Tornado: settings["template_whitespace"].
   *
   * @return {@code all}, {@code single} or {@code oneline}, if set
   */
  public Optional<String> templateWhitespace() {
    return Optional.ofNullable(get("template_whitespace", (String) null));
  }

  /**
   * Whether parsed templates are kept between requests (false under {@code debug}: every request
   * that renders re-reads its templates).
   *
   * <p>Tornado: settings.get("compiled_template_cache", True).
   *
   * @return true to cache
   */
  public boolean compiledTemplateCache() {
    return get("compiled_template_cache", true);
  }

  /**
   * The UI modules templates reach with {@code {% module Name(...) %}}: a map of name to
   * {@code UIModule} subclass (with a public no-argument constructor), or a list of such maps,
   * after the built-in {@code Template}, {@code linkify} and {@code xsrf_form_html}.
   *
   * <p>Tornado: settings["ui_modules"].
   *
   * @return module classes by name, in order
   * @throws IllegalArgumentException naming the entry that is not a UIModule subclass
   */
  public Map<String, Class<? extends UIModule>> uiModules() {
    Map<String, Class<? extends UIModule>> out = new LinkedHashMap<>(UIModule.BUILT_IN);
    for (Map.Entry<String, Object> e : namedEntries("ui_modules").entrySet()) {
      Object cls = e.getValue();
      if (!(cls instanceof Class) || !UIModule.class.isAssignableFrom((Class<?>) cls)) {
        throw new IllegalArgumentException("ui_modules['" + e.getKey() + "'] should be a UIModule subclass, got " + cls);
      }
      out.put(e.getKey(), ((Class<?>) cls).asSubclass(UIModule.class));
    }
    return out;
  }

  /**
   * The functions templates call by name with the handler bound first: a map of name to
   * {@code UIMethod}, or a list of such maps.
   *
   * <p>Tornado: settings["ui_methods"].
   *
   * @return methods by name, in order
   * @throws IllegalArgumentException naming the entry that is not a UIMethod
   */
  public Map<String, UIMethod> uiMethods() {
    Map<String, UIMethod> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : namedEntries("ui_methods").entrySet()) {
      if (!(e.getValue() instanceof UIMethod)) {
        throw new IllegalArgumentException("ui_methods['" + e.getKey() + "'] should be a UIMethod, got " + e.getValue());
      }
      out.put(e.getKey(), (UIMethod) e.getValue());
    }
    return out;
  }

  private Map<String, Object> namedEntries(String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    Object value = values.get(key);
    List<?> maps = value instanceof List ? (List<?>) value : value == null ? List.of() : List.of(value);
    for (Object map : maps) {
      if (!(map instanceof Map)) {
        throw new IllegalArgumentException("Setting '" + key + "' should be a Map or a List of Maps, got " + map);
      }
      ((Map<?, ?>) map).forEach((name, item) -> out.put(String.valueOf(name), item));
    }
    return out;
  }

  /**
   * The largest WebSocket message accepted, in bytes (10 MiB by default).
   *
   * <p>Tornado: settings["websocket_max_message_size"].
   *
   * @return the limit
   * @throws IllegalArgumentException when the setting is not a number
   */
  public long websocketMaxMessageSize() {
    Object value = values.get("websocket_max_message_size");
    if (value != null && !(value instanceof Number)) {
      throw new IllegalArgumentException("Setting 'websocket_max_message_size' should be a number of bytes, got " + value);
    }
    return value == null ? ServerOptions.DEFAULT_WEBSOCKET_MAX_MESSAGE_SIZE : ((Number) value).longValue();
  }

  /**
   * Time between WebSocket pings, from seconds or a {@code Duration}.
   *
   * <p>Tornado: settings["websocket_ping_interval"].
   *
   * @return the interval, if set
   */
  public Optional<Duration> websocketPingInterval() {
    return seconds("websocket_ping_interval");
  }

  /**
   * How long to wait for a pong, from seconds or a {@code Duration}.
   *
   * <p>Tornado: settings["websocket_ping_timeout"].
   *
   * @return the timeout, if set
   */
  public Optional<Duration> websocketPingTimeout() {
    return seconds("websocket_ping_timeout");
  }

  private Optional<Duration> seconds(String key) {
    Object value = values.get(key);
    if (value == null || value instanceof Duration) {
      return Optional.ofNullable((Duration) value);
    }
    if (value instanceof Number) {
      return Optional.of(Duration.ofNanos(Math.round(((Number) value).doubleValue() * 1e9)));
    }
    throw new IllegalArgumentException("Setting '" + key + "' should be seconds or a Duration, got " + value);
  }

  @Override
  public String toString() {
    return "Settings" + values;
  }
}
