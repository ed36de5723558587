package io.jornado.samples.blog;

/**
 * {@code GET /auth/logout}: ends the session and redirects to {@code next}.
 *
 * <p>Ports AuthLogoutHandler of Tornado's blog demo.
 */
public class AuthLogoutHandler extends BaseHandler {
  /** Made by the application for each request. */
  public AuthLogoutHandler() {}

  /** Logs out. */
  public void get() {
    endSession();
    redirectToNext();
  }
}
