package io.jornado.escape;

import io.jornado.util.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Escaping and unescaping for HTML, URLs and JSON, matching Tornado's output.
 *
 * <p>Tornado: tornado.escape.
 */
public final class Escape {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private Escape() {}

  /**
   * Escapes a string for HTML: {@code & < > " '} become entities ({@code '} as {@code &#x27;}).
   *
   * <p>Tornado: tornado.escape.xhtml_escape.
   *
   * @param value the text, or null for the empty string
   * @return the escaped text
   */
  public static String xhtmlEscape(Object value) {
    String s = value == null ? "" : value.toString();
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      String entity = entityFor(s.charAt(i));
      if (entity != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(entity);
      } else if (out != null) {
        out.append(s.charAt(i));
      }
    }
    return out == null ? s : out.toString();
  }

  private static String entityFor(char c) {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      case '\'': return "&#x27;";
      default: return null;
    }
  }

  /**
   * Percent-encodes a value for a URL. With {@code plus} spaces become {@code +} and {@code /} is
   * encoded (Python's {@code quote_plus}); without it spaces become {@code %20} and {@code /} stays.
   *
   * <p>Tornado: tornado.escape.url_escape.
   *
   * @param value the text
   * @param plus whether to use form encoding
   * @return the encoded text
   */
  public static String urlEscape(String value, boolean plus) {
    return urlEscape(value.getBytes(StandardCharsets.UTF_8), plus);
  }

  /**
   * Percent-encodes bytes for a URL, as {@link #urlEscape(String, boolean)} encodes a string's
   * UTF-8 bytes.
   *
   * <p>Tornado: tornado.escape.url_escape(bytes).
   *
   * @param bytes the raw bytes
   * @param plus whether to use form encoding
   * @return the encoded text
   */
  public static String urlEscape(byte[] bytes, boolean plus) {
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (!plus && c == '/')) {
        out.append((char) c);
      } else if (plus && c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Percent-encodes a value as Python's {@code quote_plus} does.
   *
   * <p>Tornado: tornado.escape.url_escape (plus=True, the default).
   *
   * @param value the text
   * @return the encoded text
   */
  public static String urlEscape(String value) {
    return urlEscape(value, true);
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /**
   * Decodes percent-escapes (and {@code +} as space when {@code plus}) into bytes, leaving malformed
   * escapes as they are, as Python's {@code unquote_to_bytes} does.
   *
   * <p>Tornado: tornado.escape.url_unescape(value, encoding=None).
   *
   * @param value the encoded text
   * @param plus whether {@code +} means space
   * @return the decoded bytes
   */
  public static byte[] urlUnescapeToBytes(String value, boolean plus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < n && hexValue(value.charAt(i + 1)) >= 0
          && hexValue(value.charAt(i + 2)) >= 0) {
        out.write(hexValue(value.charAt(i + 1)) << 4 | hexValue(value.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plus) {
        out.write(' ');
      } else if (c < 0x100) {
        out.write(c); // the request line arrives as Latin-1: one char per raw byte
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(encoded, 0, encoded.length);
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes percent-escapes as UTF-8, replacing invalid sequences with U+FFFD.
   *
   * <p>Tornado: tornado.escape.url_unescape.
   *
   * @param value the encoded text
   * @param plus whether {@code +} means space
   * @return the decoded text
   */
  public static String urlUnescape(String value, boolean plus) {
    return new String(urlUnescapeToBytes(value, plus), StandardCharsets.UTF_8);
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * <p>Tornado: tornado.escape.to_unicode (which raises on invalid input).
   *
   * @param bytes UTF-8 bytes
   * @return the text
   * @throws IllegalArgumentException naming the bytes when they are not valid UTF-8
   */
  public static String toUnicode(byte[] bytes) {
    return Utf8Text.decode(bytes)
        .orElseThrow(() -> new IllegalArgumentException("Invalid UTF-8: " + bytesRepr(bytes, 40)));
  }


  /**
   * Encodes text as UTF-8.
   *
   * <p>Tornado: tornado.escape.utf8.
   *
   * @param value the text
   * @return its UTF-8 bytes
   */
  public static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Python's {@code repr} of a bytes value (at most {@code limit} bytes), for error messages that
   * name an offending value as Tornado does.
   *
   * <p>Tornado: (repr of bytes in messages such as "Invalid unicode in url: b'..'").
   *
   * @param bytes the value
   * @param limit how many bytes to show
   * @return e.g. {@code b'caf\xc3'}
   */
  public static String bytesRepr(byte[] bytes, int limit) {
    StringBuilder out = new StringBuilder("b'");
    for (int i = 0; i < Math.min(limit, bytes.length); i++) {
      int c = bytes[i] & 0xff;
      if (c == '\\' || c == '\'') {
        out.append('\\').append((char) c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c >= 0x7f) {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      } else {
        out.append((char) c);
      }
    }
    return out.append('\'').toString();
  }

  /**
   * Encodes a value as JSON the way Python's {@code json.dumps} does ({@code ", "} and {@code ": "}
   * separators, non-ASCII as {@code \}{@code uXXXX}), with {@code </} written as {@code <\/} so the
   * result can sit inside a script tag. Maps, collections, arrays, strings, numbers, booleans, null,
   * Vert.x {@code JsonObject}/{@code JsonArray}, records and POJOs (through Jackson) are accepted.
   *
   * <p>Tornado: tornado.escape.json_encode.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String jsonEncode(Object value) {
    StringBuilder out = new StringBuilder(64);
    JsonText.write(out, value);
    return out.toString();
  }

}
