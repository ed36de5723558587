package io.jornado.options;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the config-file subset of Python that Jornado accepts in place of Tornado's {@code exec}:
 * one {@code name = value} assignment per line, where the value is a literal: a quoted string
 * ({@code '...'} or {@code "..."}, with Python's backslash escapes), an integer, a float, {@code
 * True}, {@code False}, {@code None}, {@code __file__} (the config file's absolute path), or a list
 * {@code [a, b]} of those, which may span lines. {@code #} starts a comment; blank lines are
 * ignored.
 *
 * <p>As with Python's namespace dict, a name assigned twice keeps its first position and its last
 * value. Integers are {@link Long}s, floats {@link Double}s, lists unmodifiable lists.
 */
final class ConfigFileParser {
  /** One assignment: the value, and where it was made, for error messages. */
  static final class Assignment {
    final Object value;
    final int line;
    final String text;

    Assignment(Object value, int line, String text) {
      this.value = value;
      this.line = line;
      this.text = text;
    }
  }

  private static final Pattern NUMBER =
      Pattern.compile(
          "[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
              + "|(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?)");
  private static final Pattern DECIMAL_WITH_LEADING_ZERO =
      Pattern.compile("[+-]?0+[0-9_]*[1-9][0-9_]*");

  private final String displayPath;
  private final String absolutePath;
  private final String source;
  private final String[] lines;
  private int pos;
  private int line = 1;

  private ConfigFileParser(String displayPath, String absolutePath, String source) {
    this.displayPath = displayPath;
    this.absolutePath = absolutePath;
    this.source = source.startsWith("\uFEFF") ? source.substring(1) : source;
    this.lines = this.source.split("\r?\n|\r", -1);
  }

  /**
   * Parses a whole file.
   *
   * @param displayPath the path as given, for messages
   * @param absolutePath the value of {@code __file__}
   * @param source the file's text
   * @return name to assignment, in first-assignment order
   */
  static Map<String, Assignment> parse(String displayPath, String absolutePath, String source) {
    return new ConfigFileParser(displayPath, absolutePath, source).assignments();
  }

  /** An error naming the file, the line and its text. */
  static OptionsError error(String path, int line, String text, String reason, Throwable cause) {
    String message = path + ", line " + line + ": " + reason + ": " + text.strip();
    return cause == null ? new OptionsError(message) : new OptionsError(message, cause);
  }

  private Map<String, Assignment> assignments() {
    Map<String, Assignment> result = new LinkedHashMap<>();
    while (true) {
      skipSpace(true);
      if (pos >= source.length()) {
        return result;
      }
      int startLine = line;
      String name = identifier();
      if (name == null) {
        throw syntaxError("invalid syntax");
      }
      skipSpace(false);
      if (peek() != '=' || peekAt(pos + 1) == '=') {
        throw syntaxError("invalid syntax (expected 'name = value')");
      }
      pos++;
      skipSpace(false);
      Object value = value();
      skipSpace(false);
      if (pos < source.length() && peek() != '\n' && peek() != '\r') {
        throw syntaxError("invalid syntax");
      }
      result.put(name, new Assignment(value, startLine, lines[startLine - 1]));
    }
  }

  private Object value() {
    char c = peek();
    if (c == '[') {
      return list();
    } else if (c == '\'' || c == '"') {
      return string(c);
    } else if (Character.isDigit(c) || c == '.' || c == '-' || c == '+') {
      return number();
    }
    String name = identifier();
    if (name == null) {
      throw syntaxError(pos >= source.length() || c == '\n' ? "missing value" : "invalid syntax");
    }
    switch (name) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      case "__file__":
        return absolutePath;
      default:
        throw syntaxError(
            "unsupported value " + PyFormat.repr(name) + " (only literals are allowed)");
    }
  }

  private List<Object> list() {
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace(true);
    while (peek() != ']') {
      if (pos >= source.length()) {
        throw syntaxError("'[' was never closed");
      }
      items.add(value());
      skipSpace(true);
      if (peek() == ',') {
        pos++;
        skipSpace(true);
      } else if (peek() != ']') {
        throw syntaxError("invalid syntax (expected ',' or ']')");
      }
    }
    pos++;
    return Collections.unmodifiableList(items);
  }

  private Object number() {
    Matcher m = NUMBER.matcher(source).region(pos, source.length());
    if (!m.lookingAt()
        || m.group().equals(".")
        || m.group().replaceFirst("^[+-]", "").isEmpty()
        || isIdentifierPart(peekAt(m.end()))) {
      throw syntaxError("invalid syntax");
    }
    String text = m.group().replace("_", "");
    pos = m.end();
    String unsigned = text.replaceFirst("^[+-]", "");
    boolean negative = text.startsWith("-");
    try {
      BigInteger integer;
      if (unsigned.length() > 2
          && "xXoObB".indexOf(unsigned.charAt(1)) >= 0
          && unsigned.charAt(0) == '0') {
        char kind = Character.toLowerCase(unsigned.charAt(1));
        integer = new BigInteger(unsigned.substring(2), kind == 'x' ? 16 : kind == 'o' ? 8 : 2);
      } else if (unsigned.contains(".") || unsigned.contains("e") || unsigned.contains("E")) {
        return Double.parseDouble(text);
      } else if (DECIMAL_WITH_LEADING_ZERO.matcher(unsigned).matches()) {
        throw syntaxError("leading zeros in decimal integer literals are not permitted");
      } else {
        integer = new BigInteger(unsigned);
      }
      if (negative) {
        integer = integer.negate();
      }
      return integer.longValueExact();
    } catch (ArithmeticException e) {
      throw syntaxError("integer literal too large");
    } catch (NumberFormatException e) {
      throw syntaxError("invalid number");
    }
  }

  private String string(char quote) {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= source.length() || peek() == '\n' || peek() == '\r') {
        throw syntaxError("unterminated string literal");
      }
      char c = source.charAt(pos++);
      if (c == quote) {
        return out.toString();
      } else if (c != '\\') {
        out.append(c);
      } else {
        escape(out);
      }
    }
  }

  /** Python's string escapes; an unknown escape keeps its backslash, as Python does. */
  private void escape(StringBuilder out) {
    if (pos >= source.length()) {
      throw syntaxError("unterminated string literal");
    }
    char c = source.charAt(pos++);
    switch (c) {
      case '\n':
        line++;
        return;
      case '\\':
      case '\'':
      case '"':
        out.append(c);
        return;
      case 'n':
        out.append('\n');
        return;
      case 't':
        out.append('\t');
        return;
      case 'r':
        out.append('\r');
        return;
      case 'a':
        out.append('\u0007');
        return;
      case 'b':
        out.append('\b');
        return;
      case 'f':
        out.append('\f');
        return;
      case 'v':
        out.append('\u000b');
        return;
      case 'x':
        out.appendCodePoint(hex(2));
        return;
      case 'u':
        out.appendCodePoint(hex(4));
        return;
      case 'U':
        out.appendCodePoint(hex(8));
        return;
      default:
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
            value = value * 8 + (source.charAt(pos++) - '0');
          }
          out.append((char) value);
        } else {
          out.append('\\').append(c);
        }
    }
  }

  private int hex(int digits) {
    if (pos + digits > source.length()) {
      throw syntaxError("truncated \\x, \\u or \\U escape");
    }
    String text = source.substring(pos, pos + digits);
    try {
      int value = Integer.parseUnsignedInt(text, 16);
      if (!text.matches("[0-9a-fA-F]+") || !Character.isValidCodePoint(value)) {
        throw new NumberFormatException(text);
      }
      pos += digits;
      return value;
    } catch (NumberFormatException e) {
      throw syntaxError("invalid \\x, \\u or \\U escape");
    }
  }

  private String identifier() {
    if (pos >= source.length() || !Character.isJavaIdentifierStart(peek()) || peek() == '$') {
      return null;
    }
    int start = pos;
    while (pos < source.length() && isIdentifierPart(peek())) {
      pos++;
    }
    return source.substring(start, pos);
  }

  private static boolean isIdentifierPart(char c) {
    return c != '$'
        && c != 0
        && Character.isJavaIdentifierPart(c)
        && !Character.isIdentifierIgnorable(c);
  }

  /** Skips spaces, comments and backslash continuations; also newlines if asked. */
  private void skipSpace(boolean newlines) {
    while (pos < source.length()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        while (pos < source.length() && peek() != '\n' && peek() != '\r') {
          pos++;
        }
      } else if (c == '\\' && (peekAt(pos + 1) == '\n' || peekAt(pos + 1) == '\r')) {
        pos++;
        newline();
      } else if (newlines && (c == '\n' || c == '\r')) {
        newline();
      } else {
        return;
      }
    }
  }

  private void newline() {
    if (peek() == '\r' && peekAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
  }

  private char peek() {
    return peekAt(pos);
  }

  private char peekAt(int index) {
    return index < source.length() ? source.charAt(index) : '\0';
  }

  private OptionsError syntaxError(String reason) {
    int index = Math.min(line, lines.length) - 1;
    return error(displayPath, line, lines[index], reason, null);
  }
}
