package io.jornado.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the benchmark programs: {@code --key=value} words (a bare {@code --flag}
 * means {@code true}), plus the words that are not options (such as {@link WsLoad}'s mode). Unknown
 * keys are refused, so a misspelt option fails loudly instead of silently using a default.
 */
public final class BenchArgs {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private BenchArgs() {}

  /**
   * Parses the arguments, accepting only the given keys.
   *
   * @param args the command line
   * @param allowed the option names, without {@code --}
   * @return the parsed arguments
   * @throws IllegalArgumentException for an unknown option or a malformed word
   */
  public static BenchArgs parse(String[] args, String... allowed) {
    Set<String> known = Set.of(allowed);
    BenchArgs parsed = new BenchArgs();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        parsed.positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? "true" : arg.substring(eq + 1);
      key = key.replace('_', '-');
      if (!known.contains(key)) {
        throw new IllegalArgumentException("Unknown option --" + key + "; known: --" + String.join(", --", allowed));
      }
      parsed.values.put(key, value);
    }
    return parsed;
  }

  /** @return the words that are not {@code --} options, in order */
  public List<String> positional() {
    return positional;
  }

  /**
   * @param key the option name
   * @param defaultValue returned when absent
   * @return the option's text
   */
  public String string(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  /**
   * @param key the option name
   * @param defaultValue returned when absent
   * @return the option as an int
   */
  public int integer(String key, int defaultValue) {
    String v = values.get(key);
    try {
      return v == null ? defaultValue : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " needs an integer, got '" + v + "'", e);
    }
  }

  /**
   * @param key the option name
   * @param defaultValue returned when absent
   * @return the option as a double
   */
  public double decimal(String key, double defaultValue) {
    String v = values.get(key);
    try {
      return v == null ? defaultValue : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " needs a number, got '" + v + "'", e);
    }
  }

  /**
   * @param key the option name
   * @param defaultValue returned when absent (comma-separated)
   * @return the option as a list of ints, from comma-separated text
   */
  public int[] integers(String key, String defaultValue) {
    String v = values.getOrDefault(key, defaultValue);
    try {
      return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " needs comma-separated integers, got '" + v + "'", e);
    }
  }
}
