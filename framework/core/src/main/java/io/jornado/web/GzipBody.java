package io.jornado.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.JdkZlibDecoder;
import io.netty.handler.codec.compression.ZlibDecoder;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.vertx.core.buffer.Buffer;

/** Inflates a gzip request body chunk by chunk. Tornado: http1connection._GzipMessageDelegate. */
final class GzipBody {
  // One gzip member, as Python's zlib decompressobj reads it: bytes after its end are ignored, and
  // isClosed() tells a complete stream from a truncated one.
  private final ZlibDecoder decoder = new JdkZlibDecoder(ZlibWrapper.GZIP, false);
  private final EmbeddedChannel inflater = new EmbeddedChannel(decoder);

  /**
   * Inflates one compressed chunk.
   *
   * @throws IllegalArgumentException when the data is not gzip
   */
  Buffer inflate(Buffer compressed) {
    try {
      inflater.writeInbound(Unpooled.wrappedBuffer(compressed.getBytes()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid gzip data: " + e.getMessage(), e);
    }
    return drain();
  }

  /**
   * Ends the stream.
   *
   * @throws IllegalArgumentException when the data was truncated (or too short to be gzip at all)
   */
  Buffer finish() {
    Buffer rest;
    try {
      inflater.finish();
      rest = drain();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid gzip data: " + e.getMessage(), e);
    }
    if (!decoder.isClosed()) {
      throw new IllegalArgumentException("invalid gzip data: the stream ends before its end marker");
    }
    return rest;
  }

  private Buffer drain() {
    Buffer out = Buffer.buffer();
    ByteBuf piece;
    while ((piece = inflater.readInbound()) != null) {
      try {
        byte[] bytes = new byte[piece.readableBytes()];
        piece.readBytes(bytes);
        out.appendBytes(bytes);
      } finally {
        piece.release();
      }
    }
    return out;
  }
}
