package io.jornado.web;

import io.jornado.util.PythonText;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format(*args, **kwargs)} over string arguments (null is Python's None), as
 * RedirectHandler formats its url: {@code {}}, {@code {0}}, {@code {name}}, {@code {{ }}},
 * {@code [index]}, conversions {@code !s !r !a} and string format specs
 * ({@code [[fill]align][0][width][.precision][s]}, nested fields allowed). What Python would
 * reject is an {@link IllegalArgumentException} carrying Python's error.
 */
final class StrFormat {
  private static final int MAX_DEPTH = 2;

  private final String template;
  private final List<String> args;
  private final Map<String, String> kwargs;
  private int nextAutoIndex;
  private boolean usedAuto;
  private boolean usedManual;

  private StrFormat(String template, List<String> args, Map<String, String> kwargs) {
    this.template = template;
    this.args = args;
    this.kwargs = kwargs;
  }

  static String format(String template, List<String> args, Map<String, String> kwargs) {
    StrFormat format = new StrFormat(template, args, kwargs);
    return format.render(template, MAX_DEPTH);
  }

  private String render(String text, int depth) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean doubled = i + 1 < n && text.charAt(i + 1) == c;
      if (c == '}' && !doubled) {
        throw error("ValueError", "Single '}' encountered in format string");
      } else if ((c == '{' || c == '}') && doubled) {
        out.append(c);
        i += 2;
      } else if (c == '{') {
        if (i + 1 >= n) {
          throw error("ValueError", "Single '{' encountered in format string");
        }
        if (depth == 0) {
          throw error("ValueError", "Max string recursion exceeded");
        }
        i = field(text, i + 1, depth, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Formats the field starting at {@code start} (after its brace); returns the index after its closing brace. */
  private int field(String text, int start, int depth, StringBuilder out) {
    int n = text.length();
    int i = start;
    while (i < n && text.charAt(i) != '}' && text.charAt(i) != '!' && text.charAt(i) != ':') {
      char c = text.charAt(i);
      if (c == '{') {
        throw error("ValueError", "unexpected '{' in field name");
      }
      i = c == '[' ? text.indexOf(']', i) : i + 1;
      if (i < 0) {
        i = n;
      }
    }
    if (i >= n) {
      throw error("ValueError", "expected '}' before end of string");
    }
    String name = text.substring(start, i);
    char conversion = 0;
    if (text.charAt(i) == '!') {
      if (i + 2 >= n) {
        throw error("ValueError", "unmatched '{' in format spec");
      }
      conversion = text.charAt(i + 1);
      i += 2;
      if (text.charAt(i) != ':' && text.charAt(i) != '}') {
        throw error("ValueError", "expected ':' after conversion specifier");
      }
    }
    String spec = "";
    if (text.charAt(i) == ':') {
      int specStart = ++i;
      int nesting = 1;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c == '{') {
          nesting++;
        } else if (c == '}' && --nesting == 0) {
          break;
        }
      }
      if (i >= n) {
        throw error("ValueError", "expected '}' before end of string");
      }
      spec = render(text.substring(specStart, i), depth - 1);
    }
    out.append(formatValue(convert(lookup(name), conversion), spec));
    return i + 1;
  }

  private String lookup(String name) {
    int end = 0;
    while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
      end++;
    }
    String first = name.substring(0, end);
    String value;
    if (first.isEmpty()) {
      if (usedManual) {
        throw error("ValueError", "cannot switch from manual field specification to automatic field numbering");
      }
      usedAuto = true;
      value = positional(nextAutoIndex, Integer.toString(nextAutoIndex++));
    } else if (isDigits(first)) {
      if (usedAuto) {
        throw error("ValueError", "cannot switch from automatic field numbering to manual field specification");
      }
      usedManual = true;
      value = positional(first.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(first), first);
    } else if (kwargs.containsKey(first)) {
      value = kwargs.get(first);
    } else {
      throw error("KeyError", PythonText.repr(first));
    }
    return accessRest(value, name, end);
  }

  private String positional(int index, String written) {
    if (index >= args.size()) {
      throw error("IndexError", "Replacement index " + written + " out of range for positional args tuple");
    }
    return args.get(index);
  }

  /** Applies {@code .attr} and {@code [key]} parts: strings only support integer indexes. */
  private String accessRest(String value, String name, int from) {
    int i = from;
    while (i < name.length()) {
      char c = name.charAt(i);
      int end = c == '[' ? name.indexOf(']', i) : nextPart(name, i + 1);
      String key = name.substring(i + 1, end);
      if (key.isEmpty()) {
        throw error("ValueError", "Empty attribute in format string");
      }
      if (c == '.') {
        throw error("AttributeError", "'" + typeName(value) + "' object has no attribute " + PythonText.repr(key));
      }
      if (value == null) {
        throw error("TypeError", "'NoneType' object is not subscriptable");
      }
      if (!isDigits(key)) {
        throw error("TypeError", "string indices must be integers, not 'str'");
      }
      int index = index(key);
      if (index >= value.codePointCount(0, value.length())) {
        throw error("IndexError", "string index out of range");
      }
      value = new String(Character.toChars(value.codePointAt(value.offsetByCodePoints(0, index))));
      i = end + 1;
      if (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
        throw error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  }

  private static int nextPart(String name, int from) {
    int i = from;
    while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
      i++;
    }
    return i;
  }

  private String convert(String value, char conversion) {
    switch (conversion) {
      case 0:
        return value;
      case 's':
        return value == null ? "None" : value;
      case 'r':
        return value == null ? "None" : PythonText.repr(value);
      case 'a':
        return value == null ? "None" : asciiOnly(PythonText.repr(value));
      default:
        throw error("ValueError", "Unknown conversion specifier " + conversion);
    }
  }

  private static String asciiOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp < 0x80) {
        out.append((char) cp);
      } else {
        out.append(cp <= 0xff ? String.format("\\x%02x", cp)
            : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
      }
    });
    return out.toString();
  }

  /** Python's {@code format(value, spec)} for a str (or None, which only takes an empty spec). */
  private String formatValue(String value, String spec) {
    if (value == null) {
      if (!spec.isEmpty()) {
        throw error("TypeError", "unsupported format string passed to NoneType.__format__");
      }
      return "None";
    }
    if (spec.isEmpty()) {
      return value;
    }
    int n = spec.length();
    int i = 0;
    int fill = ' ';
    char align = 0;
    int fillLength = Character.charCount(spec.codePointAt(0));
    if (n > fillLength && isAlign(spec.charAt(fillLength))) {
      fill = spec.codePointAt(0);
      align = spec.charAt(fillLength);
      i = fillLength + 1;
    } else if (isAlign(spec.charAt(0))) {
      align = spec.charAt(0);
      i = 1;
    }
    if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
      throw error("ValueError", "Sign not allowed in string format specifier");
    }
    if (i < n && spec.charAt(i) == 'z') {
      throw error("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (i < n && spec.charAt(i) == '#') {
      throw error("ValueError", "Alternate form (#) not allowed in string format specifier");
    }
    if (i < n && spec.charAt(i) == '0') {
      if (align == 0) {
        fill = '0';
      }
      i++;
    }
    int widthStart = i;
    while (i < n && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    int width = i > widthStart ? index(spec.substring(widthStart, i)) : 0;
    if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
      throw error("ValueError", "Cannot specify '" + spec.charAt(i) + "' with 's'.");
    }
    int precision = -1;
    if (i < n && spec.charAt(i) == '.') {
      int precisionStart = ++i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i == precisionStart) {
        throw error("ValueError", "Format specifier missing precision");
      }
      precision = index(spec.substring(precisionStart, i));
    }
    if (n - i > 1) {
      throw error("ValueError", "Invalid format specifier " + PythonText.repr(spec) + " for object of type 'str'");
    }
    if (i < n && spec.charAt(i) != 's') {
      throw error("ValueError", "Unknown format code '" + spec.charAt(i) + "' for object of type 'str'");
    }
    if (align == '=') {
      throw error("ValueError", "'=' alignment not allowed in string format specifier");
    }
    return pad(truncate(value, precision), fill, align, width);
  }

  private static String truncate(String value, int precision) {
    if (precision < 0 || value.codePointCount(0, value.length()) <= precision) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, precision));
  }

  private static String pad(String value, int fill, char align, int width) {
    int missing = width - value.codePointCount(0, value.length());
    if (missing <= 0) {
      return value;
    }
    int left = align == '>' ? missing : align == '^' ? missing / 2 : 0;
    String fillText = new String(Character.toChars(fill));
    return fillText.repeat(left) + value + fillText.repeat(missing - left);
  }

  private static boolean isAlign(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private int index(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw error("ValueError", "Too many decimal digits in format string");
    }
  }

  private static String typeName(String value) {
    return value == null ? "NoneType" : "str";
  }

  private IllegalArgumentException error(String pythonError, String message) {
    return new IllegalArgumentException("Cannot format " + PythonText.repr(template) + ": " + pythonError + ": " + message);
  }
}
