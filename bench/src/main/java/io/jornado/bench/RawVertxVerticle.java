package io.jornado.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's share of {@link RawVertxServer}: an HTTP server on the shared port, dispatching on
 * the path by hand, and the chat sockets accepted on this loop.
 *
 * <p>Responses carry {@code Content-Type}, {@code Content-Length}, {@code Server} and {@code Date}
 * (formatted once a second, as the TechEmpower Vert.x entry does), close to what Jornado and Tornado
 * send; no {@code Etag}, which is a framework feature. {@code /json} is serialised per request, with
 * Python's separators, so the body is byte-for-byte Jornado's and Tornado's.
 *
 * <p>Broadcast: a {@code /chat} message is one event-bus publish; each instance has one consumer,
 * registered on its own loop, which writes to the sockets in its local set, so no lock is taken.
 */
final class RawVertxVerticle extends VerticleBase {
  static final String CHAT_ADDRESS = "raw.chat";
  private static final Buffer HELLO = Buffer.buffer("Hello, world");
  private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain");
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json; charset=UTF-8");
  private static final CharSequence SERVER_NAME = HttpHeaders.createOptimized("vert.x");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  private final HttpServerOptions options;
  private final AtomicInteger boundPort;
  /** The chat sockets of this loop; touched on this verticle's loop only. */
  private final Set<ServerWebSocket> chatSockets = new HashSet<>();
  private EventBus eventBus;
  private CharSequence date;

  RawVertxVerticle(HttpServerOptions options, AtomicInteger boundPort) {
    this.options = options;
    this.boundPort = boundPort;
  }

  @Override
  public Future<?> start() {
    eventBus = vertx.eventBus();
    date = httpDate();
    vertx.setPeriodic(1000, id -> date = httpDate());
    MessageConsumer<Object> consumer = eventBus.localConsumer(CHAT_ADDRESS, message -> broadcast(message.body()));
    return consumer.completion()
        .compose(v -> vertx.createHttpServer(options).requestHandler(this::handle).listen())
        .onSuccess(server -> boundPort.compareAndSet(0, server.actualPort()));
  }

  private static CharSequence httpDate() {
    return HttpHeaders.createOptimized(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).end();
      return;
    }
    switch (path) {
      case "/":
        respond(request, TEXT_PLAIN, HELLO);
        break;
      case "/json":
        respond(request, APPLICATION_JSON, Buffer.buffer(jsonMessage("Hello, World!")));
        break;
      case "/ws":
        request.toWebSocket().onSuccess(RawVertxVerticle::echo);
        break;
      case "/chat":
        request.toWebSocket().onSuccess(this::joinChat);
        break;
      default:
        request.response().setStatusCode(404).end();
    }
  }

  private void respond(HttpServerRequest request, CharSequence contentType, Buffer body) {
    request.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
        .putHeader(HttpHeaders.SERVER, SERVER_NAME)
        .putHeader(HttpHeaders.DATE, date)
        .end(body);
  }

  private static void echo(ServerWebSocket socket) {
    socket.textMessageHandler(socket::writeTextMessage);
    socket.binaryMessageHandler(socket::writeBinaryMessage);
  }

  private void joinChat(ServerWebSocket socket) {
    chatSockets.add(socket);
    socket.closeHandler(v -> chatSockets.remove(socket));
    socket.textMessageHandler(text -> eventBus.publish(CHAT_ADDRESS, text));
    socket.binaryMessageHandler(bytes -> eventBus.publish(CHAT_ADDRESS, bytes));
  }

  private void broadcast(Object body) {
    if (body instanceof String) {
      String text = (String) body;
      for (ServerWebSocket socket : chatSockets) {
        socket.writeTextMessage(text);
      }
    } else {
      Buffer bytes = (Buffer) body;
      for (ServerWebSocket socket : chatSockets) {
        socket.writeBinaryMessage(bytes);
      }
    }
  }

  /** {@code {"message": "<value>"}} with Python's json.dumps separators and escaping (ASCII only). */
  static String jsonMessage(String value) {
    StringBuilder out = new StringBuilder(16 + value.length());
    out.append("{\"message\": \"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append("\"}").toString();
  }
}
