package io.jornado.web;

import io.jornado.httputil.HttpStatus;
import io.jornado.httputil.ServerRequest;
import io.jornado.log.Log;
import io.jornado.util.GzipBody;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
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
  private final ServerRequest serverRequest;
  private final boolean lengthChecked;
  private final GzipBody gzip;
  private long maxBodySize;
  private long size;
  private boolean stopped;
  private boolean ended;
  private Runnable refused = () -> { };

  private BodyReader(ServerRequest serverRequest, boolean lengthChecked) {
    this.serverRequest = serverRequest;
    this.request = serverRequest.vertxRequest();
    this.lengthChecked = lengthChecked;
    String encoding = request.headers().get("Content-Encoding");
    if (serverRequest.serverOptions().decompressRequest() && encoding != null
        && "gzip".equalsIgnoreCase(encoding.strip())) {
      request.headers().add("X-Consumed-Content-Encoding", encoding);
      request.headers().remove("Content-Encoding");
      this.gzip = new GzipBody();
    } else {
      this.gzip = null;
    }
  }

  /** Whether the request has a body to read (a Content-Length above 0, or chunked). */
  static boolean hasBody(HttpServerRequest request) {
    // Vert.x's header names carry their hash, which a String name would compute per lookup.
    String length = request.headers().get(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.equals("0")) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /**
   * A reader for a body to buffer, or null when a declared Content-Length is over the limit, in
   * which case 413 has been sent and the connection is closing. The request must be paused.
   */
  static BodyReader open(ServerRequest serverRequest) {
    String length = serverRequest.vertxRequest().headers().get("Content-Length");
    if (length != null && declaredLength(length) > serverRequest.maxBodySize()) {
      refuse(serverRequest.vertxRequest(), 413, "Content-Length too long: " + length);
      return null;
    }
    return new BodyReader(serverRequest, true);
  }

  /**
   * A reader for a streamed body, whose limit is checked when reading starts (after
   * {@code prepare()}, which may change it with {@link ServerRequest#maxBodySize(long)}).
   */
  static BodyReader openDeferred(ServerRequest serverRequest) {
    return new BodyReader(serverRequest, false);
  }

  /** Runs when this reader refuses the body after reading began (413, bad gzip): the response is then sent. */
  void onRefused(Runnable action) {
    refused = action;
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
    maxBodySize = serverRequest.maxBodySize();
    String length = request.headers().get("Content-Length");
    if (!lengthChecked && length != null && declaredLength(length) > maxBodySize) {
      stop(413, "Content-Length too long: " + length);
      return;
    }
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
        try {
          gzip.finish();
        } catch (IllegalArgumentException e) {
          stop(400, e.getMessage());
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
    if (gzip == null) {
      deliver(chunk, consumer, failed);
      return;
    }
    try {
      gzip.inflate(chunk, piece -> !stopped && deliver(piece, consumer, failed));
    } catch (IllegalArgumentException e) {
      stop(400, e.getMessage());
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
    refused.run();
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
