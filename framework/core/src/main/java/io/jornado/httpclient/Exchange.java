package io.jornado.httpclient;

import io.jornado.util.GzipBody;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One request on one connection, from leaving the client's queue to its response (or failure):
 * timeouts, the response head and body, gzip, and the hand-over of a redirect back to the queue.
 * Runs on the client's loop.
 *
 * <p>Tornado: simple_httpclient._HTTPConnection.
 */
final class Exchange {
  private final AsyncHttpClient owner;
  private final Vertx vertx;
  private final HttpRequest request;
  private final HttpRequest original;
  private final Promise<HttpResponse> done;
  private final Runnable release;
  private final long startNanos = System.nanoTime();
  private final Instant startTime = Instant.now();
  private final Buffer body = Buffer.buffer();
  private HttpClientRequest sent;
  private long timer = -1;
  private boolean over;
  private int code;
  private String reason;
  private MultiMap headers;
  private boolean redirecting;
  private GzipBody gzip;
  private boolean gzipStarted;

  Exchange(AsyncHttpClient owner, Vertx vertx, HttpRequest request, HttpRequest original, Promise<HttpResponse> done,
      Runnable release) {
    this.owner = owner;
    this.vertx = vertx;
    this.request = request;
    this.original = original;
    this.done = done;
    this.release = release;
  }

  void run(HttpClient client) {
    RequestOptions options;
    try {
      options = RequestPlan.options(request);
    } catch (IllegalArgumentException e) {
      fail(e);
      return;
    }
    arm(RequestPlan.connectDeadline(request), "Timeout while connecting");
    client.request(options).onComplete(this::connected);
  }

  private void connected(AsyncResult<HttpClientRequest> ar) {
    if (ar.failed()) {
      fail(ClientFailures.error(ar.cause()));
      return;
    }
    sent = ar.result();
    if (over) {
      sent.reset();
      return;
    }
    cancelTimer();
    arm(request.requestTimeout(), "Timeout during request");
    sent.exceptionHandler(e -> fail(ClientFailures.error(e)));
    sent.response().onComplete(this::headersReceived);
    byte[] payload = request.body();
    if (payload != null && request.expect100Continue()) {
      sent.continueHandler(v -> sent.end(Buffer.buffer(payload)));
      sent.sendHead();
    } else if (payload != null) {
      sent.end(Buffer.buffer(payload));
    } else {
      sent.end();
    }
  }

  private void headersReceived(AsyncResult<HttpClientResponse> ar) {
    if (over) {
      return;
    }
    if (ar.failed()) {
      fail(ClientFailures.error(ar.cause()));
      return;
    }
    HttpClientResponse response = ar.result();
    code = response.statusCode();
    reason = response.statusMessage();
    headers = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
    redirecting = RequestPlan.shouldFollow(request, code, headers);
    response.exceptionHandler(e -> fail(ClientFailures.error(e)));
    response.handler(this::dataReceived);
    response.endHandler(v -> finish());
    if (redirecting) {
      return;
    }
    if (request.decompressResponse() && "gzip".equalsIgnoreCase(headers.get("Content-Encoding"))) {
      gzip = new GzipBody();
      headers.add("X-Consumed-Content-Encoding", headers.get("Content-Encoding"));
      headers.remove("Content-Encoding");
    }
    if (request.headerCallback() != null) {
      guarded(() -> {
        request.headerCallback().accept(RequestPlan.httpVersion(response.version()) + " " + code + " " + reason
            + "\r\n");
        for (Map.Entry<String, String> header : headers) {
          request.headerCallback().accept(RequestPlan.titleCase(header.getKey()) + ": " + header.getValue() + "\r\n");
        }
        request.headerCallback().accept("\r\n");
      });
    }
  }

  private void dataReceived(Buffer chunk) {
    if (over || redirecting) {
      return;
    }
    if (gzip == null) {
      guarded(() -> deliver(chunk));
      return;
    }
    gzipStarted |= chunk.length() > 0;
    guarded(() -> gzip.inflate(chunk, piece -> {
      deliver(piece);
      return true;
    }));
  }

  private void deliver(Buffer chunk) {
    if (request.streamingCallback() != null) {
      request.streamingCallback().accept(chunk);
    } else {
      body.appendBuffer(chunk);
    }
  }

  private void finish() {
    if (over) {
      return;
    }
    // A HEAD or 304 answer names its encoding but carries no body to check.
    if (gzipStarted && !guarded(gzip::finish)) {
      return;
    }
    over = true;
    cancelTimer();
    release.run();
    if (redirecting) {
      HttpRequest next;
      try {
        next = RequestPlan.redirect(request, original, code, headers.get("Location"));
      } catch (IllegalArgumentException e) {
        done.fail(e);
        return;
      }
      owner.submit(next, original, done);
      return;
    }
    done.complete(new HttpResponse(original, code, reason, headers, body.getBytes(), request.url(),
        (System.nanoTime() - startNanos) / 1e9, startTime));
  }

  /** Runs user or decoding code; a failure ends the exchange with it, as Tornado's _handle_exception does. */
  private boolean guarded(Runnable step) {
    try {
      step.run();
      return true;
    } catch (RuntimeException e) {
      fail(e);
      return false;
    }
  }

  private void arm(Duration timeout, String message) {
    if (timeout.isZero()) {
      return;
    }
    long remaining = timeout.toMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    timer = vertx.setTimer(Math.max(1, remaining), id -> {
      timer = -1;
      fail(new HttpClientError(599, message, null, null));
    });
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void fail(Throwable error) {
    if (over) {
      return;
    }
    over = true;
    cancelTimer();
    if (sent != null) {
      sent.reset();
    }
    release.run();
    done.fail(error);
  }
}
