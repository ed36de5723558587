package io.jornado.samples.blog;

import io.jornado.escape.Escape;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code /auth/login}: the login form ({@code GET}; while there is no author yet, a redirect to
 * {@code /auth/create}) and its submission ({@code POST email, password}), which logs the author in
 * and redirects to {@code next}, or shows the form again with {@code email not found} or
 * {@code incorrect password}.
 *
 * <p>Ports AuthLoginHandler of Tornado's blog demo.
 */
public class AuthLoginHandler extends BaseHandler {
  /** Made by the application for each request. */
  public AuthLoginHandler() {}

  /**
   * Shows the form, or sends the first visitor to author creation (keeping {@code next}).
   *
   * @return completes when the page or redirect is sent
   */
  public Future<Void> get() {
    return store().anyAuthorExists().compose(exists -> {
      if (exists) {
        return loginForm(Optional.empty());
      }
      String next = getArgument("next", null);
      redirect("/auth/create" + (next == null ? "" : "?next=" + Escape.urlEscape(next)));
      return Future.succeededFuture();
    });
  }

  /**
   * Checks the email and password (hashing off the event loop).
   *
   * @return completes when the redirect or the form is sent
   */
  public Future<Void> post() {
    String email = getArgument("email");
    String password = getArgument("password");
    return store().authorByEmail(email).compose(found -> {
      if (found.isEmpty()) {
        return loginFailed("email not found");
      }
      Author author = found.get();
      return ioLoop().runInExecutor(() -> Passwords.check(password, author.hashedPassword())).compose(matches -> {
        if (!matches) {
          return loginFailed("incorrect password");
        }
        startSession(author);
        redirectToNext();
        return Future.succeededFuture();
      });
    });
  }

  private Future<Void> loginFailed(String error) {
    return loginForm(Optional.of(error));
  }

  private Future<Void> loginForm(Optional<String> error) {
    return render("login.html", orNone("error", error));
  }
}
