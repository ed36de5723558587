package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jornado.gen.Coroutine;
import io.jornado.gen.Gen;
import io.jornado.testing.AsyncHttpTestCase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes a {@link Coroutine} handler sends from its virtual thread: headers, chunks in order, the end. */
class CoroutineWireTest extends AsyncHttpTestCase {
  static Future<Long> timer(long millis) {
    Promise<Long> fired = Promise.promise();
    Vertx.currentContext().owner().setTimer(millis, fired::complete);
    return fired.future();
  }

  @Coroutine
  public static class Chunks extends RequestHandler {
    public void get() {
      setHeader("X-Before", "1");
      write("a");
      Gen.await(timer(5));
      Gen.await(flush());
      setHeader("X-After-Flush", "too late");
      for (int i = 0; i < 50; i++) {
        write(i + ",");
        flush();
      }
      Gen.await(timer(5));
      write("z");
      finish("!");
    }
  }

  @Coroutine
  public static class Whole extends RequestHandler {
    public void get() {
      Gen.await(timer(5));
      setStatus(202);
      setHeader("X-Answer", "42");
      write("accepted");
    }
  }

  @Coroutine
  @StreamRequestBody
  public static class Upload extends RequestHandler {
    private final StringBuilder received = new StringBuilder();

    @Override
    public Future<?> dataReceived(Buffer chunk) {
      Gen.await(timer(Math.max(1, 30 - 5L * received.length())));
      received.append(chunk.toString(StandardCharsets.US_ASCII)).append('|');
      return timer(1);
    }

    public void post() {
      write(received.toString());
    }
  }

  @Override
  protected Application getApp() {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, running " + Runtime.version());
    return new Application(List.of(url("/chunks", Chunks.class), url("/whole", Whole.class), url("/upload", Upload.class)));
  }

  @Test
  void flushesFromTheVirtualThreadAreChunksInOrder() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/chunks");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertEquals(List.of("HTTP/1.1 200 OK", "Content-Type: text/html; charset=UTF-8", "X-Before: 1",
        "Transfer-Encoding: chunked"), headLines(response));
    StringBuilder expected = new StringBuilder("1\r\na\r\n");
    for (int i = 0; i < 50; i++) {
      String chunk = i + ",";
      expected.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    expected.append("2\r\nz!\r\n0\r\n\r\n");
    assertEquals(expected.toString(), RawHttp.body(response));
  }

  @Test
  void statusHeadersAndBodySetAfterAnAwait() throws Exception {
    String response = RawHttp.get(getHttpPort(), "/whole");
    assertEquals("HTTP/1.1 202 Accepted", RawHttp.statusLine(response));
    List<String> head = headLines(response);
    assertEquals(true, head.contains("X-Answer: 42"), head.toString());
    assertEquals(true, head.contains("Content-Length: 8"), head.toString());
    assertEquals("accepted", RawHttp.body(response));
  }

  @Test
  void streamedBodyChunksReachDataReceivedInOrder() throws Exception {
    String response = RawHttp.exchange(getHttpPort(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n1\r\nb\r\n1\r\nc\r\n1\r\nd\r\n0\r\n\r\n");
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
    assertEquals("a|b|c|d|", RawHttp.body(response));
  }

  /** The head's lines without Date, Server and Etag, which vary or are checked elsewhere. */
  private static List<String> headLines(String response) {
    return List.of(RawHttp.head(response).split("\r\n")).stream()
        .filter(line -> !line.startsWith("Date:") && !line.startsWith("Server:") && !line.startsWith("Etag:"))
        .filter(line -> !line.startsWith("Connection:"))
        .collect(java.util.stream.Collectors.toList());
  }
}
