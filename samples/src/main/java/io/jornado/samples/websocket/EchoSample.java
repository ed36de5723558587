package io.jornado.samples.websocket;

import static io.jornado.web.UrlSpec.url;

import io.jornado.samples.SampleMain;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.jornado.websocket.WebSocketHandler;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The websocket sample: an echo server. {@code /websocket} sends every message back as it came, text
 * as text and binary as binary; {@code /} is a small page that connects to it and shows the echoes.
 *
 * <p>Ports the echo WebSocket handler of Tornado's {@code tornado.websocket} documentation.
 */
public final class EchoSample {
  private EchoSample() {}

  /** Sends each message back to its sender. */
  public static class EchoSocket extends WebSocketHandler {
    /** Made by the application for each connection. */
    public EchoSocket() {}

    /**
     * Echoes a text message.
     *
     * @param message the text
     */
    @Override
    public void onMessage(String message) {
      writeMessage(message);
    }

    /**
     * Echoes a binary message.
     *
     * @param message the bytes
     */
    @Override
    public void onMessage(Buffer message) {
      writeMessage(message);
    }
  }

  /** Serves the test page at {@code /}. */
  public static class PageHandler extends RequestHandler {
    private static final byte[] PAGE = resource("index.html");

    /** Made by the application for each request. */
    public PageHandler() {}

    /** Writes the page. */
    public void get() {
      setHeader("Content-Type", "text/html; charset=UTF-8");
      write(PAGE);
    }
  }

  /**
   * The application, shared by {@link #main} and the tests.
   *
   * @return the echo application
   */
  public static Application makeApp() {
    return new Application(List.of(
        url("/", PageHandler.class),
        url("/websocket", EchoSocket.class)));
  }

  /**
   * Runs the sample: {@code websocket [--port=8888] [--address=127.0.0.1]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    SampleMain.run("websocket", args, EchoSample::makeApp);
  }

  private static byte[] resource(String name) {
    String path = "/io/jornado/samples/websocket/" + name;
    try (InputStream in = EchoSample.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
