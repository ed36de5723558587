package io.jornado.httpclient;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's limits and failures: max_clients and its queue, the three timeouts, and network errors,
 * which fail the fetch (599) even with raise_error off.
 */
class AsyncHttpClientLimitsTest extends AsyncHttpTestCase {
  private static final BlockingQueue<Runnable> HELD = new LinkedBlockingQueue<>();
  private static final List<String> ARRIVALS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Holds each request until the test releases it. */
  public static class Held extends RequestHandler {
    public Future<Void> get(String id) {
      ARRIVALS.add(id);
      MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
      Context context = Vertx.currentContext();
      Promise<Void> released = Promise.promise();
      HELD.add(() -> context.runOnContext(v -> {
        IN_FLIGHT.decrementAndGet();
        released.complete();
      }));
      return released.future().map(v -> {
        write("released " + id);
        return null;
      });
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/held/(\\d+)", Held.class)));
  }

  @BeforeEach
  void clearServerState() {
    HELD.clear();
    ARRIVALS.clear();
    IN_FLIGHT.set(0);
    MOST_IN_FLIGHT.set(0);
  }

  @AfterEach
  void releaseAndClose() throws Exception {
    Runnable release;
    while ((release = HELD.poll()) != null) {
      release.run();
    }
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private AsyncHttpClient client(int maxClients) {
    AsyncHttpClient client = new AsyncHttpClient(ioLoop(), maxClients);
    resources.add(() -> await(client.close()));
    return client;
  }

  private Runnable nextHeld() throws InterruptedException {
    Runnable release = HELD.poll(getAsyncTestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(release, "no request reached the server");
    return release;
  }

  private HttpClientError failure(Future<?> future) {
    Throwable cause = await(future.transform(ar -> Future.succeededFuture(ar.cause())));
    assertInstanceOf(HttpClientError.class, cause);
    return (HttpClientError) cause;
  }

  /** A server socket on 127.0.0.1 whose connections get {@code onAccept}; closed after the test. */
  private int rawServer(Consumer<Socket> onAccept) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket socket = server.accept();
          accepted.add(socket);
          onAccept.accept(socket);
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
    resources.add(() -> {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
      acceptor.join(5000);
    });
    return server.getLocalPort();
  }

  @Test
  void atMostMaxClientsRequestsAreInFlight() throws Exception {
    AsyncHttpClient client = client(2);
    assertEquals(2, client.maxClients());
    List<Future<HttpResponse>> responses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(client.fetch(getUrl("/held/" + i)));
    }
    for (int released = 0; released < 5; released++) {
      nextHeld().run();
    }
    for (int i = 0; i < 5; i++) {
      assertEquals("released " + i, await(responses.get(i)).bodyAsString());
    }
    assertEquals(2, MOST_IN_FLIGHT.get());
    assertEquals(List.of("0", "1"), ARRIVALS.subList(0, 2).stream().sorted().toList());
    assertEquals(List.of("2", "3", "4"), ARRIVALS.subList(2, 5).stream().sorted().toList());
  }

  @Test
  void queuedRequestsGoOutFirstInFirstOut() throws Exception {
    AsyncHttpClient client = client(1);
    List<Future<HttpResponse>> responses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      responses.add(client.fetch(getUrl("/held/" + i)));
    }
    for (int i = 0; i < 4; i++) {
      nextHeld().run();
      assertEquals("released " + i, await(responses.get(i)).bodyAsString());
    }
    assertEquals(List.of("0", "1", "2", "3"), ARRIVALS);
    assertEquals(1, MOST_IN_FLIGHT.get());
  }

  @Test
  void aQueuedRequestTimesOutInTheQueue() throws Exception {
    AsyncHttpClient client = client(1);
    Future<HttpResponse> first = client.fetch(getUrl("/held/1"));
    Runnable releaseFirst = nextHeld();
    long start = System.nanoTime();
    HttpClientError error = failure(client.fetch(new HttpRequest(getUrl("/held/2"))
        .connectTimeout(Duration.ofMillis(200)), false));
    assertEquals(599, error.code());
    assertEquals("HTTP 599: Timeout in request queue", error.getMessage());
    assertTrue(System.nanoTime() - start >= 190_000_000L, "timed out too early");
    assertEquals(List.of("1"), ARRIVALS);
    releaseFirst.run();
    assertEquals("released 1", await(first).bodyAsString());
    Future<HttpResponse> third = client.fetch(getUrl("/held/3"));
    nextHeld().run();
    assertEquals("released 3", await(third).bodyAsString());
    assertEquals(List.of("1", "3"), ARRIVALS);
  }

  @Test
  void aServerThatNeverAnswersTimesOutDuringTheRequest() throws Exception {
    int port = rawServer(socket -> { });
    HttpClientError error = failure(getHttpClient().fetch(new HttpRequest("http://127.0.0.1:" + port + "/")
        .requestTimeout(Duration.ofMillis(300)), false));
    assertEquals(599, error.code());
    assertEquals("HTTP 599: Timeout during request", error.getMessage());
    assertTrue(error.response().isEmpty());
  }

  @Test
  void aServerThatHangsUpGivesStreamClosed() throws Exception {
    int port = rawServer(socket -> {
      try {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
          head.append((char) c);
        }
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    });
    HttpClientError error = failure(getHttpClient().fetch(new HttpRequest("http://127.0.0.1:" + port + "/"), false));
    assertEquals(599, error.code());
    assertEquals("HTTP 599: Stream closed", error.getMessage());
  }

  @Test
  void connectionRefusedIs599WithOrWithoutRaiseError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    for (boolean raiseError : new boolean[] {true, false}) {
      HttpClientError error = failure(getHttpClient().fetch(
          new HttpRequest("http://127.0.0.1:" + closedPort + "/"), raiseError));
      assertEquals(599, error.code());
      assertTrue(error.getMessage().contains("Connection refused"), error.getMessage());
      assertNotNull(error.getCause());
    }
  }

  @Test
  void aFullListenBacklogTimesOutWhileConnecting() throws Exception {
    ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    resources.add(neverAccepts);
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", neverAccepts.getLocalPort());
    boolean full = false;
    for (int i = 0; i < 16 && !full; i++) {
      Socket filler = new Socket();
      resources.add(filler);
      try {
        filler.connect(address, 200);
      } catch (SocketTimeoutException e) {
        full = true;
      }
    }
    assertTrue(full, "the listen backlog never filled up");
    HttpClientError error = failure(getHttpClient().fetch(new HttpRequest("http://127.0.0.1:" + address.getPort()
        + "/").connectTimeout(Duration.ofMillis(300)), false));
    assertEquals(599, error.code());
    assertEquals("HTTP 599: Timeout while connecting", error.getMessage());
  }

  @Test
  void fetchAfterCloseFails() {
    AsyncHttpClient client = new AsyncHttpClient(ioLoop());
    await(client.close());
    Throwable error = await(client.fetch(getUrl("/held/1")).transform(ar -> Future.succeededFuture(ar.cause())));
    assertInstanceOf(IllegalStateException.class, error);
    assertEquals("fetch() called on closed AsyncHttpClient", error.getMessage());
    assertNull(HELD.peek());
  }
}
