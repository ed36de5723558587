package io.jornado.samples.helloworld;

import static io.jornado.web.UrlSpec.url;

import io.jornado.samples.SampleMain;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import java.util.List;

/** Tornado's helloworld demo: {@code Hello, world} at {@code /}. */
public final class HelloWorld {
  private HelloWorld() {}

  /** Answers every GET of {@code /}. */
  public static class MainHandler extends RequestHandler {
    /** Writes the greeting. */
    public void get() {
      write("Hello, world");
    }
  }

  /**
   * The application, shared by {@link #main} and the sample's tests.
   *
   * @return the helloworld application
   */
  public static Application makeApp() {
    return new Application(List.of(url("/", MainHandler.class)));
  }

  /**
   * Runs the sample: {@code helloworld [--port=8888] [--address=127.0.0.1]}.
   *
   * @param args command-line options
   */
  public static void main(String[] args) {
    SampleMain.run("helloworld", args, HelloWorld::makeApp);
  }
}
