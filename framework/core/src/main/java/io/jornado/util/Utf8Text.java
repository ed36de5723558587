package io.jornado.util;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding, where invalid input must be refused rather than patched with U+FFFD: request
 * arguments and path groups (400), WebSocket text messages (close 1007).
 *
 * <p>Tornado: (bytes.decode("utf-8") as tornado.escape.to_unicode and the websocket protocol use it).
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * Decodes bytes that must be valid UTF-8; plain ASCII takes a fast path.
   *
   * <p>Tornado: tornado.escape.to_unicode (raising on invalid input).
   *
   * @param bytes the bytes
   * @return the text, or empty when the bytes are not valid UTF-8
   */
  public static Optional<String> decode(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return decodeStrictly(bytes);
      }
    }
    return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  private static Optional<String> decodeStrictly(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
