package io.jornado.httpserver;

import io.jornado.log.Log;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerOptions;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tornado's HTTP/1 connection rules that Vert.x does not have, as a Netty handler between Vert.x's
 * codec and its connection:
 *
 * <ul>
 *   <li>malformed requests (bad request line, method or version, NUL or spaces in the target, missing,
 *       invalid or multiple Host, unsupported or repeated Transfer-Encoding, both framings, bad
 *       chunks) get Tornado's header-less {@code HTTP/1.1 400 Bad Request} and the connection closes;
 *       an oversized head gets 431 (414 for the request line) and closes;
 *   <li>every status line says {@code HTTP/1.1}, whatever the request's version, and 100-continue
 *       reads {@code 100 (Continue)};
 *   <li>{@code no_keep_alive} closes the connection after each response ({@code Connection: close} on
 *       HTTP/1.1);
 *   <li>the idle timeout also bounds reading a request's head (a slow-headers client is dropped), and
 *       the body timeout bounds reading a body.
 * </ul>
 *
 * <p>When responses to earlier pipelined requests are still owed, a malformed request is left to
 * Vert.x, which answers it in order (400 with {@code content-length: 0}).
 */
final class WireGuard extends ChannelDuplexHandler {
  static final String NAME = "jornadoWireGuard";
  private static final String DECODER = "httpDecoder";
  private static final String VERTX_HANDLER = "handler";
  private static final HttpResponseStatus TORNADO_CONTINUE = new HttpResponseStatus(100, "(Continue)");

  private final ServerOptions options;
  private final long idleNanos;
  private final long bodyNanos;
  private ScheduledFuture<?> headTimer;
  private long waitingSince;
  private String lastValidHost;
  private ScheduledFuture<?> bodyTimer;
  private int owedResponses;
  private int lastStatus;
  private boolean refusing;
  private boolean http10;
  private boolean upgraded;

  private WireGuard(ServerOptions options) {
    this.options = options;
    this.idleNanos = options.idleConnectionTimeout().toNanos();
    this.bodyNanos = options.bodyTimeout().map(java.time.Duration::toNanos).orElse(0L);
  }

