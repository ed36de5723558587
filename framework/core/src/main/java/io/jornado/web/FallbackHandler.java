package io.jornado.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Hands the request to another Vert.x request handler, such as a vertx-web {@code Router} (OpenAPI,
 * GraphQL, SockJS, auth handlers) or another {@link Application}:
 *
 * <pre>{@code
 * Router api = Router.router(vertx);
 * api.route().handler(BodyHandler.create());
 * api.post("/api/items").handler(ctx -> ctx.json(...));
 * new Application(List.of(url("/api/.*", FallbackHandler.class, Map.of("fallback", api))));
 * }</pre>
 *
 * <p>The request arrives untouched: Jornado does not read its body, so the fallback can (a
 * {@code BodyHandler}, a WebSocket upgrade). Methods outside the supported set get 405 and an
 * undecodable path group gets 400 first, as for any handler; after that the fallback writes the
 * whole response (Jornado's default headers are dropped) and, as in Tornado, Jornado writes no
 * access-log line for it (mount vertx-web's {@code LoggerHandler} on a router for one).
 *
 * <p>Tornado: tornado.web.FallbackHandler.
 */
public class FallbackHandler extends RequestHandler {
  private Handler<HttpServerRequest> fallback;

  /** Tornado: FallbackHandler.__init__. */
  public FallbackHandler() {}

  /**
   * Reads {@code fallback}.
   *
   * <p>Tornado: FallbackHandler.initialize(fallback).
   *
   * @param kwargs {@code fallback}: a {@code Handler<HttpServerRequest>} such as a vertx-web Router
   * @throws IllegalArgumentException naming the value when it is missing or not a Handler
   */
  @Override
  @SuppressWarnings("unchecked")
  public void initialize(Map<String, Object> kwargs) {
    Object target = kwargs.get("fallback");
    if (!(target instanceof Handler)) {
      throw new IllegalArgumentException("FallbackHandler needs a Handler<HttpServerRequest> fallback, got " + target);
    }
    fallback = (Handler<HttpServerRequest>) target;
  }

  /**
   * Gives the Vert.x request to the fallback, which answers it.
   *
   * <p>Tornado: FallbackHandler.prepare.
   */
  @Override
  public void prepare() {
    responseHeaders().clear();
    fallback.handle(request().vertxRequest());
    finishHandedOver();
  }
}
