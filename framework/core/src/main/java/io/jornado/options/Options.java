package io.jornado.options;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The global options: Tornado's module-level {@code options} object and the functions that act on
 * it. Define options anywhere (typically as static fields), then parse once in {@code main}:
 *
 * <pre>{@code
 * import static io.jornado.options.Options.*;
 *
 * static final Option<Integer> PORT = define("port", 8888, "run on the given port");
 *
 * public static void main(String[] args) {
 *   parseCommandLine(args);
 *   app.listen(PORT.value());
 * }
 * }</pre>
 *
 * <p>Every function delegates to the one {@link OptionParser} returned by {@link #options()}.
 *
 * <p>Tornado: tornado.options (module functions {@code define}, {@code parse_command_line}, {@code
 * parse_config_file}, {@code print_help}, {@code add_parse_callback} and the {@code options}
 * global).
 */
public final class Options {
  private static final OptionParser GLOBAL = new OptionParser();

  private Options() {}

  /**
   * The global parser, holding every option defined through this class.
   *
   * <p>Tornado: tornado.options.options.
   *
   * @return the global parser
   */
  public static OptionParser options() {
    return GLOBAL;
  }

  /**
   * Defines a string option with no default in the global parser.
   *
   * <p>Tornado: tornado.options.define(name).
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @return the defined option
   * @throws OptionsError {@code Option 'name' already defined in <file>} if it exists
   */
  public static Option<String> define(String name) {
    return GLOBAL.define(name);
  }

  /**
   * Defines an option in the global parser whose type is the default value's type.
   *
   * <p>Tornado: tornado.options.define(name, default=..., help=...).
   *
   * @param name the option name; {@code _} and {@code -} are interchangeable
   * @param defaultValue the default, which also gives the type ({@code String} if null)
   * @param help the help text, or null
   * @param <T> the value type
   * @return the defined option
   * @throws OptionsError if the name is already defined or the type is not supported
   */
  public static <T> Option<T> define(String name, T defaultValue, String help) {
    return GLOBAL.define(name, defaultValue, help);
  }

  /**
   * Defines an option in the global parser from a spec (type, default, help, metavar, multiple,
   * group, callback).
   *
   * <p>Tornado: tornado.options.define.
   *
   * @param spec the option's definition
   * @param <T> the value type
   * @return the defined option
   * @throws OptionsError if the name is already defined, or the type or default is not valid
   */
  public static <T> Option<T> define(OptionSpec<T> spec) {
    return GLOBAL.define(spec);
  }

  /**
   * Parses the global options from {@code main}'s arguments and runs the parse callbacks.
   *
   * <p>Tornado: tornado.options.parse_command_line.
   *
   * @param args the arguments, as given to {@code main}
   * @return the arguments left after the options
   * @throws OptionsError for an unrecognized option, a missing value or a bad value
   */
  public static List<String> parseCommandLine(String... args) {
    return GLOBAL.parseCommandLine(args);
  }

  /**
   * Parses the global options from {@code main}'s arguments; runs the parse callbacks only if
   * {@code finalParse}.
   *
   * <p>Tornado: tornado.options.parse_command_line(args, final).
   *
   * @param args the arguments, as given to {@code main}
   * @param finalParse whether to run the parse callbacks afterwards
   * @return the arguments left after the options
   * @throws OptionsError for an unrecognized option, a missing value or a bad value
   */
  public static List<String> parseCommandLine(String[] args, boolean finalParse) {
    return GLOBAL.parseCommandLine(args, finalParse);
  }

  /**
   * Sets global options from a config file and runs the parse callbacks. The format is described at
   * {@link OptionParser#parseConfigFile(Path, boolean)}.
   *
   * <p>Tornado: tornado.options.parse_config_file.
   *
   * @param path the config file (UTF-8)
   * @throws OptionsError for an unreadable file, a syntax error or a bad value
   */
  public static void parseConfigFile(Path path) {
    GLOBAL.parseConfigFile(path);
  }

  /**
   * Sets global options from a config file; runs the parse callbacks only if {@code finalParse}.
   *
   * <p>Tornado: tornado.options.parse_config_file(path, final).
   *
   * @param path the config file (UTF-8)
   * @param finalParse whether to run the parse callbacks afterwards
   * @throws OptionsError for an unreadable file, a syntax error or a bad value
   */
  public static void parseConfigFile(Path path, boolean finalParse) {
    GLOBAL.parseConfigFile(path, finalParse);
  }

  /**
   * Sets global options from a config file given as a string path; runs the parse callbacks only if
   * {@code finalParse}. Handy as a callback: {@code .callback(p -> parseConfigFile(p, false))}.
   *
   * <p>Tornado: tornado.options.parse_config_file(path, final).
   *
   * @param path the config file (UTF-8)
   * @param finalParse whether to run the parse callbacks afterwards
   * @throws OptionsError for an unreadable file, a syntax error or a bad value
   */
  public static void parseConfigFile(String path, boolean finalParse) {
    GLOBAL.parseConfigFile(path, finalParse);
  }

  /**
   * Prints the global options' help text to standard error.
   *
   * <p>Tornado: tornado.options.print_help.
   */
  public static void printHelp() {
    GLOBAL.printHelp();
  }

  /**
   * Prints the global options' help text to the given stream.
   *
   * <p>Tornado: tornado.options.print_help(file).
   *
   * @param out where to print
   */
  public static void printHelp(PrintStream out) {
    GLOBAL.printHelp(out);
  }

  /**
   * Adds a callback to run after each final parse of the global options.
   *
   * <p>Tornado: tornado.options.add_parse_callback.
   *
   * @param callback runs after parsing
   */
  public static void addParseCallback(Runnable callback) {
    GLOBAL.addParseCallback(callback);
  }
}
