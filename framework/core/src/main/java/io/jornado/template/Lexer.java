package io.jornado.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits a Python expression into tokens: names, numbers, strings, operators. */
final class Lexer {
  enum Kind { NAME, INT, FLOAT, STRING, OP, END }

  record Token(Kind kind, String text, Object value) {
    boolean is(String op) {
      return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }
  }

  private static final String[] OPERATORS = {
    "**=", "//=", "...", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "->",
    "<<", ">>", ":=", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
    ".", "=", "|", "&", "^", "~", "@", ";"
  };

  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  /** Tokens of {@code src}; an IllegalArgumentException names what could not be read. */
  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != Kind.END);
    return out;
  }

  private Token next() {
    while (pos < src.length() && (Character.isWhitespace(src.charAt(pos)) || src.charAt(pos) == '\\'
        && pos + 1 < src.length() && src.charAt(pos + 1) == '\n')) {
      pos += src.charAt(pos) == '\\' ? 2 : 1;
    }
    if (pos >= src.length()) {
      return new Token(Kind.END, "", null);
    }
    char c = src.charAt(pos);
    if (c == '#') {
      int newline = src.indexOf('\n', pos);
      pos = newline < 0 ? src.length() : newline;
      return next();
    }
    if (Character.isDigit(c) || c == '.' && pos + 1 < src.length()
        && Character.isDigit(src.charAt(pos + 1))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String word = src.substring(start, pos);
      if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')
          && word.length() <= 2 && word.toLowerCase().matches("[rbuf]+")) {
        return string(word.toLowerCase());
      }
      return new Token(Kind.NAME, word, null);
    }
    if (c == '\'' || c == '"') {
      return string("");
    }
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        return new Token(Kind.OP, op, null);
      }
    }
    throw new IllegalArgumentException("invalid character " + io.jornado.util.PythonText.repr(
        String.valueOf(c)));
  }

  private Token number() {
    int start = pos;
    if (src.charAt(pos) == '0' && pos + 1 < src.length()
        && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      int radix = "xX".indexOf(src.charAt(pos + 1)) >= 0 ? 16
          : "oO".indexOf(src.charAt(pos + 1)) >= 0 ? 8 : 2;
      pos += 2;
      while (pos < src.length() && (Character.digit(src.charAt(pos), radix) >= 0
          || src.charAt(pos) == '_')) {
        pos++;
      }
      String digits = src.substring(start + 2, pos).replace("_", "");
      checkEnd();
      return new Token(Kind.INT, src.substring(start, pos),
          Arith.normalize(new BigInteger(digits, radix)));
    }
    boolean isFloat = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isDigit(c) || c == '_') {
        pos++;
      } else if (c == '.' && !isFloat) {
        isFloat = true;
        pos++;
      } else if ((c == 'e' || c == 'E')) {
        isFloat = true;
        pos++;
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
          pos++;
        }
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
        break;
      } else {
        break;
      }
    }
    String text = src.substring(start, pos);
    checkEnd();
    if (isFloat) {
      return new Token(Kind.FLOAT, text, Double.parseDouble(text.replace("_", "")));
    }
    String digits = text.replace("_", "");
    if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0+")) {
      throw new IllegalArgumentException("leading zeros in decimal integer literal " + text);
    }
    return new Token(Kind.INT, text, Arith.normalize(new BigInteger(digits)));
  }

  private void checkEnd() {
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)))) {
      throw new IllegalArgumentException(
          src.charAt(pos) == 'j' || src.charAt(pos) == 'J' ? "complex numbers"
              : "invalid number literal");
    }
  }

  private Token string(String prefix) {
    if (prefix.contains("f")) {
      throw new IllegalArgumentException("f-strings");
    } else if (prefix.contains("b")) {
      throw new IllegalArgumentException("bytes literals");
    }
    boolean raw = prefix.contains("r");
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    int start = pos;
    pos += triple ? 3 : 1;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw new IllegalArgumentException("unterminated string literal");
      }
      char c = src.charAt(pos);
      if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
        pos += triple ? 3 : 1;
        break;
      }
      if (c == '\n' && !triple) {
        throw new IllegalArgumentException("unterminated string literal");
      }
      if (c == '\\' && pos + 1 < src.length()) {
        if (raw) {
          out.append(c).append(src.charAt(pos + 1));
          pos += 2;
        } else {
          escape(out);
        }
        continue;
      }
      out.append(c);
      pos++;
    }
    return new Token(Kind.STRING, src.substring(start, pos), out.toString());
  }

  private void escape(StringBuilder out) {
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '\n': return;
      case '\\': out.append('\\'); return;
      case '\'': out.append('\''); return;
      case '"': out.append('"'); return;
      case 'a': out.append('\u0007'); return;
      case 'b': out.append('\b'); return;
      case 'f': out.append('\f'); return;
      case 'n': out.append('\n'); return;
      case 'r': out.append('\r'); return;
      case 't': out.append('\t'); return;
      case 'v': out.append('\u000b'); return;
      case 'x': out.appendCodePoint(hex(2)); return;
      case 'u': out.appendCodePoint(hex(4)); return;
      case 'U': out.appendCodePoint(hex(8)); return;
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0'
              && src.charAt(pos) <= '7'; i++) {
            value = value * 8 + (src.charAt(pos++) - '0');
          }
          out.append((char) value);
        } else if (e == 'N') {
          out.appendCodePoint(namedCharacter());
        } else {
          out.append('\\').append(e);
        }
    }
  }

  private int namedCharacter() {
    int close = src.indexOf('}', pos);
    if (pos >= src.length() || src.charAt(pos) != '{' || close < 0) {
      throw new IllegalArgumentException("malformed \\N character escape");
    }
    String name = src.substring(pos + 1, close);
    pos = close + 1;
    try {
      return Character.codePointOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown Unicode character name " + name);
    }
  }

  private int hex(int digits) {
    if (pos + digits > src.length()) {
      throw new IllegalArgumentException("truncated \\x escape");
    }
    try {
      int value = Integer.parseInt(src.substring(pos, pos + digits), 16);
      pos += digits;
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("truncated escape in string literal");
    }
  }
}
