package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpserver.ServerOptions;
import io.jornado.testing.AsyncHttpTestCase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessesTest extends AsyncHttpTestCase {
  public static class ThreadName extends RequestHandler {
    public void get() {
      write(Thread.currentThread().getName());
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/", ThreadName.class)));
  }

  @Override
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions().processes(2);
  }

  @Test
  void twoProcessesServeFromTwoEventLoopsOnOnePort() throws Exception {
    assertEquals(2, getHttpServer().processes());
    Set<String> threads = new HashSet<>();
    for (int i = 0; i < 200 && threads.size() < 2; i++) {
      String response = RawHttp.get(getHttpPort(), "/");
      assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(response));
      threads.add(RawHttp.body(response));
    }
    assertEquals(2, threads.size(), "event loops seen: " + threads);
    for (String name : threads) {
      assertTrue(name.startsWith("vert.x-eventloop-thread-"), name);
    }
  }
}
