package io.jornado.web;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** One gzip member written chunk by chunk: each chunk sync-flushed, the last one with the trailer. */
final class GzipStream {
  private static final int DEFLATE_BUFFER_SIZE = 8192;

  private final ByteArrayOutputStream compressed;
  private final GZIPOutputStream gzip;

  GzipStream(int level, int firstChunkLength) {
    compressed = new ByteArrayOutputStream(Math.max(64, firstChunkLength / 4));
    try {
      gzip = new GZIPOutputStream(compressed, DEFLATE_BUFFER_SIZE, true) {
        {
          def.setLevel(level);
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compresses a chunk; the result inflates completely on its own, and ends the stream when finishing. */
  Buffer compress(Buffer chunk, boolean finishing) {
    try {
      if (chunk.length() > 0) {
        gzip.write(chunk.getBytes());
      }
      if (finishing) {
        gzip.close();
      } else {
        gzip.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Buffer out = Buffer.buffer(compressed.toByteArray());
    compressed.reset();
    return out;
  }
}
