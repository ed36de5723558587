package io.jornado.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text of Tornado's {@code OptionParser.print_help}, byte for byte. */
final class HelpFormatter {
  private static final int HELP_WIDTH = 79 - 35;

  private HelpFormatter() {}

  static String format(String programName, Collection<Option<?>> options) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: ").append(programName).append(" [OPTIONS]\n");
    out.append("\nOptions:\n\n");
    Map<String, List<Option<?>>> byGroup = new TreeMap<>();
    for (Option<?> option : options) {
      byGroup.computeIfAbsent(option.group(), g -> new ArrayList<>()).add(option);
    }
    for (Map.Entry<String, List<Option<?>>> group : byGroup.entrySet()) {
      if (!group.getKey().isEmpty()) {
        out.append('\n').append(PyFormat.normpath(group.getKey())).append(" options:\n\n");
      }
      List<Option<?>> sorted = new ArrayList<>(group.getValue());
      sorted.sort(Comparator.comparing(Option::name));
      for (Option<?> option : sorted) {
        appendOption(out, option);
      }
    }
    out.append('\n');
    return out.toString();
  }

  private static void appendOption(StringBuilder out, Option<?> option) {
    String prefix = OptionParser.normalizeName(option.name());
    String metavar = option.metavar().orElse("");
    if (!metavar.isEmpty()) {
      prefix += "=" + metavar;
    }
    String description = option.help().orElse("");
    Object defaultValue = option.rawDefault();
    if (defaultValue != null && !"".equals(defaultValue)) {
      description += " (default " + PyFormat.str(defaultValue) + ")";
    }
    List<String> lines = new ArrayList<>(TextWrap.wrap(description, HELP_WIDTH));
    if (length(prefix) > 30 || lines.isEmpty()) {
      lines.add(0, "");
    }
    out.append("  --").append(padRight(prefix, 30)).append(' ').append(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      out.append(padRight(" ", 34)).append(' ').append(line).append('\n');
    }
  }

  /** Python's {@code "%-Ns" % text}. */
  private static String padRight(String text, int width) {
    int length = length(text);
    return length >= width ? text : text + " ".repeat(width - length);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
