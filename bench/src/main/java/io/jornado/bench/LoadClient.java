package io.jornado.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The WebSocket side of {@link WsLoad}: one Vert.x instance with a few event loops, one WebSocket
 * client without connection limits, and a paced way to open many connections to one URL on
 * 127.0.0.1. Connection {@code i} lives on event loop {@code i % loops}; its handlers run there.
 */
final class LoadClient implements AutoCloseable {
  private final Vertx vertx;
  private final WebSocketClient client;
  private final List<Context> contexts = new ArrayList<>();
  private final URI url;
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final Map<WebSocket, Context> socketContexts = new ConcurrentHashMap<>();
  private int opened;

  /**
   * @param url {@code ws://127.0.0.1:<port>/<path>}
   * @param loops event loops for the connections
   */
  LoadClient(String url, int loops) {
    this.url = URI.create(url);
    if (!"ws".equals(this.url.getScheme()) || this.url.getPort() <= 0) {
      throw new IllegalArgumentException("--url must be ws://127.0.0.1:<port>/<path>, got " + url);
    }
    if (!"127.0.0.1".equals(this.url.getHost())) {
      throw new IllegalArgumentException("The load client connects to 127.0.0.1 only, got " + url);
    }
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(1_000_000)
        .setMaxFrameSize(RawVertxServer.FRAME_LIMIT)
        .setMaxMessageSize(RawVertxServer.FRAME_LIMIT)
        .setTryUsePerMessageCompression(false)
        .setTryUsePerFrameCompression(false)
        .setConnectTimeout(10_000)
        .setClosingTimeout(2)
        .setTcpNoDelay(true));
    for (int i = 0; i < loops; i++) {
      contexts.add(((VertxInternal) vertx).createEventLoopContext());
    }
  }

  Vertx vertx() {
    return vertx;
  }

  /**
   * @param socket a connection opened by this client
   * @return the context (event loop) its handlers run on
   */
  Context contextOf(WebSocket socket) {
    return socketContexts.get(socket);
  }

  /** @return connections that could not be opened so far */
  int failed() {
    return failed.get();
  }

  /** @return opened connections that have closed since (the server or the network closed them) */
  int closed() {
    return closed.get();
  }

  /** @return the first connection failure's message, or null */
  String firstError() {
    return firstError.get();
  }

  /** @return connections opened so far, including any closed since */
  int opened() {
    return opened;
  }

  /**
   * Opens connections, at most {@code ratePerSecond} new ones a second and at most {@code maxInFlight}
   * handshakes at once; blocks until each has opened or failed (failures are counted, not thrown).
   *
   * @param count how many to open
   * @param ratePerSecond the pace
   * @param maxInFlight the bound on handshakes in progress
   * @param onOpen runs on the connection's loop as soon as it is open, before anything else
   * @return the connections that opened, in no particular order
   */
  List<WebSocket> open(int count, double ratePerSecond, int maxInFlight, Consumer<WebSocket> onOpen) {
    Semaphore inFlight = new Semaphore(maxInFlight);
    ConcurrentLinkedQueue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    long intervalNanos = (long) (1e9 / ratePerSecond);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sleepUntil(start + i * intervalNanos);
      if (!acquire(inFlight, 1)) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, "no handshake slot within 60 s");
        continue;
      }
      Context context = contexts.get((opened + i) % contexts.size());
      context.runOnContext(v -> connect().onComplete(ar -> {
        if (ar.succeeded()) {
          WebSocket socket = ar.result();
          socket.exceptionHandler(err -> { });
          socket.closeHandler(x -> closed.incrementAndGet());
          sockets.add(socket);
          socketContexts.put(socket, context);
          try {
            onOpen.accept(socket);
          } finally {
            inFlight.release();
          }
        } else {
          failed.incrementAndGet();
          firstError.compareAndSet(null, String.valueOf(ar.cause()));
          inFlight.release();
        }
      }));
    }
    if (!acquire(inFlight, maxInFlight)) {
      firstError.compareAndSet(null, "handshakes still pending after 60 s");
    }
    opened += count;
    return new ArrayList<>(sockets);
  }

  private Future<WebSocket> connect() {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    return client.connect(new WebSocketConnectOptions()
        .setHost(url.getHost())
        .setPort(url.getPort())
        .setURI(path)
        .setConnectTimeout(10_000)
        .setTimeout(30_000));
  }

  private static boolean acquire(Semaphore semaphore, int permits) {
    try {
      return semaphore.tryAcquire(permits, 60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void sleepUntil(long deadlineNanos) {
    long left;
    while ((left = deadlineNanos - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void sleepSeconds(double seconds) {
    sleepUntil(System.nanoTime() + (long) (seconds * 1e9));
  }

  /**
   * Closes the connections (close frames, bounded wait) and the Vert.x instance.
   *
   * @param sockets the connections to close
   * @param waitSeconds how long to wait at most
   */
  void closeAll(List<WebSocket> sockets, double waitSeconds) {
    List<Future<Void>> closing = new ArrayList<>();
    for (WebSocket socket : sockets) {
      closing.add(socket.close());
    }
    await(Future.join(closing), waitSeconds);
    close();
  }

  @Override
  public void close() {
    await(vertx.close(), 3);
  }

  private static void await(Future<?> future, double seconds) {
    try {
      future.toCompletionStage().toCompletableFuture().get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // bounded wait: whatever is left is dropped when the process exits
    }
  }
}
