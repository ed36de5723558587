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
   * Deflate expands at most about 1032 times, so feeding the decoder this many compressed bytes at a
   * time bounds each step's output to about 260 KiB however hostile the input (Tornado bounds each
   * step to its 64 KiB chunk_size; smaller steps cost more per byte on ordinary bodies).
   */
  private static final int STEP = 256;

  /**
   * Inflates one compressed chunk, stopping early once more than {@code allowance} bytes came out
   * (the caller then refuses the body, so a gzip bomb is never inflated much past the limit).
   *
   * @throws IllegalArgumentException when the data is not gzip
   */
  Buffer inflate(Buffer compressed, long allowance) {
    byte[] bytes = compressed.getBytes();
    Buffer out = Buffer.buffer();
    try {
      for (int at = 0; at < bytes.length && out.length() <= allowance; at += STEP) {
        inflater.writeInbound(Unpooled.wrappedBuffer(bytes, at, Math.min(STEP, bytes.length - at)));
        drainInto(out);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid gzip data: " + e.getMessage(), e);
    }
    return out;
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
    drainInto(out);
    return out;
  }

  private void drainInto(Buffer out) {
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
  }
}
