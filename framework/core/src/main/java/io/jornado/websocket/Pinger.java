package io.jornado.websocket;

import io.jornado.ioloop.IOLoop;
import java.time.Duration;

/**
 * Tornado 6.5's keep-alive: wait one interval, ping, wait the timeout; no pong since the ping closes
 * the connection with reason {@code ping timed out}; otherwise ping again one interval after the last.
 * A zero timeout keeps pinging without ever closing.
 */
final class Pinger {
  interface Target {
    void sendPing();

    void pingTimedOut();
  }

  private final IOLoop loop;
  private final Duration interval;
  private final Duration timeout;
  private final Target target;
  private IOLoop.Timeout next;
  private long lastPingNanos;
  private boolean awaitingPong;
  private boolean stopped;

  Pinger(IOLoop loop, Duration interval, Duration timeout, Target target) {
    this.loop = loop;
    this.interval = interval;
    this.timeout = timeout.compareTo(interval) > 0 ? interval : timeout;
    this.target = target;
  }

  void start() {
    next = loop.callLater(interval, this::ping);
  }

  void pongReceived() {
    awaitingPong = false;
  }

  void stop() {
    stopped = true;
    if (next != null) {
      loop.removeTimeout(next);
    }
  }

  private void ping() {
    if (stopped) {
      return;
    }
    lastPingNanos = System.nanoTime();
    awaitingPong = true;
    target.sendPing();
    next = timeout.isZero() ? loop.callLater(interval, this::ping) : loop.callLater(timeout, this::check);
  }

  private void check() {
    if (stopped) {
      return;
    }
    if (awaitingPong) {
      target.pingTimedOut();
      return;
    }
    Duration sinceLastPing = Duration.ofNanos(System.nanoTime() - lastPingNanos);
    next = loop.callLater(interval.minus(sinceLastPing), this::ping);
  }
}
