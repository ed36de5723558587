package io.jornado.options;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The keyword arguments of Tornado's {@code define}, as a small fluent builder passed to {@link
 * OptionParser#define(OptionSpec)} or {@link Options#define(OptionSpec)}:
 *
 * <pre>{@code
 * Option<Integer> port = Options.define(OptionSpec.of("port", Integer.class)
 *     .defaultValue(8888).help("run on the given port"));
 * Option<List<Integer>> ports = Options.define(OptionSpec.multiple("ports", Integer.class)
 *     .help("ports to listen on, such as 8000,8002:8004").group("network"));
 * Option<String> config = Options.define(OptionSpec.of("config")
 *     .help("path to config file").callback(path -> Options.parseConfigFile(path, false)));
 * }</pre>
 *
 * <p>The type is fixed when the spec is created ({@link #of(String)} means {@code String}, as
 * Tornado's default {@code type=str}); for a type inferred from a default value use {@link
 * OptionParser#define(String, Object, String)}. A spec is a plain value holder: defining it copies
 * what it holds, so one spec may be reused with several parsers.
 *
 * <p>Tornado: the keyword arguments of tornado.options.define ({@code default, type, help, metavar,
 * multiple, group, callback}).
 *
 * @param <T> the option's value type; a {@code List} of the element type for a multiple option
 */
public final class OptionSpec<T> {
  final String name;
  final Class<?> type;
  final boolean multiple;
  T defaultValue;
  String help;
  String metavar;
  String group;
  Consumer<? super T> callback;

  OptionSpec(String name, Class<?> type, boolean multiple) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.multiple = multiple;
  }

  /**
   * A string option with no default.
   *
   * <p>Tornado: {@code define(name)} (type defaults to {@code str}).
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @return a spec to refine and define
   */
  public static OptionSpec<String> of(String name) {
    return new OptionSpec<>(name, String.class, false);
  }

  /**
   * A single-valued option of the given type: {@code String}, {@code Integer}/{@code int}, {@code
   * Long}, {@code Double}, {@code Boolean}, {@code Duration}, {@code LocalDateTime}, {@code
   * Instant}, {@code Path} or {@code File}.
   *
   * <p>Tornado: {@code define(name, type=...)}.
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @param type the value type (a primitive class means its wrapper)
   * @param <T> the value type
   * @return a spec to refine and define
   */
  public static <T> OptionSpec<T> of(String name, Class<T> type) {
    return new OptionSpec<>(name, type, false);
  }

  /**
   * A multiple option: its value is a list of {@code elementType}, parsed from comma-separated
   * items; for {@code Integer} and {@code Long}, an item {@code lo:hi} expands to the inclusive
   * range. Without a default its value is an empty list.
   *
   * <p>Tornado: {@code define(name, type=..., multiple=True)}.
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @param elementType the type of each item
   * @param <E> the item type
   * @return a spec to refine and define
   */
  public static <E> OptionSpec<List<E>> multiple(String name, Class<E> elementType) {
    return new OptionSpec<>(name, elementType, true);
  }

  /**
   * The value the option has until it is set.
   *
   * <p>Tornado: define's {@code default}.
   *
   * @param value the default, or null for none (Python's None)
   * @return this spec
   */
  public OptionSpec<T> defaultValue(T value) {
    this.defaultValue = value;
    return this;
  }

  /**
   * The help text for {@code --help}; {@code (default X)} is appended to it when there is a
   * default.
   *
   * <p>Tornado: define's {@code help}.
   *
   * @param text the help text
   * @return this spec
   */
  public OptionSpec<T> help(String text) {
    this.help = text;
    return this;
  }

  /**
   * The placeholder shown in the help text as {@code --name=METAVAR}.
   *
   * <p>Tornado: define's {@code metavar}.
   *
   * @param placeholder such as {@code PORT}
   * @return this spec
   */
  public OptionSpec<T> metavar(String placeholder) {
    this.metavar = placeholder;
    return this;
  }

  /**
   * The group the help text lists the option under (and {@link OptionParser#groupDict(String)}
   * selects by); by default, the defining class's source file.
   *
   * <p>Tornado: define's {@code group}.
   *
   * @param name the group name
   * @return this spec
   */
  public OptionSpec<T> group(String name) {
    this.group = name;
    return this;
  }

  /**
   * Runs with the new value every time the option is set or parsed (command line or config file).
   *
   * <p>Tornado: define's {@code callback}.
   *
   * @param onSet receives the new value
   * @return this spec
   */
  public OptionSpec<T> callback(Consumer<? super T> onSet) {
    this.callback = onSet;
    return this;
  }
}
