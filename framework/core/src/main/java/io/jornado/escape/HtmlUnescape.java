package io.jornado.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's html.unescape: the character references of HTML5, with its rules for invalid numbers and
 * names without a semicolon.
 */
final class HtmlUnescape {
  private static final int MAX_NAME_CODE_POINTS = 32;

  private HtmlUnescape() {}

  static String unescape(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, amp);
    int i = amp;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int end = i + 1 < n && s.charAt(i + 1) == '#' ? numericEnd(s, i + 2) : nameEnd(s, i + 1);
      if (end < 0) {
        out.append('&');
        i++;
        continue;
      }
      if (end < n && s.charAt(end) == ';') {
        end++;
      }
      String ref = s.substring(i + 1, end);
      if (ref.charAt(0) == '#') {
        out.append(numeric(ref));
      } else {
        named(out, ref);
      }
      i = end;
    }
    return out.toString();
  }

  /** Where the digits after "&#" (or "&#x") end, or -1 when there are none. */
  private static int numericEnd(String s, int start) {
    int i = start;
    while (i < s.length() && isAsciiDigit(s.charAt(i))) {
      i++;
    }
    if (i > start) {
      return i;
    }
    if (i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
      i++;
      while (i < s.length() && hexDigit(s.charAt(i)) >= 0) {
        i++;
      }
      return i > start + 1 ? i : -1;
    }
    return -1;
  }

  private static int nameEnd(String s, int start) {
    int i = start;
    int codePoints = 0;
    while (i < s.length() && codePoints < MAX_NAME_CODE_POINTS && isNameChar(s.charAt(i))) {
      i += Character.charCount(s.codePointAt(i));
      codePoints++;
    }
    return codePoints == 0 ? -1 : i;
  }

  private static boolean isNameChar(char c) {
    return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#'
        && c != ';';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  private static String numeric(String ref) {
    boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
    int from = hex ? 2 : 1;
    int to = ref.endsWith(";") ? ref.length() - 1 : ref.length();
    long num = 0;
    for (int i = from; i < to; i++) {
      num = num * (hex ? 16 : 10) + Character.digit(ref.charAt(i), 16);
      if (num > Character.MAX_CODE_POINT) {
        return "\uFFFD";
      }
    }
    int cp = (int) num;
    String windows1252 = InvalidCharrefs.replacement(cp);
    if (windows1252 != null) {
      return windows1252;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return "\uFFFD";
    }
    if (InvalidCharrefs.isDropped(cp)) {
      return "";
    }
    return new String(Character.toChars(cp));
  }

  private static void named(StringBuilder out, String ref) {
    Map<String, String> entities = Entities.TABLE;
    String whole = entities.get(ref);
    if (whole != null) {
      out.append(whole);
      return;
    }
    for (int x = ref.length() - 1; x > 1; x--) {
      String prefix = entities.get(ref.substring(0, x));
      if (prefix != null) {
        out.append(prefix).append(ref, x, ref.length());
        return;
      }
    }
    out.append('&').append(ref);
  }

  /** Python's _invalid_charrefs and _invalid_codepoints. */
  private static final class InvalidCharrefs {
    private static final String C1_AS_WINDOWS_1252 =
        "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
            + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    static String replacement(int cp) {
      if (cp == 0) {
        return "\uFFFD";
      }
      if (cp == 0x0d) {
        return "\r";
      }
      if (cp >= 0x80 && cp <= 0x9f) {
        return String.valueOf(C1_AS_WINDOWS_1252.charAt(cp - 0x80));
      }
      return null;
    }

    static boolean isDropped(int cp) {
      return (cp >= 0x1 && cp <= 0x8) || cp == 0xb || (cp >= 0xe && cp <= 0x1f)
          || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef)
          || (cp & 0xfffe) == 0xfffe;
    }
  }

  /** The HTML5 named references, loaded on first use from html5-entities.txt. */
  private static final class Entities {
    static final Map<String, String> TABLE = load();

    private static Map<String, String> load() {
      Map<String, String> table = new HashMap<>(4096);
      try (InputStream in = HtmlUnescape.class.getResourceAsStream("html5-entities.txt");
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
        String line;
        while ((line = reader.readLine()) != null) {
          int tab = line.indexOf('\t');
          StringBuilder text = new StringBuilder(2);
          for (String hex : line.substring(tab + 1).split(" ")) {
            text.appendCodePoint(Integer.parseInt(hex, 16));
          }
          table.put(line.substring(0, tab), text.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return table;
    }
  }
}
