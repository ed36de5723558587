package io.jornado.options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * A set of options: define them, then fill them from the command line and config files.
 *
 * <p>Most programs use the global parser through the static functions of {@link Options}; create an
 * {@code OptionParser} for an isolated set of options (a subcommand, a test). Every parser defines
 * {@code --help}, which prints the help text to standard error and exits with status 0.
 *
 * <p>Names treat {@code _} and {@code -} alike: an option defined as {@code max_size} is set with
 * {@code --max-size=1} or {@code --max_size=1} and read as either; the help text shows dashes.
 *
 * <p>Define options at start-up. Definition and lookup are thread-safe; values are published
 * through {@link Option}'s volatile field.
 *
 * <p>Tornado: tornado.options.OptionParser.
 */
public final class OptionParser {
  private static final Set<String> OWN_CLASSES =
      Set.of(OptionParser.class.getName(), Options.class.getName());

  private final Map<String, Option<?>> options = new LinkedHashMap<>();
  private final List<Runnable> parseCallbacks = new CopyOnWriteArrayList<>();
  private final PrintStream err;
  private final IntConsumer exit;
  private volatile String programName;

  /**
   * A parser whose {@code --help} and unrecognized-option output go to {@link System#err} (as
   * current when printing) and whose {@code --help} calls {@link System#exit}(0).
   *
   * <p>Tornado: tornado.options.OptionParser().
   */
  public OptionParser() {
    this.err = null;
    this.exit = System::exit;
    defineHelp();
  }

  /**
   * A parser with its error stream and exit hook supplied, for tests and embedding. If {@code exit}
   * returns instead of ending the process, parsing continues after {@code --help}.
   *
   * <p>Tornado: tornado.options.OptionParser() (which always uses sys.stderr and sys.exit).
   *
   * @param err where {@code --help} and unrecognized options print the help text
   * @param exit called with 0 after {@code --help} printed the help text
   */
  public OptionParser(PrintStream err, IntConsumer exit) {
    this.err = Objects.requireNonNull(err, "err");
    this.exit = Objects.requireNonNull(exit, "exit");
    defineHelp();
  }

  /** Tornado's constructor defines {@code help} from options.py itself, so its group is "". */
  private void defineHelp() {
    define(
        OptionSpec.of("help", Boolean.class)
            .help("show this help information")
            .callback(this::helpCallback),
        "");
  }

  /**
   * Defines a string option with no default.
   *
   * <p>Tornado: tornado.options.OptionParser.define (as {@code define(name)}).
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @return the defined option
   * @throws OptionsError {@code Option 'name' already defined in <file>} if it exists
   */
  public Option<String> define(String name) {
    return define(OptionSpec.of(name), callerFileName());
  }

  /**
   * Defines an option whose type is the default value's type ({@code String} if the default is
   * null), as Tornado infers {@code type} from {@code default}.
   *
   * <pre>{@code Option<Integer> port = parser.define("port", 8888, "run on the given port");}</pre>
   *
   * <p>Tornado: tornado.options.OptionParser.define (as {@code define(name, default=...,
   * help=...)}).
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @param defaultValue the default, which also gives the type
   * @param help the help text, or null
   * @param <T> the value type
   * @return the defined option
   * @throws OptionsError if the name is already defined or the type is not supported
   */
  public <T> Option<T> define(String name, T defaultValue, String help) {
    OptionSpec<T> spec =
        new OptionSpec<T>(name, OptionTypes.inferredFrom(name, defaultValue), false)
            .defaultValue(defaultValue)
            .help(help);
    return define(spec, callerFileName());
  }

  /**
   * Defines an option from a spec carrying Tornado's keyword arguments (type, default, help,
   * metavar, multiple, group, callback).
   *
   * <p>Tornado: tornado.options.OptionParser.define.
   *
   * @param spec the option's definition
   * @param <T> the value type
   * @return the defined option
   * @throws OptionsError {@code Option 'name' already defined in <file>} if it exists, or if the
   *     type is not supported or the default does not have the option's type
   */
  public <T> Option<T> define(OptionSpec<T> spec) {
    return define(spec, callerFileName());
  }

