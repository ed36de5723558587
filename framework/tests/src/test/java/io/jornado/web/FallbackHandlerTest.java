package io.jornado.web;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.websocket.WebSocket;
import io.jornado.websocket.WebSocketClientConnection;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * vertx-web both ways: a Router (and other Vert.x handlers) mounted under a Jornado rule with
 * FallbackHandler, and a Jornado Application mounted as a vertx-web route handler.
 */
class FallbackHandlerTest extends AsyncHttpTestCase {
  public static class Hello extends RequestHandler {
    public void get() {
      write("hello from " + request().path());
    }
  }

  public static class Echo extends RequestHandler {
    public void post() {
      String text = getBodyArgument("text", "?");
      write("jornado got " + request().body().length + " bytes, text " + text.substring(0, Math.min(8, text.length())));
    }
  }

  private static String big() {
    return "x".repeat(300_000);
  }

  @Override
  protected Application getApp() {
    Vertx vertx = ioLoop().vertx();
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create());
    api.get("/api/items/:id").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain").end("item " + ctx.pathParam("id")));
    api.get("/api/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws ->
        ws.textMessageHandler(text -> ws.writeTextMessage("router echo " + text))));
    api.post("/api/echo").handler(ctx -> ctx.end("router got " + ctx.body().length() + " bytes"));
    Handler<HttpServerRequest> plain = request -> request.body().onSuccess(body ->
        request.response().setStatusCode(201).end("plain " + request.method() + " " + request.uri() + " " + body.length()));
    Application inner = new Application(List.of(url("/inner/hello", Hello.class)));
    return new Application(List.of(
        url("/api/.*", FallbackHandler.class, Map.of("fallback", api)),
        url("/plain/.*", FallbackHandler.class, Map.of("fallback", plain)),
        url("/inner/.*", FallbackHandler.class, Map.of("fallback", inner)),
        url("/broken", FallbackHandler.class, Map.of("fallback", "not a handler")),
        url("/hello", Hello.class)));
  }

  @Test
  void aRouterUnderARuleServesGetWithItsOwnHeaders() {
    HttpResponse response = fetch("/api/items/7");
    assertEquals(200, response.code());
    assertEquals("item 7", response.bodyAsString());
    assertEquals("text/plain", response.headers().get("Content-Type"));
    assertNull(response.headers().get("Server"), "Jornado's default headers stay out of the fallback's response");
    assertEquals("hello from /hello", fetch("/hello").bodyAsString());
  }

  @Test
  void aRouterReadsThePostBodyWithItsBodyHandler() {
    assertEquals("router got 5 bytes", fetch("/api/echo", r -> r.method("POST").body("hello")).bodyAsString());
    assertEquals("router got 300000 bytes", fetch("/api/echo",
        r -> r.method("POST").header("Content-Type", "application/octet-stream").body(big())).bodyAsString());
  }

  @Test
  void aWebSocketUpgradeReachesTheRouter() {
    WebSocketClientConnection conn = await(WebSocket.connect("ws://127.0.0.1:" + getHttpPort() + "/api/ws"));
    try {
      await(conn.writeMessage("hi"));
      assertEquals("router echo hi", await(conn.readMessage()).orElseThrow(() -> new AssertionError("closed")));
    } finally {
      conn.close();
    }
  }

  @Test
  void aPathTheRouterDoesNotKnowGetsTheRouters404() {
    HttpResponse response = fetch("/api/nothing");
    assertEquals(404, response.code());
    assertTrue(response.bodyAsString().contains("Resource not found"), response.bodyAsString());
  }

  @Test
  void anyVertxRequestHandlerOrApplicationCanBeTheFallback() {
    HttpResponse response = fetch("/plain/a%20b?q=1", r -> r.method("PUT").body("abc"));
    assertEquals(201, response.code());
    assertEquals("plain PUT /plain/a%20b?q=1 3", response.bodyAsString());
    assertEquals("hello from /inner/hello", fetch("/inner/hello").bodyAsString());
  }

  @Test
  void methodsOutsideTheSupportedSetGet405BeforeTheFallback() throws IOException {
    try (ExpectLog access = new ExpectLog("jornado.access", "405 PROPFIND /api/items/1")) {
      String response = RawHttp.exchange(getHttpPort(),
          "PROPFIND /api/items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertEquals("HTTP/1.1 405 Method Not Allowed", RawHttp.statusLine(response));
    }
  }

  @Test
  void aFallbackThatIsNoHandlerIsA500NamingIt() {
    try (ExpectLog error = new ExpectLog("jornado.application", "Uncaught exception creating handler for")) {
      assertEquals(500, fetch("/broken").code());
    }
  }

  private <T> T withRouter(Function<Router, Router> routes, Function<Integer, T> client) {
    Vertx vertx = ioLoop().vertx();
    Router router = routes.apply(Router.router(vertx));
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    try {
      return client.apply(server.actualPort());
    } finally {
      await(server.close());
    }
  }

  private static Application mounted() {
    return new Application(List.of(url("/tornado/hello", Hello.class), url("/tornado/echo", Echo.class)));
  }

  @Test
  void anApplicationIsAVertxWebRouteHandlerBesideOtherRoutes() {
    Application app = mounted();
    withRouter(router -> {
      router.route("/tornado/*").handler(app.asRouteHandler());
      router.get("/other").handler(ctx -> ctx.end("other route"));
      return router;
    }, port -> {
      String base = "http://127.0.0.1:" + port;
      assertEquals("hello from /tornado/hello", fetch(base + "/tornado/hello").bodyAsString());
      assertEquals("other route", fetch(base + "/other").bodyAsString());
      HttpResponse echo = fetch(base + "/tornado/echo", r -> r.method("POST")
          .header("Content-Type", "application/x-www-form-urlencoded").body("text=hi+there"));
      assertEquals("jornado got 13 bytes, text hi there", echo.bodyAsString());
      assertEquals("jornado got 300009 bytes, text xxxxxxxx", fetch(base + "/tornado/echo", r -> r.method("POST")
          .header("Content-Type", "application/x-www-form-urlencoded").body("text=" + big() + "&a=b")).bodyAsString());
      try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /tornado/nothing")) {
        HttpResponse missing = fetch(base + "/tornado/nothing");
        assertEquals(404, missing.code());
        assertEquals("<html><title>404: Not Found</title><body>404: Not Found</body></html>", missing.bodyAsString());
      }
      return null;
    });
  }

  @Test
  void anApplicationBehindABodyHandlerFailsTheRouteClearly() {
    Application app = mounted();
    withRouter(router -> {
      router.route().handler(BodyHandler.create());
      router.route("/tornado/*").handler(app.asRouteHandler());
      return router;
    }, port -> {
      try (ExpectLog error = new ExpectLog("io.vertx.ext.web.RoutingContext", "Unhandled exception in router")) {
        HttpResponse response = fetch("http://127.0.0.1:" + port + "/tornado/echo", r -> r.method("POST").body("text=x"));
        assertEquals(500, response.code());
      }
      return null;
    });
  }
}
