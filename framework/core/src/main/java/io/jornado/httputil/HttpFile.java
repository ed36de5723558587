package io.jornado.httputil;

import java.nio.charset.StandardCharsets;

/**
 * A file uploaded in a {@code multipart/form-data} body.
 *
 * <p>Tornado: tornado.httputil.HTTPFile.
 *
 * @param filename the name the client gave
 * @param contentType the part's Content-Type ({@code application/unknown} when absent)
 * @param body the file's bytes
 */
public record HttpFile(String filename, String contentType, byte[] body) {
  /**
   * The body decoded as UTF-8.
   *
   * <p>Tornado: (HTTPFile.body is bytes; this decodes it).
   *
   * @return the text of the file
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