  private <T> Option<T> define(OptionSpec<T> spec, String fileName) {
    String normalized = normalizeName(spec.name);
    Class<?> type = OptionTypes.checked(spec.name, spec.type);
    synchronized (options) {
      Option<?> existing = options.get(normalized);
      if (existing != null) {
        throw new OptionsError(
            "Option " + PyFormat.repr(normalized) + " already defined in " + existing.fileName());
      }
      Option<T> option = new Option<>(spec, type, fileName);
      options.put(normalized, option);
      return option;
    }
  }

  /**
   * Parses options from command-line arguments, then runs the parse callbacks.
   *
   * <p>Options look like {@code --name=value} (any number of leading dashes); a bool option may be
   * given bare ({@code --debug} means true). Parsing stops at the first argument that does not
   * start with {@code -}, or after {@code --}. Unlike Python's {@code sys.argv}, Java's {@code
   * args} has no program name, so every argument is parsed.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_command_line.
   *
   * @param args the arguments, as given to {@code main}
   * @return the arguments left after the options
   * @throws OptionsError {@code Unrecognized command line option: 'x'} (after printing the help
   *     text), {@code Option 'x' requires a value}, or a bad value naming the option
   */
  public List<String> parseCommandLine(String... args) {
    return parseCommandLine(args, true);
  }

