package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpserver.HttpServer;
import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** {@link StreamRequestBody}: prepare() on the headers, the body chunk by chunk with flow control, then the verb. */
class StreamRequestBodyTest extends AsyncHttpTestCase {
  static final CompletableFuture<String> UPLOAD_STARTED = new CompletableFuture<>();
  static final CompletableFuture<String> CONNECTION_CLOSED = new CompletableFuture<>();

  /** Counts chunks and bytes; each chunk's future completes on a later loop turn. */
  @StreamRequestBody
  public static class Counting extends RequestHandler {
    private final StringBuilder events = new StringBuilder();
    private long bytes;
    private int chunks;
    private int pending;
    private int mostPending;

    @Override
    public void prepare() {
      events.append("prepare(body=").append(request().body().length).append(") ");
      if (getQueryArgument("refuse", null) != null) {
        throw new HttpError(403);
      }
    }

    @Override
    public Future<?> dataReceived(Buffer chunk) {
      chunks++;
      bytes += chunk.length();
      pending++;
      mostPending = Math.max(mostPending, pending);
      Promise<Void> done = Promise.promise();
      ioLoop().callLater(java.time.Duration.ofMillis(1), () -> {
        pending--;
        done.complete();
      });
      return done.future();
    }

    public void put() {
      write(events + "chunks>0=" + (chunks > 0) + " bytes=" + bytes + " mostPending=" + mostPending
          + " bodyArg=" + getBodyArgument("a", "none") + " body=" + request().body().length);
    }

    public void post() {
      put();
    }
  }

  /** Streams but forgot to override dataReceived. */
  @StreamRequestBody
  public static class Forgetful extends RequestHandler {
    public void put() {
      write("unreachable");
    }
  }

  /** Waits for the body forever; reports a client that goes away. */
  @StreamRequestBody
  public static class Hanging extends RequestHandler {
    @Override
    public Future<?> dataReceived(Buffer chunk) {
      UPLOAD_STARTED.complete(chunk.toString());
      return null;
    }

    @Override
    public void onConnectionClose() {
      CONNECTION_CLOSED.complete(request().uri());
    }

    public void put() {
      write("done");
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/count", Counting.class), url("/forgetful", Forgetful.class),
        url("/hang", Hanging.class)));
  }

  @Test
  void bodyIsStreamedAfterPrepareWithOneChunkInFlightAtATime() throws IOException {
    int size = 3 * 1024 * 1024 + 17;
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      wire.send("PUT /count HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n");
      byte[] block = new byte[64 * 1024];
      for (int sent = 0; sent < size; sent += block.length) {
        wire.send(java.util.Arrays.copyOf(block, Math.min(block.length, size - sent)));
      }
      String response = wire.readToClose();
      assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
      assertTrue(response.endsWith("\r\n\r\nprepare(body=0) chunks>0=true bytes=" + size
          + " mostPending=1 bodyArg=none body=0"), response);
    }
  }

  @Test
  void formBodiesAreNotParsed() {
    String body = fetch("/count", r -> r.method("POST").header("Content-Type", "application/x-www-form-urlencoded")
        .body("a=1")).bodyAsString();
    assertEquals("prepare(body=0) chunks>0=true bytes=3 mostPending=1 bodyArg=none body=0", body);
  }

  @Test
  void prepareCanRefuseBeforeTheBodyIsSent() throws IOException {
    // The answer comes without a 100 (Continue): the client never sends the body.
    try (ExpectLog log = new ExpectLog("jornado.access", "403 PUT /count\\?refuse=1");
        WireConversation wire = new WireConversation(getHttpPort())) {
      String response = wire.send("PUT /count?refuse=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n"
          + "Expect: 100-continue\r\n\r\n").readThrough("</html>");
      assertTrue(response.startsWith("HTTP/1.1 403 Forbidden\r\n"), response);
      assertEquals("", wire.readToClose());
    }
  }

  @Test
  void streamedBodyOverTheLimitIsCutOffWith413() throws IOException {
    HttpServer small = await(getApp().listen(0, "127.0.0.1", new ServerOptions().maxBodySize(100_000)));
    try (ExpectLog log = new ExpectLog("jornado.general", "Malformed HTTP message from .*: body too large.*", Level.INFO);
        WireConversation wire = new WireConversation(small.port())) {
      wire.send("PUT /count HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = Integer.toHexString(60_000) + "\r\n" + "z".repeat(60_000) + "\r\n";
      wire.send(chunk).send(chunk);
      assertEquals("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
          wire.readToClose());
    } finally {
      await(small.stop());
    }
  }

  @Test
  void aStreamingHandlerMustOverrideDataReceived() {
    try (ExpectLog log = new ExpectLog("jornado.application", "Uncaught exception PUT /forgetful");
        ExpectLog access = new ExpectLog("jornado.access", "500 PUT /forgetful")) {
      assertEquals(500, fetch("/forgetful", r -> r.method("PUT").body("abc")).code());
    }
  }

  @Test
  void clientGoingAwayMidUploadReachesOnConnectionClose() throws Exception {
    try (WireConversation wire = new WireConversation(getHttpPort())) {
      wire.send("PUT /hang?n=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf");
      assertEquals("half", UPLOAD_STARTED.get(5, TimeUnit.SECONDS));
    }
    assertEquals("/hang?n=1", CONNECTION_CLOSED.get(5, TimeUnit.SECONDS));
  }
}
