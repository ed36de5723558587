package io.jornado.web;

import io.jornado.escape.Escape;
import io.jornado.util.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's compiled path regex: Python syntax accepted ({@code (?P<name>...)}), implicit {@code $},
 * and the format Tornado derives for reversing it.
 */
final class PathPattern {
  final String source;
  final Pattern regex;
  final int groupCount;
  final List<String> groupNames;
  final List<String> javaGroupNames;
  /** The path itself when the pattern has no regex syntax (most rules): matched with equals. */
  final String literal;
  private final String reverseFormat;

  PathPattern(String source) {
    this.source = source;
    String withEnd = source.endsWith("$") ? source : source + "$";
    List<String> names = new ArrayList<>();
    this.regex = Pattern.compile(toJavaSyntax(withEnd, names));
    this.groupNames = List.copyOf(names);
    List<String> javaNames = new ArrayList<>();
    for (int i = 1; i <= names.size(); i++) {
      javaNames.add("g" + i);
    }
    this.javaGroupNames = List.copyOf(javaNames);
    this.groupCount = regex.matcher("").groupCount();
    this.reverseFormat = findReverseFormat(withEnd, groupCount);
    this.literal = literalPath(withEnd);
  }

  private static String literalPath(String pattern) {
    String body = pattern.substring(pattern.startsWith("^") ? 1 : 0, pattern.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      if ("\\.[]{}()*+?^$|".indexOf(body.charAt(i)) >= 0) {
        return null;
      }
    }
    return body;
  }

  /** Python named groups become Java groups named g1, g2...: Java forbids '_' in group names. */
  private static String toJavaSyntax(String pattern, List<String> names) {
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (pattern.startsWith("(?P<", i) || (pattern.startsWith("(?<", i) && !pattern.startsWith("(?<=", i)
          && !pattern.startsWith("(?<!", i))) {
        int nameStart = pattern.indexOf('<', i) + 1;
        int nameEnd = pattern.indexOf('>', nameStart);
        if (nameEnd < 0) {
          throw new IllegalArgumentException("Unterminated group name in url pattern " + PythonText.repr(pattern));
        }
        names.add(pattern.substring(nameStart, nameEnd));
        out.append("(?<g").append(names.size()).append('>');
        i = nameEnd;
      } else if (pattern.startsWith("(?P=", i)) {
        int nameEnd = pattern.indexOf(')', i);
        int index = names.indexOf(pattern.substring(i + 4, nameEnd));
        if (index < 0) {
          throw new IllegalArgumentException("Unknown group reference in url pattern " + PythonText.repr(pattern));
        }
        out.append("\\k<g").append(index + 1).append('>');
        i = nameEnd;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Tornado's URLSpec._find_groups: null when the pattern is too complex to reverse. */
  private static String findReverseFormat(String pattern, int groups) {
    if (pattern.startsWith("^")) {
      pattern = pattern.substring(1);
    }
    if (pattern.endsWith("$")) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (groups != count(pattern, '(')) {
      return null;
    }
    StringBuilder format = new StringBuilder();
    String[] fragments = pattern.split("\\(", -1);
    for (int i = 0; i < fragments.length; i++) {
      String fragment = fragments[i];
      int paren = fragment.indexOf(')');
      String literal = i > 0 && paren >= 0 ? fragment.substring(paren + 1) : fragment;
      String unescaped = reUnescape(literal);
      if (unescaped == null) {
        return null;
      }
      if (i > 0 && paren >= 0) {
        format.append('\0');
      }
      format.append(unescaped);
    }
    return format.toString();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** Tornado's re_unescape: null where an escape such as \d cannot be undone. */
  private static String reUnescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        if (Character.isLetterOrDigit(next) && next < 0x80) {
          return null;
        }
        out.append(next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  Matcher match(String path) {
    Matcher m = regex.matcher(path);
    return m.matches() ? m : null;
  }

  String reverse(Object... args) {
    if (reverseFormat == null) {
      throw new IllegalArgumentException("Cannot reverse url regex " + source);
    }
    if (args.length != groupCount) {
      throw new IllegalArgumentException("required number of arguments not found: " + source
          + " takes " + groupCount + ", got " + args.length);
    }
    StringBuilder out = new StringBuilder();
    int arg = 0;
    for (int i = 0; i < reverseFormat.length(); i++) {
      char c = reverseFormat.charAt(i);
      if (c == '\0') {
        out.append(Escape.urlEscape(String.valueOf(args[arg++]), false));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
