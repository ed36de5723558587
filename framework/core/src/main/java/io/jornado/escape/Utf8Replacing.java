package io.jornado.escape;

import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as Python's bytes.decode("utf-8", "replace") does: one U+FFFD for each maximal
 * subpart of an ill-formed sequence (so an encoded surrogate, ED A0 80, gives three).
 */
final class Utf8Replacing {
  private Utf8Replacing() {}

  static String decode(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] >= 0) {
      i++;
    }
    if (i == bytes.length) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    StringBuilder out = new StringBuilder(bytes.length);
    out.append(new String(bytes, 0, i, StandardCharsets.ISO_8859_1));
    while (i < bytes.length) {
      int lead = bytes[i] & 0xff;
      if (lead < 0x80) {
        out.append((char) lead);
        i++;
        continue;
      }
      int length = sequenceLength(lead);
      int codePoint = length == 2 ? lead & 0x1f : length == 3 ? lead & 0x0f : lead & 0x07;
      int taken = 1;
      while (taken < length && i + taken < bytes.length
          && isContinuation(lead, taken, bytes[i + taken] & 0xff)) {
        codePoint = codePoint << 6 | (bytes[i + taken] & 0x3f);
        taken++;
      }
      if (length > 0 && taken == length) {
        out.appendCodePoint(codePoint);
      } else {
        out.append('\uFFFD');
      }
      i += taken;
    }
    return out.toString();
  }

  /** How many bytes a sequence starting with this byte has, or 0 when it cannot start one. */
  private static int sequenceLength(int lead) {
    if (lead >= 0xc2 && lead <= 0xdf) {
      return 2;
    }
    if (lead >= 0xe0 && lead <= 0xef) {
      return 3;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
      return 4;
    }
    return 0;
  }

  private static boolean isContinuation(int lead, int index, int b) {
    if (index == 1) {
      switch (lead) {
        case 0xe0: return b >= 0xa0 && b <= 0xbf;
        case 0xed: return b >= 0x80 && b <= 0x9f;
        case 0xf0: return b >= 0x90 && b <= 0xbf;
        case 0xf4: return b >= 0x80 && b <= 0x8f;
        default: break;
      }
    }
    return b >= 0x80 && b <= 0xbf;
  }
}
