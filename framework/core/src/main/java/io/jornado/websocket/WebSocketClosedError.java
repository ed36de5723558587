package io.jornado.websocket;

/**
 * An operation needs an open WebSocket, and this one is closed or closing.
 *
 * <p>Tornado: tornado.websocket.WebSocketClosedError.
 */
public class WebSocketClosedError extends WebSocketError {
  private static final long serialVersionUID = 1L;

  /** The error with Tornado's wording. Tornado: WebSocketClosedError(). */
  public WebSocketClosedError() {
    super("WebSocket is closed");
  }
}
