package io.jornado.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: the same endpoints as {@link JornadoServer} on vertx-core alone, with hand-written
 * dispatch and no Jornado code, as a good Vert.x programmer would write them.
 *
 * <p>One {@link RawVertxVerticle} instance per event loop, all listening on one port (Vert.x shares
 * it). Server options match what Jornado's {@code ServerOptions} gives its server where it can matter
 * for the numbers: WebSocket frame and message limit 10 MiB + 1, no WebSocket compression, no HTTP
 * compression, 64 KiB request line and headers.
 *
 * <p>Run: {@code java -cp jornado-bench.jar io.jornado.bench.RawVertxServer --port=8888 --processes=1
 * --address=127.0.0.1} ({@code --processes} is the number of verticle instances, 0 = one per core);
 * prints {@code READY <port>} on stdout once listening, then serves until killed.
 */
public final class RawVertxServer {
  /** Jornado's default WebSocket message limit (Tornado's websocket_max_message_size), 10 MiB. */
  static final long MAX_MESSAGE_SIZE = 10L * 1024 * 1024;
  /** Vert.x's frame limit as Jornado derives it from the message limit: one byte more. */
  static final int FRAME_LIMIT = (int) Math.max(65536, MAX_MESSAGE_SIZE + 1);
  private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger(1000);

  private final Vertx vertx;
  private final String deploymentId;
  private final int port;
  private final int instances;

  private RawVertxServer(Vertx vertx, String deploymentId, int port, int instances) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.instances = instances;
  }

  /**
   * The Vert.x server options, with Jornado's values for the settings that matter.
   *
   * @param port the port to bind
   * @param address the address to bind
   * @return fresh options
   */
  public static HttpServerOptions serverOptions(int port, String address) {
    return new HttpServerOptions()
        .setHost(address)
        .setPort(port)
        .setMaxHeaderSize(65536)
        .setMaxInitialLineLength(65536)
        .setHandle100ContinueAutomatically(true)
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setMaxWebSocketFrameSize(FRAME_LIMIT)
        .setMaxWebSocketMessageSize(FRAME_LIMIT)
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false)
        .setWebSocketClosingTimeout(5);
  }

  /**
   * Deploys {@code instances} verticles (0 = one per core) serving one port.
   *
   * @param vertx the Vert.x instance
   * @param port the port, 0 for any free one
   * @param address the address to bind
   * @param instances verticle instances, i.e. event loops serving (0 = one per core)
   * @return the running server, once every instance listens
   */
  public static Future<RawVertxServer> start(Vertx vertx, int port, String address, int instances) {
    int n = instances == 0 ? Runtime.getRuntime().availableProcessors() : instances;
    if (n < 0) {
      throw new IllegalArgumentException("processes must be 0 (one per core) or more, got " + instances);
    }
    // Vert.x shares a listening socket only between servers given the same port; for "any free port"
    // that is a negative port, shared by every server given that same negative number.
    int bindPort = port == 0 && n > 1 ? -SHARED_RANDOM_PORTS.incrementAndGet() : port;
    HttpServerOptions options = serverOptions(bindPort, address);
    AtomicInteger bound = new AtomicInteger();
    return vertx.deployVerticle(() -> new RawVertxVerticle(options, bound), new DeploymentOptions().setInstances(n))
        .map(id -> new RawVertxServer(vertx, id, bound.get(), n));
  }

  /** @return the port the server listens on */
  public int port() {
    return port;
  }

  /** @return the number of verticle instances (event loops) serving */
  public int instances() {
    return instances;
  }

  /**
   * Undeploys every instance, closing the server and its connections.
   *
   * @return completes once stopped
   */
  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }

  /**
   * Serves until the process is killed: {@code --port=N --processes=N --address=127.0.0.1}.
   *
   * @param args command-line options
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("vertx.disableDnsResolver", "true");
    BenchArgs opts = BenchArgs.parse(args, "port", "processes", "address");
    Vertx vertx = Vertx.vertx();
    RawVertxServer server = start(vertx, opts.integer("port", 8888), opts.string("address", "127.0.0.1"),
        opts.integer("processes", 1)).toCompletionStage().toCompletableFuture().get();
    System.out.println("READY " + server.port());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "raw-vertx-shutdown"));
    stopped.await();
  }
}
