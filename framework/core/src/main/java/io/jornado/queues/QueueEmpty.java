package io.jornado.queues;

import io.jornado.util.JornadoException;

/**
 * {@link Queue#getNowait()} found no item.
 *
 * <p>Tornado: tornado.queues.QueueEmpty.
 */
public class QueueEmpty extends JornadoException {
  private static final long serialVersionUID = 1L;

  /**
   * The error (Tornado's has no message).
   *
   * <p>Tornado: QueueEmpty().
   */
  public QueueEmpty() {
    super("Queue empty", null, false);
  }
}
