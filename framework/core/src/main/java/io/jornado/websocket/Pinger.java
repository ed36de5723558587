package io.jornado.websocket;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tornado 6.5's keep-alive, for server and client connections alike: wait one interval, ping, wait the
 * timeout; no pong since the ping closes the connection with reason {@code ping timed out}; otherwise
 * ping again one interval after the last. A zero timeout keeps pinging without ever closing.
 */
final class Pinger {
  interface Target {
    void sendPing();

    void pingTimedOut();
  }

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private final IOLoop loop;
  private final Duration interval;
  private final Duration timeout;
  private final Target target;
  private IOLoop.Timeout next;
  private long lastPingNanos;
  private boolean awaitingPong;
  private boolean stopped;

  private Pinger(IOLoop loop, Duration interval, Duration timeout, Target target) {
    this.loop = loop;
    this.interval = interval;
    this.timeout = timeout;
    this.target = target;
  }

  /**
   * Starts pinging on a loop, or returns null when the interval is unset or not positive. A timeout
   * longer than the interval is capped at it with Tornado's warning (once per distinct message); a
   * null timeout means the interval.
   */
  static Pinger start(IOLoop loop, Duration interval, Duration timeout, Target target) {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      return null;
    }
    Duration effective = timeout == null ? interval : timeout;
    if (effective.compareTo(interval) > 0) {
      String message = "The websocket_ping_timeout (" + seconds(effective) + ") cannot be longer than the"
          + " websocket_ping_interval (" + seconds(interval) + ").\nSetting websocket_ping_timeout="
          + seconds(interval);
      if (WARNED.add(message)) {
        Log.GENERAL.warn(message);
      }
      effective = interval;
    }
    Pinger pinger = new Pinger(loop, interval, effective, target);
    pinger.next = loop.callLater(interval, pinger::ping);
    return pinger;
  }

  private static String seconds(Duration duration) {
    return Double.toString(duration.toNanos() / 1e9);
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
