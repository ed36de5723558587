package io.jornado.escape;

import io.jornado.util.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Escaping and unescaping for HTML, URLs and JSON, matching Tornado's output.
 *
 * <p>Tornado: tornado.escape.
 */
public final class Escape {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final Pattern CONTROL_RUN = Pattern.compile("[\\x00-\\x20]+");
  /**
   * The schemes linkify links by default: http and https.
   *
   * <p>Tornado: tornado.escape.linkify(permitted_protocols=["http", "https"]).
   */
  public static final List<String> DEFAULT_PERMITTED_PROTOCOLS = List.of("http", "https");

  private Escape() {}

  /**
   * Escapes a string for HTML: {@code & < > " '} become entities ({@code '} as {@code &#x27;}).
   *
   * <p>Tornado: tornado.escape.xhtml_escape.
   *
   * @param value the text ({@code byte[]} is decoded as UTF-8), or null for the empty string
   * @return the escaped text
   */
  public static String xhtmlEscape(Object value) {
    String s = text(value);
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

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof byte[] ? toUnicode((byte[]) value) : value.toString();
  }

  /**
   * Replaces HTML character references with the characters they name, as Python's
   * {@code html.unescape} does: every HTML5 named reference (including the legacy ones without a
   * semicolon, and the longest known name at the start of an unknown one), decimal and hex numbers,
   * with numbers that HTML5 calls invalid mapped as Python maps them (Windows-1252 for 0x80-0x9F,
   * U+FFFD for 0, surrogates and numbers past U+10FFFF, nothing for other control characters and
   * noncharacters).
   *
   * <p>Tornado: tornado.escape.xhtml_unescape.
   *
   * @param value the text ({@code byte[]} is decoded as UTF-8), or null for the empty string
   * @return the unescaped text
   */
  public static String xhtmlUnescape(Object value) {
    return HtmlUnescape.unescape(text(value));
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
   * @throws IllegalArgumentException when the text holds a lone surrogate (Python's
   *     UnicodeEncodeError)
   */
  public static String urlEscape(String value, boolean plus) {
    return urlEscape(utf8(value), plus);
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
   * escapes as they are, as Python's {@code unquote_to_bytes} does. Characters up to U+00FF stand
   * for one byte each, because the request line arrives decoded as Latin-1; Python would write those
   * from U+0080 as UTF-8 (pass {@link #utf8(String)} of the text to
   * {@link #urlUnescapeToBytes(byte[], boolean)} for that).
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
   * Decodes percent-escapes (and {@code +} as space when {@code plus}) in raw bytes.
   *
   * <p>Tornado: tornado.escape.url_unescape(bytes, encoding=None).
   *
   * @param value the encoded bytes
   * @param plus whether {@code +} means space
   * @return the decoded bytes
   */
  public static byte[] urlUnescapeToBytes(byte[] value, boolean plus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length);
    int n = value.length;
    for (int i = 0; i < n; i++) {
      int c = value[i] & 0xff;
      if (c == '%' && i + 2 < n && hexValue((char) (value[i + 1] & 0xff)) >= 0
          && hexValue((char) (value[i + 2] & 0xff)) >= 0) {
        out.write(hexValue((char) value[i + 1]) << 4 | hexValue((char) value[i + 2]));
        i += 2;
      } else {
        out.write(c == '+' && plus ? ' ' : c);
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes percent-escapes as UTF-8, replacing invalid sequences with U+FFFD, as Python's
   * {@code unquote_plus} (or {@code unquote} without {@code plus}) does: non-ASCII characters are
   * kept as they are, and each run of ASCII is decoded on its own.
   *
   * <p>Tornado: tornado.escape.url_unescape.
   *
   * @param value the encoded text
   * @param plus whether {@code +} means space
   * @return the decoded text
   */
  public static String urlUnescape(String value, boolean plus) {
    String s = plus ? value.replace('+', ' ') : value;
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int runEnd = i;
      boolean ascii = s.charAt(i) < 0x80;
      while (runEnd < s.length() && (s.charAt(runEnd) < 0x80) == ascii) {
        runEnd++;
      }
      String run = s.substring(i, runEnd);
      out.append(ascii ? Utf8Replacing.decode(urlUnescapeToBytes(run, false)) : run);
      i = runEnd;
    }
    return out.toString();
  }

  /**
   * Decodes percent-escapes as UTF-8 with {@code +} as space.
   *
   * <p>Tornado: tornado.escape.url_unescape (plus=True, the default).
   *
   * @param value the encoded text
   * @return the decoded text
   */
  public static String urlUnescape(String value) {
    return urlUnescape(value, true);
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
   * @param bytes UTF-8 bytes, or null
   * @return the text, or null for null
   * @throws IllegalArgumentException naming the bytes when they are not valid UTF-8
   */
  public static String toUnicode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    return Utf8Text.decode(bytes)
        .orElseThrow(() -> new IllegalArgumentException("Invalid UTF-8: " + bytesRepr(bytes, 40)));
  }


  /**
   * Encodes text as UTF-8, refusing lone surrogates as Python does.
   *
   * <p>Tornado: tornado.escape.utf8.
   *
   * @param value the text, or null
   * @return its UTF-8 bytes, or null for null
   * @throws IllegalArgumentException naming the position of a lone surrogate
   */
  public static byte[] utf8(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(String.format(
            "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
            (int) c, value.codePointCount(0, i)));
      }
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Converts {@code byte[]} inside lists, arrays and maps (keys and values) to strings, decoding
   * UTF-8; other values are returned as they are. Lists become {@code ArrayList}s, maps
   * {@code LinkedHashMap}s, arrays {@code Object[]}.
   *
   * <p>Tornado: tornado.escape.recursive_unicode.
   *
   * @param value the data
   * @return the data with its byte strings decoded
   * @throws IllegalArgumentException when some bytes are not valid UTF-8
   */
  public static Object recursiveUnicode(Object value) {
    if (value instanceof byte[]) {
      return toUnicode((byte[]) value);
    }
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(recursiveUnicode(k), recursiveUnicode(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        out.add(recursiveUnicode(item));
      }
      return out;
    }
    if (value instanceof Object[]) {
      Object[] items = (Object[]) value;
      Object[] out = new Object[items.length];
      for (int i = 0; i < items.length; i++) {
        out[i] = recursiveUnicode(items[i]);
      }
      return out;
    }
    return value;
  }

  /**
   * Replaces each run of characters from U+0000 to U+0020 with one space, then strips whitespace
   * (Python's {@code str.strip}, so also U+00A0, U+3000 and the like) from both ends.
   *
   * <p>Tornado: tornado.escape.squeeze.
   *
   * @param value the text
   * @return the squeezed text
   */
  public static String squeeze(String value) {
    return PyText.strip(CONTROL_RUN.matcher(value).replaceAll(" "));
  }

  /**
   * Turns the http and https URLs (and {@code www.} hosts) of plain text into links, after
   * HTML-escaping the text.
   *
   * <p>Tornado: tornado.escape.linkify (default options).
   *
   * @param text the plain text
   * @return HTML
   */
  public static String linkify(String text) {
    return Linkify.linkify(text, false, "", false, DEFAULT_PERMITTED_PROTOCOLS);
  }

  /**
   * Turns the URLs of plain text into links, after HTML-escaping the text. {@code www.} hosts
   * without a scheme link to {@code http://}.
   *
   * <p>Tornado: tornado.escape.linkify.
   *
   * @param text the plain text
   * @param shorten whether to shorten URLs longer than 30 characters for display (to the host and
   *     the start of the path, then {@code ...}), with the full URL as the link's {@code title}
   * @param extraParams attributes to add to each {@code a} tag, e.g. {@code rel="nofollow"}
   * @param requireProtocol whether to leave {@code www.} hosts without a scheme alone
   * @param permittedProtocols the schemes to link (never include {@code javascript})
   * @return HTML
   */
  public static String linkify(String text, boolean shorten, String extraParams,
      boolean requireProtocol, Collection<String> permittedProtocols) {
    return Linkify.linkify(text, shorten, extraParams == null ? "" : extraParams, requireProtocol,
        permittedProtocols);
  }

  /**
   * As {@link #linkify(String, boolean, String, boolean, Collection)}, with the attributes of each
   * link computed from its href.
   *
   * <p>Tornado: tornado.escape.linkify(extra_params=callable).
   *
   * @param text the plain text
   * @param shorten whether to shorten long URLs for display
   * @param extraParams gives the attributes for a link from its href
   * @param requireProtocol whether to leave {@code www.} hosts without a scheme alone
   * @param permittedProtocols the schemes to link
   * @return HTML
   */
  public static String linkify(String text, boolean shorten, Function<String, String> extraParams,
      boolean requireProtocol, Collection<String> permittedProtocols) {
    return Linkify.linkify(text, shorten, extraParams, requireProtocol, permittedProtocols);
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

  /**
   * Parses JSON text into Java values as Python's {@code json.loads} does: objects become
   * {@code LinkedHashMap<String, Object>} (a repeated key keeps its first place and its last value),
   * arrays {@code ArrayList<Object>}, integers {@code Long} (or {@code BigInteger} beyond its range),
   * numbers with a fraction or exponent {@code Double} (also {@code NaN}, {@code Infinity},
   * {@code -Infinity}), strings {@code String} (lone surrogate escapes kept), {@code true}/{@code false}
   * {@code Boolean}, {@code null} null.
   *
   * <p>Tornado: tornado.escape.json_decode.
   *
   * @param value the JSON text
   * @return the value
   * @throws IllegalArgumentException worded as Python's JSONDecodeError, e.g. {@code Expecting
   *     value: line 1 column 1 (char 0)}
   */
  public static Object jsonDecode(String value) {
    return JsonReader.read(value);
  }

  /**
   * Parses UTF-8 JSON bytes (a leading byte order mark is skipped) as {@link #jsonDecode(String)}.
   *
   * <p>Tornado: tornado.escape.json_decode(bytes).
   *
   * @param value the JSON bytes
   * @return the value
   * @throws IllegalArgumentException when the bytes are not UTF-8 or not JSON
   */
  public static Object jsonDecode(byte[] value) {
    boolean bom = value.length >= 3 && (value[0] & 0xff) == 0xef && (value[1] & 0xff) == 0xbb
        && (value[2] & 0xff) == 0xbf;
    String text = toUnicode(value);
    return JsonReader.read(bom ? text.substring(1) : text);
  }
}
