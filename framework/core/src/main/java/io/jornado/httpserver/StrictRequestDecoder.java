package io.jornado.httpserver;

import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * Vert.x's request decoder, refusing a request that carries both Content-Length and
 * Transfer-Encoding (Netty drops the Content-Length and carries on; Tornado answers 400, as RFC 9112
 * allows, because the two framings disagreeing is how requests are smuggled).
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Message with both Transfer-Encoding and Content-Length");
  }
}
