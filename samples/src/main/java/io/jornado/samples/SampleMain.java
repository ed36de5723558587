package io.jornado.samples;

import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.ioloop.IOLoop;
import io.jornado.options.Option;
import io.jornado.options.Options;
import io.jornado.web.Application;
import io.vertx.core.Future;
import java.util.function.Supplier;

/** The part every sample's main shares: options, listen, then block in the loop as a Tornado script does. */
public final class SampleMain {
  private SampleMain() {}

  /**
   * Parses {@code --port} and {@code --address}, serves the app on one event loop and blocks until the
   * loop stops.
   *
   * @param name the sample's name, for the help text
   * @param args command-line options
   * @param app makes the application
   */
  public static void run(String name, String[] args, Supplier<Application> app) {
    run(name, args, () -> Future.succeededFuture(app.get()), false);
  }

  /**
   * As {@link #run(String, String[], Supplier)}, for an app that needs asynchronous set-up first (a
   * database connection, say): the supplier runs on the loop after the options are parsed, and the
   * server listens once its future completes.
   *
   * @param name the sample's name, for the help text
   * @param args command-line options
   * @param app makes the application
   */
  public static void runAsync(String name, String[] args, Supplier<Future<Application>> app) {
    run(name, args, app, false);
  }

  /**
   * As {@link #run(String, String[], Supplier)}, with a {@code --processes} option too: the number of
   * event loops that serve the app, sharing the port (default 1; 0 = one per core), as Tornado's
   * {@code HTTPServer.start(n)} forks processes.
   *
   * @param name the sample's name, for the help text
   * @param args command-line options
   * @param app makes the application (once: every loop serves the same instance)
   */
  public static void runWithProcesses(String name, String[] args, Supplier<Application> app) {
    run(name, args, () -> Future.succeededFuture(app.get()), true);
  }

  private static void run(String name, String[] args, Supplier<Future<Application>> app, boolean withProcesses) {
    Option<Integer> port = Options.define("port", 8888, "run on the given port");
    Option<String> address = Options.define("address", "127.0.0.1", "bind to this address (0.0.0.0 for all)");
    Option<Integer> processes = withProcesses
        ? Options.define("processes", 1, "number of event loops serving the app (0 = one per core)")
        : null;
    Options.options().programName("jornado-samples.jar " + name);
    Options.parseCommandLine(args);
    ServerOptions serverOptions = new ServerOptions();
    if (processes != null) {
      serverOptions.processes(processes.value());
    }
    IOLoop loop = IOLoop.current();
    HttpServer server = loop.runSync(() -> app.get().compose(a -> a.listen(port.value(), address.value(), serverOptions)));
    if (server.processes() > 1) {
      System.out.println("Serving on " + server.processes() + " event loops");
    }
    System.out.println("Listening on http://" + address.value() + ":" + server.port() + "/");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(loop::stop, "jornado-shutdown"));
    loop.start();
  }
}
