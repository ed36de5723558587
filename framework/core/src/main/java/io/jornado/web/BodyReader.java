package io.jornado.web;

import io.jornado.httpserver.ServerOptions;
import io.jornado.httputil.HttpStatus;
import io.jornado.log.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a request body under the server's limits: refuses a declared Content-Length over
 * {@code max_body_size} before reading anything, stops a chunked (or inflated) body that grows past
 * it, answers {@code Expect: 100-continue}, inflates gzip bodies when {@code decompress_request} is
 * on, and pauses reading while the consumer's future is pending. A refused body gets 413 (or 400 for
 * bad gzip) and the connection is closed, since the rest of the body is never read.
 *
 * <p>Tornado: HTTP1Connection._read_body, _read_fixed_body, _read_chunked_body, _GzipMessageDelegate.
 */
final class BodyReader {
  private final HttpServerRequest request;
  private final long maxBodySize;
  private final GzipBody gzip;
  private long size;
  private boolean stopped;
  private boolean ended;

  private BodyReader(HttpServerRequest request, ServerOptions options) {
    this.request = request;
    this.maxBodySize = options.maxBodySize();
    String encoding = request.headers().get("Content-Encoding");
    if (options.decompressRequest() && encoding != null && "gzip".equalsIgnoreCase(encoding.strip())) {
      request.headers().add("X-Consumed-Content-Encoding", encoding);
      request.headers().remove("Content-Encoding");
      this.gzip = new GzipBody();
    } else {
      this.gzip = null;
    }
  }

  /** Whether the request has a body to read (a Content-Length above 0, or chunked). */
  static boolean hasBody(HttpServerRequest request) {
    String length = request.headers().get("Content-Length");
    return (length != null && !length.equals("0")) || request.headers().contains("Transfer-Encoding");
  }

  /**
   * A reader for the request's body, or null when a declared Content-Length is over the limit, in
   * which case 413 has been sent and the connection is closing. The request must be paused.
   */
  static BodyReader open(HttpServerRequest request, ServerOptions options) {
    String length = request.headers().get("Content-Length");
    if (length != null && declaredLength(length) > options.maxBodySize()) {
      refuse(request, 413, "Content-Length too long: " + length);
      return null;
    }
    return new BodyReader(request, options);
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Starts reading: each chunk goes to {@code consumer} (a returned, pending future pauses reading),
   * then {@code end} runs. When the consumer throws or its future fails, reading stops and
   * {@code failed} gets the error; the connection closes once the response ends.
   */
  void read(Function<Buffer, Future<?>> consumer, Runnable end, Consumer<Throwable> failed) {
    if ("100-continue".equalsIgnoreCase(request.headers().get("Expect"))) {
      request.response().writeContinue();
    }
    request.handler(chunk -> accept(chunk, consumer, failed));
    request.exceptionHandler(e -> stopped = true);
    request.endHandler(v -> {
      ended = true;
      if (stopped) {
        return;
      }
      if (gzip != null) {
        Buffer rest;
        try {
          rest = gzip.finish();
        } catch (IllegalArgumentException e) {
          refuse(request, 400, e.getMessage());
          stopped = true;
          return;
        }
        if (rest.length() > 0 && !deliver(rest, consumer, failed)) {
          return;
        }
      }
      end.run();
    });
    request.resume();
  }

  private void accept(Buffer chunk, Function<Buffer, Future<?>> consumer, Consumer<Throwable> failed) {
    if (stopped) {
      return;
    }
    Buffer data = chunk;
    if (gzip != null) {
      try {
        data = gzip.inflate(chunk, maxBodySize - size);
      } catch (IllegalArgumentException e) {
        stop(400, e.getMessage());
        return;
      }
    }
    if (data.length() > 0) {
      deliver(data, consumer, failed);
    }
  }

  private boolean deliver(Buffer data, Function<Buffer, Future<?>> consumer, Consumer<Throwable> failed) {
    size += data.length();
    if (size > maxBodySize) {
      stop(413, (gzip != null ? "decompressed body too large: more than " : "body too large: more than ")
          + maxBodySize + " bytes");
      return false;
    }
    Future<?> pending;
    try {
      pending = consumer.apply(data);
    } catch (Throwable t) {
      abandon();
      failed.accept(t);
      return false;
    }
    if (pending != null && !pending.isComplete()) {
      request.pause();
      pending.onComplete(ar -> {
        if (ar.failed()) {
          abandon();
          failed.accept(ar.cause());
        } else if (!stopped) {
          request.resume();
        }
      });
    } else if (pending != null && pending.failed()) {
      abandon();
      failed.accept(pending.cause());
      return false;
    }
    return true;
  }

  private void stop(int status, String message) {
    stopped = true;
    refuse(request, status, message);
  }

  /** Stops reading; the connection cannot be reused once the response ends, so it is closed then. */
  void abandon() {
    stopped = true;
    if (ended) {
      return;
    }
    HttpServerResponse response = request.response();
    if (response.ended()) {
      request.connection().close();
    } else {
      response.endHandler(v -> request.connection().close());
    }
  }

  /** Answers {@code status} with no body and closes the connection (or just closes it once a response has begun). */
  static void refuse(HttpServerRequest request, int status, String message) {
    Log.GENERAL.info("Malformed HTTP message from {}: {}", request.remoteAddress().hostAddress(), message);
    HttpServerResponse response = request.response();
    if (response.headWritten() || response.ended()) {
      request.connection().close();
      return;
    }
    response.headers().clear();
    response.setStatusCode(status).setStatusMessage(HttpStatus.reason(status))
        .putHeader("Content-Length", "0").putHeader("Connection", "close")
        .end().onComplete(ar -> request.connection().close());
  }
}
