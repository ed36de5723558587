package io.jornado.websocket;

import io.jornado.util.Utf8Text;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;

/**
 * Joins data frames into messages, enforcing the size limit (checked per frame on the running total,
 * after any decompression) and decoding text strictly as UTF-8. Vert.x only reports oversize messages
 * and replaces invalid UTF-8 silently; RFC 6455 wants 1009 and 1007.
 */
final class MessageAssembler {
  static final int MESSAGE_TOO_BIG = 1009;
  static final int INVALID_PAYLOAD = 1007;

  /** What a frame produced: nothing yet, a whole message, or a reason to close. */
  record Result(Object message, int closeCode, String closeReason) {
    static final Result PENDING = new Result(null, 0, null);

    boolean isMessage() {
      return message != null;
    }

    boolean isFailure() {
      return closeCode != 0;
    }
  }

  private final long maxMessageSize;
  private Buffer pending;
  private boolean pendingIsText;

  MessageAssembler(long maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  Result accept(WebSocketFrame frame) {
    WebSocketFrameType type = frame.type();
    Buffer data = frame.binaryData();
    if (type == WebSocketFrameType.TEXT || type == WebSocketFrameType.BINARY) {
      pending = null;
      pendingIsText = type == WebSocketFrameType.TEXT;
      if (data.length() > maxMessageSize) {
        return new Result(null, MESSAGE_TOO_BIG, "message too big");
      }
      if (frame.isFinal()) {
        return complete(data);
      }
      pending = Buffer.buffer(data.length() * 2).appendBuffer(data);
      return Result.PENDING;
    }
    if (type == WebSocketFrameType.CONTINUATION && pending != null) {
      if ((long) pending.length() + data.length() > maxMessageSize) {
        pending = null;
        return new Result(null, MESSAGE_TOO_BIG, "message too big");
      }
      pending.appendBuffer(data);
      if (frame.isFinal()) {
        Buffer whole = pending;
        pending = null;
        return complete(whole);
      }
    }
    return Result.PENDING;
  }

  private Result complete(Buffer data) {
    if (!pendingIsText) {
      return new Result(data, 0, null);
    }
    return Utf8Text.decode(data.getBytes())
        .map(text -> new Result(text, 0, null))
        .orElseGet(() -> new Result(null, INVALID_PAYLOAD, "invalid UTF-8 in text message"));
  }
}
