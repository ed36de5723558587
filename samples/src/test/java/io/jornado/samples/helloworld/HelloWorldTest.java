package io.jornado.samples.helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import org.junit.jupiter.api.Test;

class HelloWorldTest extends AsyncHttpTestCase {
  @Override
  protected Application getApp() {
    return HelloWorld.makeApp();
  }

  @Test
  void rootSaysHelloWorld() {
    HttpResponse response = fetch("/");
    assertEquals(200, response.code());
    assertEquals("Hello, world", response.bodyAsString());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
  }

  @Test
  void otherPathsAre404() {
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /other")) {
      assertEquals(404, fetch("/other").code());
    }
  }
}
