package io.jornado.options;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.wrap(text, width)} with its default settings (tabs expanded, whitespace
 * replaced, long words broken, breaks after hyphens, whitespace dropped at line edges), as
 * Tornado's {@code print_help} uses it. Widths are counted in code points, as Python counts
 * characters.
 */
final class TextWrap {
  private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
  private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
  private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
  private static final String LETTER = "[^\\d\\W]";

  /** {@code textwrap.TextWrapper.wordsep_re}. */
  private static final Pattern WORD_SEPARATOR =
      Pattern.compile(
          "("
              + WS
              + "+"
              + "|(?<="
              + WORD_PUNCT
              + ")-{2,}(?=\\w)"
              + "|"
              + NWS
              + "+?(?:"
              + "-(?:(?<="
              + LETTER
              + "{2}-)|(?<="
              + LETTER
              + "-"
              + LETTER
              + "-))(?="
              + LETTER
              + "-?"
              + LETTER
              + ")"
              + "|(?="
              + WS
              + "|\\z)"
              + "|(?<="
              + WORD_PUNCT
              + ")(?=-{2,}\\w)"
              + "))",
          Pattern.UNICODE_CHARACTER_CLASS);

  private TextWrap() {}

  static List<String> wrap(String text, int width) {
    Deque<String> chunks = new ArrayDeque<>(split(munge(text)));
    List<String> lines = new ArrayList<>();
    while (!chunks.isEmpty()) {
      List<String> line = new ArrayList<>();
      int lineLength = 0;
      if (isBlank(chunks.peekFirst()) && !lines.isEmpty()) {
        chunks.removeFirst();
      }
      while (!chunks.isEmpty()) {
        int length = length(chunks.peekFirst());
        if (lineLength + length <= width) {
          line.add(chunks.removeFirst());
          lineLength += length;
        } else {
          break;
        }
      }
      if (!chunks.isEmpty() && length(chunks.peekFirst()) > width) {
        breakLongWord(chunks, line, lineLength, width);
      }
      if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
        line.remove(line.size() - 1);
      }
      if (!line.isEmpty()) {
        lines.add(String.join("", line));
      }
    }
    return lines;
  }

  /** {@code TextWrapper._handle_long_word} with break_long_words and break_on_hyphens. */
  private static void breakLongWord(Deque<String> chunks, List<String> line, int used, int width) {
    int spaceLeft = width < 1 ? 1 : width - used;
    String chunk = chunks.removeFirst();
    int end = spaceLeft;
    if (length(chunk) > spaceLeft) {
      int hyphen = lastHyphenBefore(chunk, spaceLeft);
      if (hyphen > 0 && hasNonHyphen(chunk, hyphen)) {
        end = hyphen + 1;
      }
    }
    int split = chunk.offsetByCodePoints(0, Math.min(end, length(chunk)));
    line.add(chunk.substring(0, split));
    chunks.addFirst(chunk.substring(split));
  }

  /** {@code chunk.rfind('-', 0, limit)} in code points. */
  private static int lastHyphenBefore(String chunk, int limit) {
    int[] codePoints = chunk.codePoints().toArray();
    for (int i = Math.min(limit, codePoints.length) - 1; i >= 0; i--) {
      if (codePoints[i] == '-') {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasNonHyphen(String chunk, int before) {
    return chunk.codePoints().limit(before).anyMatch(c -> c != '-');
  }

  /** {@code _munge_whitespace}: expandtabs(8), then each ASCII whitespace becomes a space. */
  private static String munge(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int column = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        int spaces = 8 - (column % 8);
        out.append(" ".repeat(spaces));
        column += spaces;
        continue;
      }
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
      out.append(c == '\n' || c == '\r' || c == 0x0b || c == 0x0c ? ' ' : c);
    }
    return out.toString();
  }

  /** {@code re.split(wordsep_re, text)} without the empty strings. */
  private static List<String> split(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher matcher = WORD_SEPARATOR.matcher(text);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        chunks.add(text.substring(last, matcher.start()));
      }
      if (!matcher.group(1).isEmpty()) {
        chunks.add(matcher.group(1));
      }
      last = matcher.end();
    }
    if (last < text.length()) {
      chunks.add(text.substring(last));
    }
    return chunks;
  }

  private static boolean isBlank(String chunk) {
    return PyFormat.strip(chunk).isEmpty();
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
