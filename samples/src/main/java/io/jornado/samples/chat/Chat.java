package io.jornado.samples.chat;

import static io.jornado.web.UrlSpec.url;

import io.jornado.samples.SampleMain;
import io.jornado.web.Application;
import io.jornado.web.HttpError;
import io.jornado.web.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The chat sample: a chat room in the browser over a WebSocket. Open {@code /}, pick a nickname and
 * talk; every open page sees every message, and a newcomer sees the last {@value #HISTORY_SIZE}.
 *
 * <ul>
 *   <li>{@code /}: the page ({@link MainHandler}), with its stylesheet and script under
 *       {@code /static/} ({@link StaticResource}), all read from this package's resources.
 *   <li>{@code /chatsocket?nick=<nickname>}: the socket ({@link ChatSocketHandler}, which documents
 *       the protocol).
 * </ul>
 *
 * <p>Run with {@code java -jar jornado-samples.jar chat [--port=8888] [--address=127.0.0.1]
 * [--processes=1]}; {@code --processes=0} serves on one event loop per core. Messages reach sockets on
 * every loop through {@link io.jornado.pubsub.PubSub}, and the history ({@link ChatRoom}) is shared by
 * all loops.
 *
 * <p>Ports Tornado's websocket chat demo.
 */
public final class Chat {
  /** The pub/sub topic chat messages travel on. */
  public static final String TOPIC = "chat";
  /** How many recent messages a newcomer receives. */
  public static final int HISTORY_SIZE = 100;
  /** The longest message body accepted, in characters (UTF-16 units, as JavaScript counts). */
  public static final int MAX_BODY_LENGTH = 10_000;
  /** The longest nickname kept, in characters. */
  public static final int MAX_NICK_LENGTH = 32;
  /** The largest WebSocket message read at all (bytes); bigger ones close the socket with 1009. */
  public static final int MAX_MESSAGE_SIZE = 64 * 1024;

  private static final String RESOURCES = "/io/jornado/samples/chat/";

  private Chat() {}

  /**
   * The application, shared by {@link #main} and the tests; each call makes a new, empty room.
   *
   * @return the chat application
   */
  public static Application makeApp() {
    ChatRoom room = new ChatRoom(TOPIC, HISTORY_SIZE);
    return new Application(
        List.of(
            url("/", MainHandler.class),
            url("/static/(chat\\.css|chat\\.js)", StaticResource.class),
            url("/chatsocket", ChatSocketHandler.class, Map.of("room", room))),
        Map.of("websocket_max_message_size", MAX_MESSAGE_SIZE));
  }

  /**
   * Runs the sample: {@code chat [--port=8888] [--address=127.0.0.1] [--processes=1]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    SampleMain.runWithProcesses("chat", args, Chat::makeApp);
  }

  /** Serves the chat page at {@code /}. */
  public static class MainHandler extends RequestHandler {
    private static final byte[] PAGE = resource("index.html");

    /** Made by the application for each request. */
    public MainHandler() {}

    /** Writes the page. */
    public void get() {
      setHeader("Content-Type", "text/html; charset=UTF-8");
      write(PAGE);
    }
  }

  /**
   * Serves the page's stylesheet and script from this package's {@code static/} resources, read once.
   * A minimal stand-in for a static file handler: only the names the route allows.
   */
  public static class StaticResource extends RequestHandler {
    private static final Map<String, byte[]> FILES = Map.of(
        "chat.css", resource("static/chat.css"),
        "chat.js", resource("static/chat.js"));
    private static final Map<String, String> TYPES = Map.of(
        "chat.css", "text/css; charset=UTF-8",
        "chat.js", "application/javascript; charset=UTF-8");

    /** Made by the application for each request. */
    public StaticResource() {}

    /**
     * Writes one file.
     *
     * @param name the file's name, from the route
     */
    public void get(String name) {
      byte[] content = FILES.get(name);
      if (content == null) {
        throw new HttpError(404);
      }
      setHeader("Content-Type", TYPES.get(name));
      setHeader("Cache-Control", "no-cache");
      write(content);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Chat.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
