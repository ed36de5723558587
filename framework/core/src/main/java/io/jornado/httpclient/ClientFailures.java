package io.jornado.httpclient;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.util.concurrent.TimeoutException;

/** Tornado's 599 errors for failures without a response. */
final class ClientFailures {
  private ClientFailures() {}

  static HttpClientError error(Throwable cause) {
    return cause instanceof HttpClientError ? (HttpClientError) cause
        : new HttpClientError(599, describe(cause), null, cause);
  }

  static String describe(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return "Timeout while connecting";
    }
    if (cause instanceof TimeoutException || (cause.getMessage() != null && cause.getMessage().contains("timeout"))) {
      return "Timeout during request";
    }
    if (cause instanceof StreamResetException || cause instanceof HttpClosedException) {
      return "Stream closed";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