  /**
   * Installs the guard on a new HTTP/1 connection's pipeline, and the strict decoder when no byte has
   * been decoded yet. With h2c on, Vert.x announces the connection only while decoding its first
   * request, when the decoder cannot be swapped: then requests with both framings keep Netty's
   * reading (chunked wins).
   */
  static void install(Channel channel, ServerOptions options, HttpServerOptions vertxOptions) {
    if (channel.pipeline().get(NAME) != null || channel.pipeline().get(DECODER) == null
        || channel.pipeline().get(VERTX_HANDLER) == null) {
      return;
    }
    if (!vertxOptions.isHttp2ClearTextEnabled()) {
      channel.pipeline().replace(DECODER, DECODER, new StrictRequestDecoder(vertxOptions));
    }
    channel.pipeline().addBefore(VERTX_HANDLER, NAME, new WireGuard(options));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    awaitHead(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimers();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelTimers();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (refusing || upgraded) {
      if (refusing) {
        ReferenceCountUtil.release(msg);
      } else {
        ctx.fireChannelRead(msg);
      }
      return;
    }
    if (msg instanceof HttpRequest) {
      HttpRequest request = (HttpRequest) msg;
      waitingSince = 0;
      String problem = problem(request);
      if (problem != null && owedResponses == 0) {
        refuse(ctx, msg, problem, request.decoderResult().cause());
        return;
      }
      if (problem != null && request.decoderResult().isSuccess()) {
        request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(problem)));
      }
      owedResponses++;
      http10 = request.protocolVersion() == HttpVersion.HTTP_1_0;
      if (bodyNanos > 0 && !(msg instanceof LastHttpContent) && expectsBody(request)) {
        bodyTimer = ctx.executor().schedule(() -> timedOut(ctx, "body"), bodyNanos, TimeUnit.NANOSECONDS);
      }
    }
    if (msg instanceof HttpContent && ((HttpObject) msg).decoderResult().isFailure() && owedResponses <= 1
        && lastStatus == 0) {
      refuse(ctx, msg, "Malformed chunked body", ((HttpObject) msg).decoderResult().cause());
      return;
    }
    if (msg instanceof LastHttpContent) {
      cancel(bodyTimer);
      // Tornado reads no further request on a no_keep_alive connection.
      refusing = options.noKeepAlive();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse) {
      HttpResponse response = (HttpResponse) msg;
      if (response.protocolVersion() != HttpVersion.HTTP_1_1) {
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
      }
      lastStatus = response.status().code();
      if (options.noKeepAlive() && lastStatus >= 200) {
        response.headers().remove(HttpHeaderNames.CONNECTION);
        if (!http10) {
          response.headers().set("Connection", "close");
        }
      }
      if (lastStatus == 100) {
        response.setStatus(TORNADO_CONTINUE);
      } else if (lastStatus == 101) {
        upgraded = true;
        cancelTimers();
      }
    }
    if (msg instanceof LastHttpContent && lastStatus != 100 && lastStatus != 101) {
      lastStatus = 0;
      if (owedResponses > 0) {
        owedResponses--;
      }
      if (options.noKeepAlive()) {
        promise = promise.unvoid();
        promise.addListener(ChannelFutureListener.CLOSE);
      } else if (owedResponses == 0 && !upgraded) {
        awaitHead(ctx);
      }
    }
    ctx.write(msg, promise);
  }

  private String problem(HttpRequest request) {
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      return cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
    }
    HttpVersion version = request.protocolVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
      return "Malformed HTTP version in HTTP Request-Line: " + version.text();
    }
    if (!RequestRules.isValidTarget(request.uri())) {
      return "Malformed HTTP request line";
    }
    List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
    if (hosts.isEmpty()) {
      if (version == HttpVersion.HTTP_1_1) {
        return "Missing Host header";
      }
    } else if (hosts.size() > 1 || hosts.get(0).indexOf(',') >= 0) {
      return "Multiple host headers not allowed: " + String.join(",", hosts);
    } else if (!hosts.get(0).equals(lastValidHost)) {
      if (!RequestRules.isValidHost(hosts.get(0))) {
        return "Invalid Host header: " + hosts.get(0);
      }
      lastValidHost = hosts.get(0);
    }
    if (!request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      return null;
    }
    List<String> encodings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (encodings.size() > 1 || !"chunked".equalsIgnoreCase(encodings.get(0).strip())) {
      return "Unsupported Transfer-Encoding " + String.join(",", encodings);
    }
    return null;
  }

  private static boolean expectsBody(HttpRequest request) {
    String length = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
    return (length != null && !"0".equals(length)) || request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
  }

  private void refuse(ChannelHandlerContext ctx, Object msg, String problem, Throwable cause) {
    ReferenceCountUtil.release(msg);
    refusing = true;
    cancelTimers();
    Log.GENERAL.info("Malformed HTTP message from {}: {}", peer(ctx), problem);
    ctx.writeAndFlush(answerFor(cause)).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse answerFor(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return closingAnswer(HttpResponseStatus.REQUEST_URI_TOO_LONG);
    }
    if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
      return closingAnswer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER,
        EmptyHttpHeaders.INSTANCE, EmptyHttpHeaders.INSTANCE);
  }

  private static FullHttpResponse closingAnswer(HttpResponseStatus status) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    response.headers().set("Content-Length", "0").set("Connection", "close");
    return response;
  }

  private void timedOut(ChannelHandlerContext ctx, String what) {
    if (ctx.channel().isActive()) {
      Log.GENERAL.info("Timeout reading {} from {}", what, peer(ctx));
      ctx.close();
    }
  }

  /** The client's IP address, as Tornado's log lines name it (no port). */
  private static String peer(ChannelHandlerContext ctx) {
    SocketAddress address = ctx.channel().remoteAddress();
    return address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() != null
        ? ((InetSocketAddress) address).getAddress().getHostAddress() : String.valueOf(address);
  }

  /**
   * Starts the wait for the next request's head. One timer per connection at a time, re-armed only
   * when it fires early, so keep-alive requests cost a clock read rather than a timer each.
   */
  private void awaitHead(ChannelHandlerContext ctx) {
    waitingSince = Math.max(1, System.nanoTime());
    if (headTimer == null && ctx.channel().isOpen()) {
      headTimer = ctx.executor().schedule(() -> checkHead(ctx), idleNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void checkHead(ChannelHandlerContext ctx) {
    headTimer = null;
    if (waitingSince == 0 || upgraded || !ctx.channel().isActive()) {
      return;
    }
    long left = idleNanos - (System.nanoTime() - waitingSince);
    if (left <= 0) {
      timedOut(ctx, "request headers");
    } else {
      headTimer = ctx.executor().schedule(() -> checkHead(ctx), left, TimeUnit.NANOSECONDS);
    }
  }

  private void cancelTimers() {
    waitingSince = 0;
    cancel(headTimer);
    headTimer = null;
    cancel(bodyTimer);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
