package io.jornado.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One defined option: its definition (name, type, help, group, ...) and its current value.
 *
 * <p>Returned by {@link OptionParser#define(OptionSpec)} and its short forms. Keep the handle to
 * read the value without a name lookup: {@code int port = PORT.value();}. For a {@code multiple}
 * option {@code T} is a {@code List} of the element {@link #type()}.
 *
 * <p>Values are read and written through a volatile field, so a value set while parsing at start-up
 * is visible to every thread afterwards.
 *
 * <p>Tornado: tornado.options._Option.
 *
 * @param <T> the value type: the option's type, or a list of it for a multiple option
 */
public final class Option<T> implements Supplier<T> {
  private static final Object UNSET = new Object();

  private final String name;
  private final Class<?> type;
  private final boolean multiple;
  private final T defaultValue;
  private final String help;
  private final String metavar;
  private final String fileName;
  private final String group;
  private final Consumer<? super T> callback;
  private volatile Object value = UNSET;

  @SuppressWarnings("unchecked")
  Option(OptionSpec<T> spec, Class<?> type, String fileName) {
    this.name = spec.name;
    this.type = type;
    this.multiple = spec.multiple;
    this.help = spec.help;
    this.metavar = spec.metavar;
    this.fileName = fileName;
    this.group = spec.group != null && !spec.group.isEmpty() ? spec.group : fileName;
    this.callback = spec.callback;
    if (multiple) {
      this.defaultValue =
          spec.defaultValue == null ? (T) List.of() : (T) checkedList(spec.defaultValue);
    } else {
      this.defaultValue = (T) checkedScalar(spec.defaultValue);
    }
  }

  /**
   * The name as given to {@code define} (with its {@code _} or {@code -}); the help text and
   * lookups treat {@code _} and {@code -} alike.
   *
   * <p>Tornado: tornado.options._Option.name.
   *
   * @return the option's name
   */
  public String name() {
    return name;
  }

  /**
   * The current value: the last one set or parsed, else the default. Null where Tornado has {@code
   * None}: an option without a default that was never set (a multiple option's default is then an
   * empty list).
   *
   * <p>Tornado: tornado.options._Option.value (and attribute access {@code options.name}).
   *
   * @return the value, possibly null
   */
  @SuppressWarnings("unchecked")
  public T value() {
    Object current = value;
    return current == UNSET ? defaultValue : (T) current;
  }

  /**
   * The same as {@link #value()}, so an option can be passed where a {@link Supplier} is wanted.
   *
   * <p>Tornado: tornado.options._Option.value.
   *
   * @return the value, possibly null
   */
  @Override
  public T get() {
    return value();
  }

  /**
   * Sets the value, checking its type (no string parsing), then runs the option's callback with it.
   * A multiple option takes a list whose items are of the option's type (or null).
   *
   * <p>Tornado: tornado.options._Option.set (and {@code options.name = value}).
   *
   * @param newValue the new value; null is allowed for a single-valued option, as Python's None
   * @throws OptionsError if the value has the wrong type, with Tornado's message such as {@code
   *     Option 'port' is required to be a Integer (String given)}
   */
  public void set(T newValue) {
    setChecked(newValue);
  }

  /**
   * The value type; for a multiple option, the type of each item.
   *
   * <p>Tornado: tornado.options._Option.type.
   *
   * @return the type, such as {@code Integer.class}
   */
  public Class<?> type() {
    return type;
  }

  /**
   * The help text shown by {@code --help}.
   *
   * <p>Tornado: tornado.options._Option.help.
   *
   * @return the help text, if one was given
   */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }

  /**
   * The placeholder shown after {@code =} in the help text, as in {@code --port=PORT}.
   *
   * <p>Tornado: tornado.options._Option.metavar.
   *
   * @return the metavar, if one was given (Tornado shows none by default)
   */
  public Optional<String> metavar() {
    return Optional.ofNullable(metavar);
  }

  /**
   * Whether the value is a list parsed from comma-separated items (and {@code lo:hi} ranges for
   * integer types).
   *
   * <p>Tornado: tornado.options._Option.multiple.
   *
   * @return true for a multiple option
   */
  public boolean multiple() {
    return multiple;
  }

  /**
   * The group the help text lists this option under: the group given to {@code define}, else the
   * source file of the class that defined it (such as {@code Server.java}), as Tornado uses the
   * defining module's file. Options defined by the parser itself ({@code help}) have group {@code
   * ""}.
   *
   * <p>Tornado: tornado.options._Option.group_name.
   *
   * @return the group name, never null
   */
  public String group() {
    return group;
  }

  /**
   * The default value: what {@link #value()} returns until the option is set.
   *
   * <p>Tornado: tornado.options._Option.default.
   *
   * @return the default, if any; a multiple option's default is a list (empty if none was given)
   */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * A description for debugging, such as {@code Option[port=8888]}.
   *
   * <p>Tornado: (none; Java-only).
   *
   * @return the name and current value
   */
  @Override
  public String toString() {
    return "Option[" + name + "=" + PyFormat.str(value()) + "]";
  }

  /** The source file (or "") of the class that defined this option, for messages. */
  String fileName() {
    return fileName;
  }

  /** The default as given, for the help text's {@code (default X)}. */
  T rawDefault() {
    return defaultValue;
  }

  /** Type-checked set of an untyped value (config files, {@code OptionParser.set}). */
  @SuppressWarnings("unchecked")
  void setChecked(Object newValue) {
    Object checked = multiple ? checkedList(newValue) : checkedScalar(newValue);
    value = checked;
    runCallback((T) checked);
  }

  /**
   * Parses a command-line string as Tornado's {@code _Option.parse}: comma-separated items for a
   * multiple option, with inclusive {@code lo:hi} ranges for integer types. Runs the callback.
   */
  @SuppressWarnings("unchecked")
  T parse(String text) {
    Object parsed;
    if (multiple) {
      List<Object> items = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        if (OptionTypes.isIntegral(type)) {
          addRange(items, part);
        } else {
          items.add(parseOne(part));
        }
      }
      parsed = Collections.unmodifiableList(items);
    } else {
      parsed = parseOne(text);
    }
    value = parsed;
    runCallback((T) parsed);
    return value();
  }

  private void addRange(List<Object> items, String part) {
    int colon = part.indexOf(':');
    String loText = colon < 0 ? part : part.substring(0, colon);
    String hiText = colon < 0 ? "" : part.substring(colon + 1);
    long lo = ((Number) parseOne(loText)).longValue();
    long hi = hiText.isEmpty() ? lo : ((Number) parseOne(hiText)).longValue();
    for (long i = lo; i <= hi; i++) {
      items.add(type == Integer.class ? (Object) (int) i : (Object) i);
    }
  }

  private Object parseOne(String text) {
    try {
      return ValueParser.parse(type, text);
    } catch (IllegalArgumentException e) {
      throw new OptionsError("Option " + PyFormat.repr(name) + ": " + e.getMessage(), e);
    }
  }

  private void runCallback(T newValue) {
    if (callback != null) {
      callback.accept(newValue);
    }
  }

  private Object checkedScalar(Object candidate) {
    if (candidate != null && !type.isInstance(candidate)) {
      throw new OptionsError(
          "Option "
              + PyFormat.repr(name)
              + " is required to be a "
              + OptionTypes.displayName(type)
              + " ("
              + candidate.getClass().getSimpleName()
              + " given)");
    }
    return candidate;
  }

  private List<Object> checkedList(Object candidate) {
    boolean ok = candidate instanceof List;
    if (ok) {
      for (Object item : (List<?>) candidate) {
        ok &= item == null || type.isInstance(item);
      }
    }
    if (!ok) {
      throw new OptionsError(
          "Option "
              + PyFormat.repr(name)
              + " is required to be a list of "
              + OptionTypes.displayName(type));
    }
    return Collections.unmodifiableList(new ArrayList<>((List<?>) candidate));
  }
}
