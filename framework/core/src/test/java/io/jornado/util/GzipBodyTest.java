package io.jornado.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Inflating request bodies with decompress_request: complete, truncated, foreign and hostile input. */
class GzipBodyTest {
  private static final int CHUNK = 8192;

  private static byte[] gzip(byte[] data, int copies) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      for (int i = 0; i < copies; i++) {
        gzip.write(data);
      }
    }
    return out.toByteArray();
  }

  /** Feeds {@code compressed} in 8 KiB chunks (as Vert.x delivers a body) and returns what came out. */
  private static byte[] inflateAll(GzipBody body, byte[] compressed) {
    Buffer out = Buffer.buffer();
    for (int at = 0; at < compressed.length; at += CHUNK) {
      body.inflate(Buffer.buffer(Arrays.copyOfRange(compressed, at, Math.min(compressed.length, at + CHUNK))), piece -> {
        assertTrue(piece.length() <= 64 * 1024, "a piece of " + piece.length() + " bytes");
        out.appendBuffer(piece);
        return true;
      });
    }
    body.finish();
    return out.getBytes();
  }

  @Test
  void inflatesAWholeStream() throws IOException {
    byte[] data = new byte[300_000];
    new Random(1).nextBytes(data);
    Arrays.fill(data, 0, 100_000, (byte) 'a');
    assertArrayEquals(data, inflateAll(new GzipBody(), gzip(data, 1)));
  }

  @Test
  void ignoresBytesAfterTheStream() throws IOException {
    byte[] compressed = gzip("hello".getBytes(), 1);
    byte[] withTrailer = Arrays.copyOf(compressed, compressed.length + 4);
    assertArrayEquals("hello".getBytes(), inflateAll(new GzipBody(), withTrailer));
  }

  @Test
  void refusesTruncatedOrForeignData() throws IOException {
    byte[] compressed = gzip("hello world".getBytes(), 1);
    assertThrows(IllegalArgumentException.class, () -> inflateAll(new GzipBody(), Arrays.copyOf(compressed, 15)));
    assertThrows(IllegalArgumentException.class, () -> inflateAll(new GzipBody(), "hello".getBytes()));
    assertThrows(IllegalArgumentException.class, () -> inflateAll(new GzipBody(), "not gzip, longer than a header".getBytes()));
  }

  @Test
  void stopsInflatingABombSoonAfterTheAllowance() throws IOException {
    long limit = 1024 * 1024;
    byte[] bomb = gzip(new byte[1024 * 1024], 64);
    GzipBody body = new GzipBody();
    long[] total = {0};
    boolean going = true;
    for (int at = 0; at < bomb.length && going; at += CHUNK) {
      Buffer chunk = Buffer.buffer(Arrays.copyOfRange(bomb, at, Math.min(bomb.length, at + CHUNK)));
      going = body.inflate(chunk, piece -> {
        total[0] += piece.length();
        return total[0] <= limit;
      });
    }
    assertTrue(total[0] > limit, "the bomb should have gone past the limit, got " + total[0]);
    // Output comes in pieces of at most 64 KiB, and inflating stops at the first piece past the limit.
    assertTrue(total[0] <= limit + 64 * 1024, "inflated " + total[0] + " bytes for a " + limit + "-byte limit");
  }
}
