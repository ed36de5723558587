package io.jornado.util;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip body (one gzip member, as Python's zlib reads it; a request body on the server, a
 * response body in the HTTP client) chunk by chunk, handing
 * the output out in pieces of at most 64 KiB so that a size limit is checked before a small, highly
 * compressed body can grow large in memory.
 *
 * <p>Tornado: http1connection._GzipMessageDelegate with GzipDecompressor.decompress(data, chunk_size).
 */
public final class GzipBody {
  private static final int PIECE = 64 * 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final ByteArrayOutputStream header = new ByteArrayOutputStream();
  private final ByteArrayOutputStream trailer = new ByteArrayOutputStream();
  private boolean inBody;
  private long size;

  /**
   * An inflater waiting for the first bytes of a gzip header.
   *
   * <p>Tornado: GzipDecompressor().
   */
  public GzipBody() {}

  /**
   * Inflates the next compressed bytes, giving each piece of output to {@code consumer} until it
   * answers false.
   *
   * <p>Tornado: GzipDecompressor.decompress(value, max_length).
   *
   * @param compressed the next bytes of the gzip stream
   * @param consumer takes each inflated piece and answers whether to go on
   * @return false when the consumer stopped the reading
   * @throws IllegalArgumentException when the data is not gzip or is corrupt
   */
  public boolean inflate(Buffer compressed, Predicate<Buffer> consumer) {
    byte[] input = compressed.getBytes();
    int offset = 0;
    if (!inBody && !inflater.finished()) {
      header.write(input, 0, input.length);
      int headerLength = headerLength(header.toByteArray());
      if (headerLength < 0) {
        return true;
      }
      byte[] all = header.toByteArray();
      input = all;
      offset = headerLength;
      inBody = true;
    }
    if (inflater.finished()) {
      trailer.write(input, offset, input.length - offset);
      return true;
    }
    inflater.setInput(input, offset, input.length - offset);
    byte[] piece = new byte[PIECE];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(piece);
        if (n > 0) {
          crc.update(piece, 0, n);
          size += n;
          if (!consumer.test(Buffer.buffer(n).appendBytes(piece, 0, n))) {
            return false;
          }
        } else if (inflater.needsInput() || inflater.needsDictionary()) {
          break;
        }
      }
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("invalid gzip data: " + e.getMessage(), e);
    }
    if (inflater.finished()) {
      int rest = inflater.getRemaining();
      trailer.write(input, input.length - rest, rest);
    }
    return true;
  }

  /**
   * Checks that the member ended with a matching CRC and size.
   *
   * <p>Tornado: GzipDecompressor.flush (which reports truncated input).
   *
   * @throws IllegalArgumentException when the data was truncated or corrupt
   */
  public void finish() {
    byte[] tail = trailer.toByteArray();
    if (!inflater.finished() || tail.length < 8) {
      throw new IllegalArgumentException("invalid gzip data: truncated or not gzip");
    }
    if (littleEndianInt(tail, 0) != (int) crc.getValue() || littleEndianInt(tail, 4) != (int) size) {
      throw new IllegalArgumentException("invalid gzip data: CRC or length check failed");
    }
    inflater.end();
  }

  /** The length of a complete gzip header at the start of {@code b}, or -1 when more bytes are needed. */
  private static int headerLength(byte[] b) {
    if ((b.length >= 1 && (b[0] & 0xff) != 0x1f) || (b.length >= 2 && (b[1] & 0xff) != 0x8b)
        || (b.length >= 3 && b[2] != 8)) {
      throw new IllegalArgumentException("invalid gzip data: not a gzip stream");
    }
    if (b.length < 10) {
      return -1;
    }
    int flags = b[3];
    int at = 10;
    if ((flags & FEXTRA) != 0) {
      if (b.length < at + 2) {
        return -1;
      }
      at += 2 + ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8);
    }
    for (int field : new int[] {FNAME, FCOMMENT}) {
      if ((flags & field) != 0) {
        while (at < b.length && b[at] != 0) {
          at++;
        }
        at++;
      }
    }
    if ((flags & FHCRC) != 0) {
      at += 2;
    }
    return at <= b.length ? at : -1;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }
}
