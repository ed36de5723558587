package io.jornado.httpclient;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * An HTTP client over Vert.x's pooled client (connections are kept alive and reused). At most
 * {@code maxClients} requests are in flight at once; the others wait in a first-in first-out queue and
 * fail with {@code HttpClientError} 599 {@code Timeout in request queue} if they wait longer than the
 * smaller of their connect and request timeouts. Redirects go back through the queue.
 *
 * <p>Tornado: tornado.httpclient.AsyncHTTPClient.
 */
public final class AsyncHttpClient {
  private static final int DEFAULT_MAX_CLIENTS = 10;

  private final HttpClient client;
  private final Context home;
  private final int maxClients;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private int active;
  private boolean closed;

  /**
   * A client on the current loop's Vert.x instance.
   *
   * <p>Tornado: AsyncHTTPClient().
   */
  public AsyncHttpClient() {
    this(IOLoop.current());
  }

  /**
   * A client on a loop: its requests are issued, and its callbacks run, on that loop.
   *
   * <p>Tornado: AsyncHTTPClient(force_instance=True).
   *
   * @param loop the loop
   */
  public AsyncHttpClient(IOLoop loop) {
    this(loop, DEFAULT_MAX_CLIENTS);
  }

  /**
   * A client on a loop with at most {@code maxClients} requests in flight.
   *
   * <p>Tornado: AsyncHTTPClient(force_instance=True, max_clients=...).
   *
   * @param loop the loop
   * @param maxClients the most concurrent requests (10 by default)
   */
  public AsyncHttpClient(IOLoop loop, int maxClients) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
    }
    this.home = loop.context();
    this.maxClients = maxClients;
    // The queue keeps maxClients in flight; the pool's spare room is for connects a timeout gave up on,
    // which Vert.x cannot cancel and which would otherwise hold a slot until the TCP connect ends.
    this.client = loop.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(2 * maxClients));
  }

  /**
   * Tornado: the simple client's max_clients.
   *
   * @return the most concurrent requests
   */
  public int maxClients() {
    return maxClients;
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
   * Fetches a URL.
   *
   * <p>Tornado: AsyncHTTPClient.fetch(url, raise_error).
   *
   * @param url the URL
   * @param raiseError whether a non-2xx answer fails the future
   * @return the response
   */
  public Future<HttpResponse> fetch(String url, boolean raiseError) {
    return fetch(new HttpRequest(url), raiseError);
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
   * Fetches a request. With {@code raiseError} false, non-2xx answers succeed with their code (and
   * {@link HttpResponse#error()} set); failures without an answer fail whatever it says: timeouts and
   * network errors with {@link HttpClientError} 599, a request the client refuses to send (bad scheme,
   * method, body or auth mode) with {@link IllegalArgumentException}, as in Tornado. Callbacks run on
   * the client's loop; the future completes there, or on the caller's Vert.x context if it has one.
   *
   * <p>Tornado: AsyncHTTPClient.fetch(request, raise_error).
   *
   * @param request the request
   * @param raiseError whether a non-2xx answer fails the future
   * @return the response
   */
  public Future<HttpResponse> fetch(HttpRequest request, boolean raiseError) {
    Objects.requireNonNull(request, "request");
    Context caller = Vertx.currentContext();
    Promise<HttpResponse> result = Promise.promise();
    Promise<HttpResponse> done = Promise.promise();
    done.future().onComplete(ar -> {
      if (caller == null || caller == home) {
        settle(result, ar, raiseError);
      } else {
        caller.runOnContext(v -> settle(result, ar, raiseError));
      }
    });
    // A pooled connection delivers its response on the context that made the request, and the queue is
    // the loop's alone: every request is issued from the client's loop.
    if (caller == home) {
      submit(request, request, done);
    } else {
      home.runOnContext(v -> submit(request, request, done));
    }
    return result.future();
  }

  private static void settle(Promise<HttpResponse> result, AsyncResult<HttpResponse> ar, boolean raiseError) {
    if (ar.failed()) {
      result.fail(ar.cause());
    } else if (raiseError && ar.result().error().isPresent()) {
      result.fail(ar.result().error().get());
    } else {
      result.complete(ar.result());
    }
  }

  /** Queues a request (the original one, or a redirect's) and starts what the limit allows. */
  void submit(HttpRequest request, HttpRequest original, Promise<HttpResponse> done) {
    if (closed) {
      done.fail(new IllegalStateException("fetch() called on closed AsyncHttpClient"));
      return;
    }
    Waiting waiting = new Waiting(request, original, done);
    queue.add(waiting);
    Duration timeout = RequestPlan.connectDeadline(request);
    if (active >= maxClients && !timeout.isZero()) {
      waiting.timer = home.owner().setTimer(timeout.toMillis(), id -> {
        if (queue.remove(waiting)) {
          done.fail(new HttpClientError(599, "Timeout in request queue", null, null));
        }
      });
    }
    processQueue();
  }

  private void processQueue() {
    while (!queue.isEmpty() && active < maxClients) {
      Waiting next = queue.poll();
      if (next.timer >= 0) {
        home.owner().cancelTimer(next.timer);
      }
      active++;
      new Exchange(this, home.owner(), next.request, next.original, next.done, this::release).run(client);
    }
  }

  private void release() {
    active--;
    processQueue();
  }

  /**
   * Closes the client's connections; later fetches fail with {@link IllegalStateException}.
   *
   * <p>Tornado: AsyncHTTPClient.close.
   *
   * @return completes when closed
   */
  public Future<Void> close() {
    if (Vertx.currentContext() == home) {
      closed = true;
    } else {
      home.runOnContext(v -> closed = true);
    }
    return client.close();
  }

  /** A request waiting for a free slot. */
  private static final class Waiting {
    final HttpRequest request;
    final HttpRequest original;
    final Promise<HttpResponse> done;
    long timer = -1;

    Waiting(HttpRequest request, HttpRequest original, Promise<HttpResponse> done) {
      this.request = request;
      this.original = original;
      this.done = done;
    }
  }
}
