package io.jornado.samples.blog;

import io.jornado.web.HttpError;
import io.vertx.core.Future;

/**
 * {@code /auth/create}: the form that makes the blog's first author ({@code GET}) and its submission
 * ({@code POST email, name, password}), which logs the new author in and redirects to {@code next}.
 * Once an author exists, a {@code POST} is 400: this blog has one author, who then logs in.
 *
 * <p>Ports AuthCreateHandler of Tornado's blog demo.
 */
public class AuthCreateHandler extends BaseHandler {
  /** Made by the application for each request. */
  public AuthCreateHandler() {}

  /**
   * Shows the form.
   *
   * @return completes when the page is written
   */
  public Future<Void> get() {
    return render("create_author.html");
  }

  /**
   * Creates the author, with the password hashed off the event loop.
   *
   * @return completes when the redirect is sent
   */
  public Future<Void> post() {
    String email = getArgument("email");
    String name = getArgument("name");
    String password = getArgument("password");
    return store().anyAuthorExists()
        .compose(exists -> {
          if (exists) {
            throw new HttpError(400, "author already created");
          }
          return ioLoop().runInExecutor(() -> Passwords.hash(password));
        })
        .compose(hashed -> store().createAuthor(email, name, hashed))
        .map(author -> {
          startSession(author);
          redirectToNext();
          return null;
        });
  }
}
