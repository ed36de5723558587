package io.jornado.websocket;

import io.jornado.util.JornadoException;

/**
 * A WebSocket failed: the handshake was refused, or the connection broke.
 *
 * <p>Tornado: tornado.websocket.WebSocketError.
 */
public class WebSocketError extends JornadoException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with a message.
   *
   * <p>Tornado: WebSocketError(message).
   *
   * @param message what went wrong
   */
  public WebSocketError(String message) {
    super(message);
  }

  /**
   * An error with a message and a cause.
   *
   * <p>Tornado: WebSocketError(message) raised from another error.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public WebSocketError(String message, Throwable cause) {
    super(message, cause);
  }
}
