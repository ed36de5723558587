package io.jornado.httpclient;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.jornado.web.RequestHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncHttpClientTest extends AsyncHttpTestCase {
  public static class Echo extends RequestHandler {
    public void get(String n) {
      write("n=" + n);
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/echo/(\\d+)", Echo.class)));
  }

  @Test
  void sequentialFetchesFromOutsideVertxReuseTheKeptAliveConnection() {
    for (int i = 0; i < 100; i++) {
      assertEquals("n=" + i, fetch("/echo/" + i).bodyAsString());
    }
  }

  @Test
  void nonSuccessStatusFailsUnlessRaiseErrorIsOff() {
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /missing", false)) {
      HttpClientError error = await(getHttpClient().fetch(getUrl("/missing"))
          .transform(ar -> io.vertx.core.Future.succeededFuture((HttpClientError) ar.cause())));
      assertEquals(404, await(getHttpClient().fetch(new HttpRequest(getUrl("/missing")), false)).code());
      assertEquals(404, error.code());
      assertEquals("HTTP 404: Not Found", error.getMessage());
      assertTrue(error.response().isPresent());
    }
  }

  @Test
  void connectionRefusedIs599() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    HttpClientError error = await(getHttpClient().fetch(new HttpRequest("http://127.0.0.1:" + closedPort + "/"), false)
        .transform(ar -> io.vertx.core.Future.succeededFuture((HttpClientError) ar.cause())));
    assertEquals(599, error.code());
  }
}
