package io.jornado.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Set;

/**
 * The {@code compress_response} output transform for one response. The first chunk decides: every
 * response gets {@code Vary: Accept-Encoding}; the body is gzipped when the client's Accept-Encoding
 * contains "gzip", the media type is compressible, the handler set no Content-Encoding, the status
 * allows a body, and a response sent in one piece has at least {@link #MIN_LENGTH} bytes. Later
 * chunks of a streamed response are compressed with a sync flush, so the client can inflate each
 * as it arrives; the last one ends the gzip stream.
 *
 * <p>Tornado: tornado.web.GZipContentEncoding.
 */
final class GzipContentEncoding {
  static final int GZIP_LEVEL = 6;
  static final int MIN_LENGTH = 1024;

  private static final String VARY = "Vary";
  private static final String ACCEPT_ENCODING = "Accept-Encoding";
  private static final Set<String> CONTENT_TYPES = Set.of(
      "application/javascript",
      "application/x-javascript",
      "application/xml",
      "application/atom+xml",
      "application/json",
      "application/xhtml+xml",
      "image/svg+xml");

  private boolean gzipping;
  private GzipStream stream;

  GzipContentEncoding(MultiMap requestHeaders) {
    for (String acceptEncoding : requestHeaders.getAll(ACCEPT_ENCODING)) {
      if (acceptEncoding.contains("gzip")) {
        gzipping = true;
      }
    }
  }

  /** Adds Vary and, when compressing, Content-Encoding and the new Content-Length (or drops it). */
  Buffer transformFirstChunk(int status, MultiMap headers, Buffer chunk, boolean finishing) {
    gzipping = gzipping
        && allowsBody(status)
        && isCompressible(headers.get(HeaderNames.CONTENT_TYPE))
        && (!finishing || chunk.length() >= MIN_LENGTH)
        && !headers.contains(HeaderNames.CONTENT_ENCODING);
    if (!gzipping) {
      addVary(headers);
      return chunk;
    }
    stream = new GzipStream(GZIP_LEVEL, chunk.length());
    Buffer compressed = transformChunk(chunk, finishing);
    if (headers.contains(HeaderNames.CONTENT_LENGTH)) {
      if (finishing) {
        headers.set(HeaderNames.CONTENT_LENGTH, Integer.toString(compressed.length()));
      } else {
        headers.remove(HeaderNames.CONTENT_LENGTH);
      }
    }
    addVary(headers);
    headers.set(HeaderNames.CONTENT_ENCODING, "gzip");
    return compressed;
  }

  /** Whether a response streamed with flush() would be compressed (a file body, which has no minimum length). */
  boolean wouldCompressStream(int status, MultiMap headers) {
    return gzipping && allowsBody(status) && isCompressible(headers.get(HeaderNames.CONTENT_TYPE))
        && !headers.contains(HeaderNames.CONTENT_ENCODING);
  }

  Buffer transformChunk(Buffer chunk, boolean finishing) {
    return gzipping ? stream.compress(chunk, finishing) : chunk;
  }

  boolean gzipping() {
    return gzipping;
  }

  /** Appends Accept-Encoding to Vary, as Tornado does even when it is already listed. */
  static void addVary(MultiMap headers) {
    if (headers.contains(VARY)) {
      headers.set(VARY, String.join(",", headers.getAll(VARY)) + ", " + ACCEPT_ENCODING);
    } else {
      headers.add(VARY, ACCEPT_ENCODING);
    }
  }

  private static boolean allowsBody(int status) {
    return status != 204 && status != 304 && (status < 100 || status >= 200);
  }

  /** Compares the media type before any {@code ;}, exactly as sent (Tornado neither trims nor lower-cases). */
  private static boolean isCompressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.startsWith("text/") || CONTENT_TYPES.contains(mediaType);
  }
}
