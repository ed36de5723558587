package io.jornado.template;

import java.util.List;
import java.util.Map;

/** Python's {@code str.format(*args, **kwargs)} with the format-spec mini-language. */
final class StrFormat {
  private final List<Object> args;
  private final Map<String, Object> kwargs;
  private int auto;

  private StrFormat(List<Object> args, Map<String, Object> kwargs) {
    this.args = args;
    this.kwargs = kwargs;
  }

  static String format(String template, List<Object> args, Map<String, Object> kwargs) {
    return new StrFormat(args, kwargs).render(template, 2);
  }

  private String render(String text, int depth) {
    StringBuilder out = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean doubled = i + 1 < n && text.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        out.append(c);
        i += 2;
      } else if (c == '}') {
        throw new PythonError("ValueError", "Single '}' encountered in format string");
      } else if (c == '{') {
        int end = matching(text, i);
        out.append(field(text.substring(i + 1, end), depth));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int matching(String text, int open) {
    int level = 0;
    for (int j = open; j < text.length(); j++) {
      if (text.charAt(j) == '{') {
        level++;
      } else if (text.charAt(j) == '}' && --level == 0) {
        return j;
      }
    }
    throw new PythonError("ValueError", open + 1 >= text.length()
        ? "Single '{' encountered in format string" : "expected '}' before end of string");
  }

  private String field(String field, int depth) {
    int colon = -1;
    int bang = -1;
    int bracket = 0;
    for (int j = 0; j < field.length() && colon < 0; j++) {
      char c = field.charAt(j);
      if (c == '[') {
        bracket++;
      } else if (c == ']') {
        bracket--;
      } else if (bracket == 0 && c == '!' && bang < 0) {
        bang = j;
      } else if (bracket == 0 && c == ':') {
        colon = j;
      }
    }
    String spec = colon < 0 ? "" : field.substring(colon + 1);
    int nameEnd = bang >= 0 ? bang : colon >= 0 ? colon : field.length();
    String conversion = bang >= 0 ? field.substring(bang + 1, colon >= 0 ? colon : field.length())
        : null;
    Object value = lookup(field.substring(0, nameEnd));
    if (conversion != null) {
      switch (conversion) {
        case "r": case "a": value = Py.repr(value); break;
        case "s": value = Py.str(value); break;
        default:
          throw new PythonError("ValueError",
              "Unknown conversion specifier " + conversion);
      }
    }
    if (spec.indexOf('{') >= 0) {
      if (depth == 0) {
        throw new PythonError("ValueError", "Max string recursion exceeded");
      }
      spec = render(spec, depth - 1);
    }
    return FormatSpec.apply(value, spec);
  }

  private Object lookup(String name) {
    int end = 0;
    while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
      end++;
    }
    String first = name.substring(0, end);
    Object value;
    if (first.isEmpty()) {
      if (auto < 0) {
        throw new PythonError("ValueError",
            "cannot switch from manual field specification to automatic field numbering");
      }
      value = positional(auto++);
    } else if (first.chars().allMatch(Character::isDigit)) {
      if (auto > 0) {
        throw new PythonError("ValueError",
            "cannot switch from automatic field numbering to manual field specification");
      }
      auto = -1;
      value = positional(Integer.parseInt(first));
    } else if (kwargs.containsKey(first)) {
      value = kwargs.get(first);
    } else {
      throw new PythonError("KeyError", Py.repr(first));
    }
    int i = end;
    while (i < name.length()) {
      if (name.charAt(i) == '.') {
        int j = i + 1;
        while (j < name.length() && name.charAt(j) != '.' && name.charAt(j) != '[') {
          j++;
        }
        value = Access.attribute(value, name.substring(i + 1, j));
        i = j;
      } else {
        int close = name.indexOf(']', i);
        if (close < 0) {
          throw new PythonError("ValueError", "Missing ']' in format string");
        }
        String key = name.substring(i + 1, close);
        Object index = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
            ? (Object) Long.parseLong(key) : key;
        value = Access.item(value, index);
        i = close + 1;
      }
    }
    return value;
  }

  private Object positional(int index) {
    if (index >= args.size()) {
      throw new PythonError("IndexError",
          "Replacement index " + index + " out of range for positional args tuple");
    }
    return args.get(index);
  }
}