  /**
   * Parses options from command-line arguments; runs the parse callbacks only if {@code
   * finalParse}. Pass false for all but the last of several parses.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_command_line(args, final).
   *
   * @param args the arguments, as given to {@code main}
   * @param finalParse whether to run the parse callbacks afterwards
   * @return the arguments left after the options
   * @throws OptionsError as {@link #parseCommandLine(String...)}
   */
  public List<String> parseCommandLine(String[] args, boolean finalParse) {
    List<String> remaining = List.of();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        remaining = copyOfRange(args, i);
        break;
      }
      if (arg.equals("--")) {
        remaining = copyOfRange(args, i + 1);
        break;
      }
      String stripped = arg.replaceFirst("^-+", "");
      int equals = stripped.indexOf('=');
      String name = normalizeName(equals < 0 ? stripped : stripped.substring(0, equals));
      String value = equals < 0 ? null : stripped.substring(equals + 1);
      Option<?> option = find(name);
      if (option == null) {
        printHelp();
        throw new OptionsError("Unrecognized command line option: " + PyFormat.repr(name));
      }
      if (value == null) {
        if (option.type() != Boolean.class) {
          throw new OptionsError("Option " + PyFormat.repr(name) + " requires a value");
        }
        value = "true";
      }
      option.parse(value);
    }
    if (finalParse) {
      runParseCallbacks();
    }
    return remaining;
  }

  /**
   * Sets options from a config file, then runs the parse callbacks. See {@link
   * #parseConfigFile(Path, boolean)} for the format.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_config_file.
   *
   * @param path the config file (UTF-8)
   * @throws OptionsError if the file cannot be read, has a syntax error, or sets a bad value
   */
  public void parseConfigFile(Path path) {
    parseConfigFile(path, true);
  }

  /**
   * Sets options from a config file; runs the parse callbacks only if {@code finalParse}.
   *
   * <p>Tornado executes the file as Python; Jornado reads a literal subset of Python, so a simple
   * Tornado config file works unchanged:
   *
   * <pre>
   * # comment
   * port = 8888
   * mysql_host = 'mydb.example.com:3306'
   * memcache_hosts = ['cache1:11011',
   *                   'cache2:11011']     # a list for a multiple option
   * memcache_hosts = 'cache1:11011,cache2:11011'   # or a comma-separated string
   * debug = True
   * ratio = 0.5
   * log_dir = None
   * </pre>
   *
   * <p>Values are quoted strings (Python escapes), integers, floats, {@code True}, {@code False},
   * {@code None}, {@code __file__} (this file's absolute path) and lists of those. Names use {@code
   * _} for {@code -}. Names that are not options are ignored. A string given for a non-string
   * option (or a multiple option) is parsed as on the command line ({@code delay = '1h 30m'}); any
   * other value must have the option's type (an integer also fits a {@code Long} option). If a name
   * is assigned twice, the last value wins and the option is set once.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_config_file(path, final).
   *
   * @param path the config file (UTF-8)
   * @param finalParse whether to run the parse callbacks afterwards
   * @throws OptionsError naming the file, line and its text for a syntax error or bad value, or
   *     naming the file if it cannot be read
   */
  public void parseConfigFile(Path path, boolean finalParse) {
    String source;
    try {
      source = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OptionsError("Cannot read config file " + path + ": " + e, e);
    }
    String absolute = path.toAbsolutePath().normalize().toString();
    Map<String, ConfigFileParser.Assignment> assignments =
        ConfigFileParser.parse(path.toString(), absolute, source);
    for (Map.Entry<String, ConfigFileParser.Assignment> entry : assignments.entrySet()) {
      Option<?> option = find(normalizeName(entry.getKey()));
      if (option == null) {
        continue;
      }
      ConfigFileParser.Assignment assignment = entry.getValue();
      try {
        ConfigValues.apply(option, assignment.value);
      } catch (OptionsError e) {
        throw ConfigFileParser.error(
            path.toString(), assignment.line, assignment.text, e.getMessage(), e);
      }
    }
    if (finalParse) {
      runParseCallbacks();
    }
  }

  /**
   * {@link #parseConfigFile(Path)} for a path given as a string.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_config_file.
   *
   * @param path the config file (UTF-8)
   * @throws OptionsError as {@link #parseConfigFile(Path, boolean)}
   */
  public void parseConfigFile(String path) {
    parseConfigFile(Path.of(path), true);
  }

  /**
   * {@link #parseConfigFile(Path, boolean)} for a path given as a string, handy in a callback:
   * {@code .callback(path -> parser.parseConfigFile(path, false))}.
   *
   * <p>Tornado: tornado.options.OptionParser.parse_config_file(path, final).
   *
   * @param path the config file (UTF-8)
   * @param finalParse whether to run the parse callbacks afterwards
   * @throws OptionsError as {@link #parseConfigFile(Path, boolean)}
   */
  public void parseConfigFile(String path, boolean finalParse) {
    parseConfigFile(Path.of(path), finalParse);
  }

  /**
   * Prints the help text to the parser's error stream (standard error by default).
   *
   * <p>Tornado: tornado.options.OptionParser.print_help.
   */
  public void printHelp() {
    printHelp(err != null ? err : System.err);
  }

  /**
   * Prints the help text in Tornado's layout: {@code Usage: <program> [OPTIONS]}, then the options
   * by group (sorted by group name, each headed {@code <group> options:} except the parser's own
   * group), sorted by name, as {@code --name[=METAVAR]} padded to 30 columns and the help wrapped
   * at 44 columns, with {@code (default X)} when the default is neither null nor empty.
   *
   * <p>Tornado: tornado.options.OptionParser.print_help(file).
   *
   * @param out where to print
   */
  public void printHelp(PrintStream out) {
    out.print(HelpFormatter.format(programName(), snapshot()));
    out.flush();
  }

  /**
   * The program name shown in the help's usage line. Defaults to the main class or jar the JVM was
   * started with.
   *
   * <p>Tornado: {@code sys.argv[0]}, which print_help shows.
   *
   * @return the program name
   */
  public String programName() {
    String name = programName;
    return name != null ? name : defaultProgramName();
  }

  /**
   * Sets the program name shown in the help's usage line.
   *
   * <p>Tornado: {@code sys.argv[0]}, which print_help shows.
   *
   * @param name such as {@code chat}
   * @return this parser
   */
  public OptionParser programName(String name) {
    this.programName = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Adds a callback to run after each final parse ({@code finalParse} true).
   *
   * <p>Tornado: tornado.options.OptionParser.add_parse_callback.
   *
   * @param callback runs after parsing
   */
  public void addParseCallback(Runnable callback) {
    parseCallbacks.add(Objects.requireNonNull(callback, "callback"));
  }

  /**
   * Runs the parse callbacks, in the order added.
   *
   * <p>Tornado: tornado.options.OptionParser.run_parse_callbacks.
   */
  public void runParseCallbacks() {
    for (Runnable callback : parseCallbacks) {
      callback.run();
    }
  }

  /**
   * Whether an option of this name is defined ({@code _} and {@code -} alike).
   *
   * <p>Tornado: tornado.options.OptionParser.__contains__.
   *
   * @param name the option name
   * @return true if defined
   */
  public boolean contains(String name) {
    return find(normalizeName(name)) != null;
  }

  /**
   * The defined option of this name ({@code _} and {@code -} alike).
   *
   * <p>Tornado: tornado.options.OptionParser._options[name].
   *
   * @param name the option name
   * @return the option
   * @throws OptionsError {@code Unrecognized option 'x'} if none is defined
   */
  public Option<?> option(String name) {
    String normalized = normalizeName(name);
    Option<?> option = find(normalized);
    if (option == null) {
      throw new OptionsError("Unrecognized option " + PyFormat.repr(normalized));
    }
    return option;
  }

  /**
   * The current value of an option ({@code _} and {@code -} alike).
   *
   * <p>Tornado: tornado.options.OptionParser.__getattr__ / __getitem__ ({@code options.port}).
   *
   * @param name the option name
   * @return the value; null where Tornado has None
   * @throws OptionsError {@code Unrecognized option 'x'} if none is defined
   */
  public Object value(String name) {
    return option(name).value();
  }

  /**
   * Sets an option's value, checking its type (no string parsing), and runs its callback.
   *
   * <p>Tornado: tornado.options.OptionParser.__setattr__ / __setitem__ ({@code options.port = 80}).
   *
   * @param name the option name
   * @param value the new value, of the option's type (a list of it for a multiple option)
   * @throws OptionsError if the option is not defined or the value has the wrong type
   */
  public void set(String name, Object value) {
    option(name).setChecked(value);
  }

  /**
   * The names of all options as defined (with their own {@code _} or {@code -}), in definition
   * order, {@code help} first.
   *
   * <p>Tornado: tornado.options.OptionParser.__iter__.
   *
   * @return the option names
   */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Option<?> option : snapshot()) {
      names.add(option.name());
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * (name, value) pairs for all options, in definition order.
   *
   * <p>Tornado: tornado.options.OptionParser.items.
   *
   * @return the pairs; values may be null
   */
  public List<Map.Entry<String, Object>> items() {
    List<Map.Entry<String, Object>> items = new ArrayList<>();
    for (Option<?> option : snapshot()) {
      items.add(new AbstractMap.SimpleImmutableEntry<>(option.name(), option.value()));
    }
    return Collections.unmodifiableList(items);
  }

  /**
   * The set of group names, including {@code ""} (the group of {@code help}).
   *
   * <p>Tornado: tornado.options.OptionParser.groups.
   *
   * @return the group names, in order of first definition
   */
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    for (Option<?> option : snapshot()) {
      groups.add(option.group());
    }
    return Collections.unmodifiableSet(groups);
  }

  /**
   * Names and values of the options in a group; all options if {@code group} is null or empty.
   * Useful for copying options into application settings.
   *
   * <p>Tornado: tornado.options.OptionParser.group_dict.
   *
   * @param group the group name
   * @return name to value, in definition order; values may be null
   */
  public Map<String, Object> groupDict(String group) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Option<?> option : snapshot()) {
      if (group == null || group.isEmpty() || group.equals(option.group())) {
        values.put(option.name(), option.value());
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * Names and values of all options.
   *
   * <p>Tornado: tornado.options.OptionParser.as_dict.
   *
   * @return name to value, in definition order; values may be null
   */
  public Map<String, Object> asMap() {
    return groupDict(null);
  }

  /** Tornado's {@code _normalize_name}: {@code _} becomes {@code -}. */
  static String normalizeName(String name) {
    return name.replace('_', '-');
  }

  private Option<?> find(String normalized) {
    synchronized (options) {
      return options.get(normalized);
    }
  }

  private List<Option<?>> snapshot() {
    synchronized (options) {
      return new ArrayList<>(options.values());
    }
  }

  private void helpCallback(Boolean value) {
    if (Boolean.TRUE.equals(value)) {
      printHelp();
      exit.accept(0);
    }
  }

  private static List<String> copyOfRange(String[] args, int from) {
    return Collections.unmodifiableList(
        new ArrayList<>(Arrays.asList(args).subList(from, args.length)));
  }

  /** The source file of the first caller outside this package's entry points. */
  private static String callerFileName() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(frame -> !OWN_CLASSES.contains(frame.getClassName()))
                    .findFirst()
                    .map(
                        frame ->
                            frame.getFileName() != null
                                ? frame.getFileName()
                                : simpleClassName(frame.getClassName())))
        .orElse("<unknown>");
  }

  private static String simpleClassName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }

  private static String defaultProgramName() {
    String command = System.getProperty("sun.java.command", "").strip();
    if (command.isEmpty()) {
      return "java";
    }
    int space = command.indexOf(' ');
    return space < 0 ? command : command.substring(0, space);
  }
}
