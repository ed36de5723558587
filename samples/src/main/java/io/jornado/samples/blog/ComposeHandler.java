package io.jornado.samples.blog;

import io.jornado.escape.Escape;
import io.jornado.web.HttpError;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code /compose}: the form to write an entry ({@code GET}, or {@code GET ?id=N} to edit one) and
 * its submission ({@code POST title, markdown[, id]}), which redirects to the entry.
 *
 * <p>Only for a logged-in author, checked in {@link #prepareAsync()} as Tornado's
 * {@code @authenticated} does: a {@code GET} or {@code HEAD} without login redirects to
 * {@code /auth/login?next=<this URI>}, any other method is 403.
 *
 * <p>Ports ComposeHandler of Tornado's blog demo.
 */
public class ComposeHandler extends BaseHandler {
  /** Where {@code @authenticated} sends a visitor who is not logged in (the demo's {@code login_url}). */
  public static final String LOGIN_URL = "/auth/login";

  /** Made by the application for each request. */
  public ComposeHandler() {}

  /** Loads the author, then turns away requests without one. */
  @Override
  public Future<?> prepareAsync() {
    return super.prepareAsync().map(v -> {
      if (author().isEmpty()) {
        String method = request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          throw new HttpError(403);
        }
        redirect(LOGIN_URL + "?next=" + Escape.urlEscape(request().uri()));
      }
      return null;
    });
  }

  /**
   * Shows the form, empty or filled with the entry {@code ?id=} names (404 when there is none).
   *
   * @return completes when the page is written
   */
  public Future<Void> get() {
    Optional<Integer> id = entryId();
    Future<Optional<Entry>> entry = id.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : store().entryById(id.get()).map(found -> Optional.of(found.orElseThrow(() -> new HttpError(404))));
    return entry.compose(found -> render("compose.html", orNone("entry", found)));
  }

  /**
   * Saves the entry (a new one, or the one {@code id} names: 404 when there is none) and redirects
   * to it.
   *
   * @return completes when the redirect is sent
   */
  public Future<Void> post() {
    Optional<Integer> id = entryId();
    String title = getArgument("title");
    String markdown = getArgument("markdown");
    Future<Entry> saved = id.isEmpty()
        ? store().createEntry(author().orElseThrow(), title, markdown)
        : store().updateEntry(id.get(), title, markdown).map(found -> found.orElseThrow(() -> new HttpError(404)));
    return saved.map(entry -> {
      redirect("/entry/" + Escape.urlEscape(entry.slug(), false));
      return null;
    });
  }

  private Optional<Integer> entryId() {
    String id = getArgument("id", null);
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(id));
    } catch (NumberFormatException e) {
      throw new HttpError(400, "not an entry id: %s", id);
    }
  }
}
