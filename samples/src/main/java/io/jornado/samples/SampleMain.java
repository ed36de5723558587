package io.jornado.samples;

import io.jornado.httpserver.HttpServer;
import io.jornado.ioloop.IOLoop;
import io.jornado.options.Option;
import io.jornado.options.Options;
import io.jornado.web.Application;
import java.util.function.Supplier;

/** The part every sample's main shares: options, listen, then block in the loop as a Tornado script does. */
public final class SampleMain {
  private SampleMain() {}

  /**
   * Parses {@code --port} and {@code --address}, serves the app and blocks until the loop stops.
   *
   * @param name the sample's name, for the help text
   * @param args command-line options
   * @param app makes the application
   */
  public static void run(String name, String[] args, Supplier<Application> app) {
    Option<Integer> port = Options.define("port", 8888, "run on the given port");
    Option<String> address = Options.define("address", "127.0.0.1", "bind to this address (0.0.0.0 for all)");
    Options.options().programName("jornado-samples.jar " + name);
    Options.parseCommandLine(args);
    IOLoop loop = IOLoop.current();
    HttpServer server = loop.runSync(() -> app.get().listen(port.value(), address.value()));
    System.out.println("Listening on http://" + address.value() + ":" + server.port() + "/");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(loop::stop, "jornado-shutdown"));
    loop.start();
  }
}
