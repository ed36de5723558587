package io.jornado.web;

import io.jornado.util.JornadoException;

/**
 * Ends the request without an error: the handler's response is finished (with an optional last
 * chunk) and no error page is written.
 *
 * <p>Tornado: tornado.web.Finish.
 */
public class Finish extends JornadoException {
  private static final long serialVersionUID = 1L;

  private final transient Object chunk;

  /** Finishes with what has been written. Tornado: Finish(). */
  public Finish() {
    this(null);
  }

  /**
   * Finishes after writing a last chunk.
   *
   * <p>Tornado: Finish(chunk).
   *
   * @param chunk a value {@link RequestHandler#write(Object)} accepts, or null
   */
  public Finish(Object chunk) {
    super("Finish", null, false);
    this.chunk = chunk;
  }

  /**
   * Tornado: Finish.args[0].
   *
   * @return the last chunk, or null
   */
  public Object chunk() {
    return chunk;
  }
}
