package io.jornado.web;

import io.jornado.util.PythonText;

/** Python's {@code "..." % args} for the placeholders log messages use: %s, %d, %i, %r, %%. */
final class PercentFormat {
  private PercentFormat() {}

  static String format(String template, Object... args) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%' || i + 1 >= template.length()) {
        out.append(c);
        continue;
      }
      char spec = template.charAt(++i);
      if (spec == '%') {
        out.append('%');
      } else if (next >= args.length) {
        throw new IllegalArgumentException("not enough arguments for format string: " + PythonText.repr(template));
      } else {
        Object arg = args[next++];
        out.append(spec == 'r' && arg instanceof String ? PythonText.repr((String) arg) : String.valueOf(arg));
      }
    }
    return out.toString();
  }
}
