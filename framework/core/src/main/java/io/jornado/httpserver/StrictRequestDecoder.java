package io.jornado.httpserver;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * Vert.x's request decoder with Tornado 6.5's stricter reading, each a 400 where Netty would carry
 * on: a request carrying both Content-Length and Transfer-Encoding (Netty drops the Content-Length;
 * the two framings disagreeing is how requests are smuggled), a request line whose parts are not
 * separated by exactly one space (Netty splits on any run of whitespace), and an empty header name.
 * A request line saying HTTP/1.2 to HTTP/1.9 is read as HTTP/1.1, where WireGuard would refuse it.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
  private int methodEnd;
  private int targetEnd;

  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Message with both Transfer-Encoding and Content-Length");
  }

  @Override
  protected String splitFirstWordInitialLine(byte[] line, int start, int length) {
    methodEnd = start + length;
    return super.splitFirstWordInitialLine(line, start, length);
  }

  @Override
  protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
    requireSingleSpace(line, methodEnd, start);
    targetEnd = start + length;
    return super.splitSecondWordInitialLine(line, start, length);
  }

  @Override
  protected String splitThirdWordInitialLine(byte[] line, int start, int length) {
    requireSingleSpace(line, targetEnd, start);
    String version = super.splitThirdWordInitialLine(line, start, length);
    // Tornado serves any HTTP/1.x; a later minor version is read as HTTP/1.1 (RFC 9110 2.5).
    return version.length() == 8 && version.startsWith("HTTP/1.") && version.charAt(7) > '1' && version.charAt(7) <= '9'
        ? "HTTP/1.1" : version;
  }

  private static void requireSingleSpace(byte[] line, int previousEnd, int start) {
    if (start != previousEnd + 1 || line[previousEnd] != ' ') {
      throw new IllegalArgumentException("Malformed HTTP request line");
    }
  }

  @Override
  protected AsciiString splitHeaderName(byte[] line, int start, int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("Invalid header name ''");
    }
    return super.splitHeaderName(line, start, length);
  }
}
