package io.jornado.httpclient;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Objects;

/**
 * An HTTP client over Vert.x's pooled client (connections are kept alive and reused).
 *
 * <p>Tornado: tornado.httpclient.AsyncHTTPClient.
 */
public final class AsyncHttpClient {
  private static final String DEFAULT_USER_AGENT = "Jornado/0.1";

  private final HttpClient client;
  private final Context home;

  /**
   * A client on the current loop's Vert.x instance.
   *
   * <p>Tornado: AsyncHTTPClient().
   */
  public AsyncHttpClient() {
    this(IOLoop.current());
  }

  /**
   * A client on a loop: requests made from threads outside Vert.x are issued from that loop.
   *
   * <p>Tornado: AsyncHTTPClient(force_instance=True).
   *
   * @param loop the loop
   */
  public AsyncHttpClient(IOLoop loop) {
    this.home = loop.context();
    this.client = loop.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(10));
  }

  /**
   * Fetches a URL; non-2xx answers fail with {@link HttpClientError}.
   *
   * <p>Tornado: AsyncHTTPClient.fetch(url).
   *
   * @param url the URL
   * @return the response
   */
  public Future<HttpResponse> fetch(String url) {
    return fetch(new HttpRequest(url), true);
  }

  /**
   * Fetches a request; non-2xx answers fail with {@link HttpClientError}.
   *
   * <p>Tornado: AsyncHTTPClient.fetch(request).
   *
   * @param request the request
   * @return the response
   */
  public Future<HttpResponse> fetch(HttpRequest request) {
    return fetch(request, true);
  }

  /**
   * Fetches a request. With {@code raiseError} false, non-2xx answers succeed with their code; network
   * failures and timeouts fail whatever it says (code 599), as in Tornado.
   *
   * <p>Tornado: AsyncHTTPClient.fetch(request, raise_error).
   *
   * @param request the request
   * @param raiseError whether a non-2xx answer fails the future
   * @return the response
   */
  public Future<HttpResponse> fetch(HttpRequest request, boolean raiseError) {
    Objects.requireNonNull(request, "request");
    long start = System.nanoTime();
    RequestOptions options = new RequestOptions()
        .setAbsoluteURI(request.url())
        .setMethod(HttpMethod.valueOf(request.method()))
        .setFollowRedirects(request.followRedirects())
        .setConnectTimeout(request.connectTimeout().toMillis())
        .setIdleTimeout(request.requestTimeout().toMillis());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    if (!headers.contains("User-Agent")) {
      headers.set("User-Agent", request.userAgent() != null ? request.userAgent() : DEFAULT_USER_AGENT);
    }
    options.setHeaders(headers);
    Promise<HttpResponse> result = Promise.promise();
    if (Vertx.currentContext() == null) {
      // A pooled connection delivers its response on the context that made the request; issuing every
      // request from outside Vert.x on one context keeps body handlers registered before data arrives.
      home.runOnContext(v -> send(request, options, start, raiseError, result));
    } else {
      send(request, options, start, raiseError, result);
    }
    return result.future();
  }

  private void send(HttpRequest request, RequestOptions options, long start, boolean raiseError,
      Promise<HttpResponse> result) {
    client.request(options)
        .compose(req -> {
          req.setMaxRedirects(request.maxRedirects());
          byte[] body = request.body();
          return body == null ? req.send() : req.send(Buffer.buffer(body));
        })
        .compose(resp -> resp.body().map(body -> new HttpResponse(request, resp.statusCode(), resp.statusMessage(),
            resp.headers(), body.getBytes(), resp.request().absoluteURI(), (System.nanoTime() - start) / 1e9)))
        .onComplete(ar -> {
          if (ar.failed()) {
            result.fail(new HttpClientError(599, ClientFailures.describe(ar.cause()), null, ar.cause()));
          } else if (raiseError && ar.result().error().isPresent()) {
            result.fail(ar.result().error().get());
          } else {
            result.complete(ar.result());
          }
        });
  }

  /**
   * Closes the client's connections.
   *
   * <p>Tornado: AsyncHTTPClient.close.
   *
   * @return completes when closed
   */
  public Future<Void> close() {
    return client.close();
  }
}
