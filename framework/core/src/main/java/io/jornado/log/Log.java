package io.jornado.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jornado's three loggers, named as Tornado's with {@code jornado.} in place of {@code tornado.}.
 *
 * <p>Tornado: tornado.log (access_log, app_log, gen_log).
 */
public final class Log {
  /** Per-request access lines such as {@code 200 GET / (127.0.0.1) 0.52ms}. Tornado: tornado.log.access_log. */
  public static final Logger ACCESS = LoggerFactory.getLogger("jornado.access");
  /** Errors from application code: uncaught exceptions, failed callbacks. Tornado: tornado.log.app_log. */
  public static final Logger APPLICATION = LoggerFactory.getLogger("jornado.application");
  /** Framework messages: malformed requests, HttpError log messages. Tornado: tornado.log.gen_log. */
  public static final Logger GENERAL = LoggerFactory.getLogger("jornado.general");

  private Log() {}
}
