package io.jornado.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.jornado.httpserver.ServerOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The few places where per-connection WebSocket behaviour needs Vert.x 5.0's Netty channel (pinned
 * by the BOM): refusing compression for one handshake, TCP_NODELAY, protocol-error close codes.
 */
final class VertxInternals {
  private static final String EXTENSION_HANDLER = "webSocketExtensionHandler";
  private static final String DECODER = "wsdecoder";

  private VertxInternals() {}

  /** Removes the permessage-deflate negotiator before the 101 is written, for this connection only. */
  static void refuseCompression(HttpServerRequest request) {
    Channel channel = channel(request.connection());
    if (channel != null && channel.pipeline().get(EXTENSION_HANDLER) != null) {
      channel.pipeline().remove(EXTENSION_HANDLER);
    }
  }

  /**
   * Once the handshake is done without compression on a server that allows it, makes Netty's frame
   * decoder refuse reserved bits again (Vert.x configures it per server, not per connection).
   */
  static void refuseReservedBits(HttpServerRequest request, long maxMessageSize) {
    Channel channel = channel(request.connection());
    if (channel == null || !(channel.pipeline().get(DECODER) instanceof WebSocket08FrameDecoder)) {
      return;
    }
    WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(ServerOptions.webSocketFrameLimit(maxMessageSize))
        .allowMaskMismatch(false)
        .allowExtensions(false)
        .closeOnProtocolViolation(false)
        .build();
    channel.pipeline().replace(DECODER, DECODER, new WebSocket13FrameDecoder(config));
  }

  static void setNoDelay(HttpServerRequest request, boolean value) {
    Channel channel = channel(request.connection());
    if (channel != null) {
      channel.config().setOption(ChannelOption.TCP_NODELAY, value);
    }
  }

  /** The RFC 6455 code for a frame Netty refused (1002, 1007, 1009), or 0 for other errors. */
  static int protocolErrorCode(Throwable error) {
    if (error instanceof CorruptedWebSocketFrameException) {
      WebSocketCloseStatus status = ((CorruptedWebSocketFrameException) error).closeStatus();
      return status == null ? WebSocketCloseStatus.PROTOCOL_ERROR.code() : status.code();
    }
    if (error instanceof io.netty.handler.codec.TooLongFrameException) {
      return MessageAssembler.MESSAGE_TOO_BIG;
    }
    return 0;
  }

  static String protocolErrorReason(Throwable error) {
    if (protocolErrorCode(error) == MessageAssembler.MESSAGE_TOO_BIG) {
      return "message too big";
    }
    String message = error.getMessage();
    return message == null ? "protocol error" : truncate(message);
  }

  /** Close reasons must fit a control frame: 123 bytes of UTF-8 after the code. */
  private static String truncate(String reason) {
    return reason.length() > 120 ? reason.substring(0, 120) : reason;
  }

  private static Channel channel(HttpConnection connection) {
    return connection instanceof ConnectionBase ? ((ConnectionBase) connection).channel() : null;
  }
}
