package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracebackTest extends AsyncHttpTestCase {
  public static class Boom extends RequestHandler {
    public void get() {
      throw new IllegalStateException("kaboom");
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/boom", Boom.class)), Map.of("debug", true));
  }

  @Test
  void debugServesTheStackTraceAsPlainText() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception GET /boom");
         ExpectLog access = new ExpectLog("jornado.access", "500 GET /boom")) {
      HttpResponse response = fetch("/boom");
      assertEquals(500, response.code());
      assertEquals("text/plain", response.headers().get("Content-Type"));
      assertTrue(response.bodyAsString().startsWith("java.lang.IllegalStateException: kaboom"), response.bodyAsString());
      assertTrue(response.bodyAsString().contains("at io.jornado.web.TracebackTest$Boom.get"), response.bodyAsString());
    }
  }
}
