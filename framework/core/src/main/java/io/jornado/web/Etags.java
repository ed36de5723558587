package io.jornado.web;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Tornado's automatic ETag: SHA-1 of the body; If-None-Match compared weakly. */
final class Etags {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  });

  private Etags() {}

  static String sha1(Buffer body) {
    MessageDigest digest = SHA1.get();
    digest.reset();
    if (body != null && body.length() > 0) {
      digest.update(body.getBytes());
    }
    byte[] hash = digest.digest();
    char[] out = new char[hash.length * 2 + 2];
    out[0] = '"';
    for (int i = 0; i < hash.length; i++) {
      out[1 + 2 * i] = HEX[(hash[i] >> 4) & 0xf];
      out[2 + 2 * i] = HEX[hash[i] & 0xf];
    }
    out[out.length - 1] = '"';
    return new String(out);
  }

  /** Tornado's check_etag_header: tags are *, "x" or W/"x"; the first being * matches anything. */
  static boolean matches(String computed, String ifNoneMatch) {
    if (computed == null || computed.isEmpty() || ifNoneMatch == null) {
      return false;
    }
    String target = weakless(computed);
    boolean first = true;
    int i = 0;
    int n = ifNoneMatch.length();
    while (i < n) {
      char c = ifNoneMatch.charAt(i);
      if (c == '*') {
        if (first) {
          return true;
        }
        first = false;
        i++;
        continue;
      }
      int start = i;
      boolean weak = ifNoneMatch.startsWith("W/\"", i);
      int quote = weak ? i + 2 : i;
      if (quote < n && ifNoneMatch.charAt(quote) == '"') {
        int close = ifNoneMatch.indexOf('"', quote + 1);
        if (close < 0) {
          break;
        }
        String tag = ifNoneMatch.substring(quote, close + 1);
        first = false;
        if (tag.equals(target)) {
          return true;
        }
        i = close + 1;
      } else {
        i = start + 1;
      }
    }
    return false;
  }

  private static String weakless(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
