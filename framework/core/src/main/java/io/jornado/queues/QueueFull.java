package io.jornado.queues;

import io.jornado.util.JornadoException;

/**
 * {@link Queue#putNowait(Object)} found the queue at its maximum size.
 *
 * <p>Tornado: tornado.queues.QueueFull.
 */
public class QueueFull extends JornadoException {
  private static final long serialVersionUID = 1L;

  /**
   * The error for a queue of {@code maxsize} items (Tornado's has no message).
   *
   * <p>Tornado: QueueFull().
   *
   * @param maxsize the queue's maximum size
   */
  public QueueFull(int maxsize) {
    super("Queue full (maxsize=" + maxsize + ")", null, false);
  }
}
