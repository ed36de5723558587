package io.jornado.bench;

import static io.jornado.web.UrlSpec.url;

import io.jornado.gen.Coroutine;
import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.ioloop.IOLoop;
import io.jornado.options.Option;
import io.jornado.options.Options;
import io.jornado.pubsub.PubSub;
import io.jornado.util.VirtualThreads;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.jornado.web.UrlSpec;
import io.jornado.websocket.WebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Jornado server under test, written as a user would write it: handler classes, {@code url(...)}
 * rules, {@code tornado.options}-style options, {@link PubSub} for the chat room.
 *
 * <ul>
 *   <li>{@code GET /}: {@code Hello, world}, {@code Content-Type: text/plain}.
 *   <li>{@code GET /coro}: the same as {@code /}, from a {@link Coroutine} handler on a virtual
 *       thread per request (Java 21+ only; on Java 17 the route is left out).
 *   <li>{@code GET /json}: {@code {"message": "Hello, World!"}} via {@code write(Map)}.
 *   <li>{@code /ws}: WebSocket echo, text as text and binary as binary.
 *   <li>{@code /chat}: WebSocket broadcast; every message any client sends reaches every connected
 *       client, the sender included, on whichever event loop it is.
 * </ul>
 *
 * <p>Run: {@code java -cp jornado-bench.jar io.jornado.bench.JornadoServer --port=8888 --processes=1
 * --address=127.0.0.1}; prints {@code READY <port>} on stdout once listening, then serves until
 * killed (SIGTERM ends it).
 */
public final class JornadoServer {
  /** The pub/sub topic of the chat room. */
  public static final String CHAT_TOPIC = "chat";

  private JornadoServer() {}

  /** {@code GET /}. */
  public static class HelloHandler extends RequestHandler {
    /** Made by the application for each request. */
    public HelloHandler() {}

    /** Writes the greeting as plain text. */
    public void get() {
      setHeader("Content-Type", "text/plain");
      write("Hello, world");
    }
  }

  /** {@code GET /coro}: {@code GET /} on a virtual thread, to measure what a coroutine handler costs. */
  @Coroutine
  public static class CoroutineHelloHandler extends HelloHandler {
    /** Made by the application for each request. */
    public CoroutineHelloHandler() {}
  }

  /** {@code GET /json}. */
  public static class JsonHandler extends RequestHandler {
    /** Made by the application for each request. */
    public JsonHandler() {}

    /** Writes the message as JSON, as Tornado's {@code self.write(dict)}. */
    public void get() {
      write(Map.of("message", "Hello, World!"));
    }
  }

  /** {@code /ws}: sends every message back to its sender. */
  public static class EchoSocket extends WebSocketHandler {
    /** Made by the application for each connection. */
    public EchoSocket() {}

    @Override
    public void onMessage(String message) {
      writeMessage(message);
    }

    @Override
    public void onMessage(Buffer message) {
      writeMessage(message);
    }
  }

  /** {@code /chat}: every message to every connected client. */
  public static class ChatSocket extends WebSocketHandler {
    /** Made by the application for each connection. */
    public ChatSocket() {}

    @Override
    public Future<?> open(String... pathArgs) {
      subscribe(CHAT_TOPIC, message -> {
        if (message instanceof String) {
          writeMessage((String) message);
        } else {
          writeMessage((Buffer) message);
        }
      });
      return null;
    }

    @Override
    public void onMessage(String message) {
      PubSub.of(ioLoop().vertx()).publish(CHAT_TOPIC, message);
    }

    @Override
    public void onMessage(Buffer message) {
      PubSub.of(ioLoop().vertx()).publish(CHAT_TOPIC, message);
    }
  }

  /**
   * The application.
   *
   * @return a new application serving the endpoints above
   */
  public static Application makeApp() {
    List<UrlSpec> rules = new ArrayList<>(List.of(
        url("/", HelloHandler.class),
        url("/json", JsonHandler.class),
        url("/ws", EchoSocket.class),
        url("/chat", ChatSocket.class)));
    if (VirtualThreads.available()) {
      rules.add(url("/coro", CoroutineHelloHandler.class));
    }
    return new Application(rules);
  }

  /**
   * Starts serving on the current loop ({@link IOLoop#current()}); call it on a loop, e.g. through
   * {@link IOLoop#runSync}. The returned server gives the bound port ({@link HttpServer#port()}) and
   * stops with {@link HttpServer#stop()}.
   *
   * @param port the port, 0 for any free one
   * @param address the address to bind
   * @param processes event loops serving the app (0 = one per core)
   * @return the server, once every loop listens
   */
  public static Future<HttpServer> listen(int port, String address, int processes) {
    return makeApp().listen(port, address, new ServerOptions().processes(processes));
  }

  /**
   * Serves until the process is killed: {@code --port=N --processes=N --address=127.0.0.1}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    System.setProperty("vertx.disableDnsResolver", "true");
    Option<Integer> port = Options.define("port", 8888, "run on the given port (0 = any free port)");
    Option<Integer> processes = Options.define("processes", 1, "event loops serving the app (0 = one per core)");
    Option<String> address = Options.define("address", "127.0.0.1", "bind to this address");
    Options.parseCommandLine(args);
    IOLoop loop = IOLoop.current();
    HttpServer server = loop.runSync(() -> listen(port.value(), address.value(), processes.value()));
    System.out.println("READY " + server.port());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(loop::stop, "jornado-shutdown"));
    loop.start();
  }
}
