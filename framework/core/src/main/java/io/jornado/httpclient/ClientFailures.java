package io.jornado.httpclient;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.StreamResetException;
import java.util.concurrent.TimeoutException;

/** Tornado's 599 messages for failures without a response. */
final class ClientFailures {
  private ClientFailures() {}

  static String describe(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return "Timeout while connecting";
    }
    if (cause instanceof TimeoutException || (cause.getMessage() != null && cause.getMessage().contains("timeout"))) {
      return "Timeout during request";
    }
    if (cause instanceof StreamResetException) {
      return "Stream closed";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
