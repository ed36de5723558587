package io.jornado.samples.blog;

import io.jornado.web.CookieOptions;
import io.jornado.web.HttpError;
import io.jornado.web.RequestHandler;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the blog's handlers share: the store, the session, the names templates see, and the logged-in
 * author, who is loaded in {@link #prepareAsync()} (the demo's {@code get_current_user} cannot wait
 * for the database either, so it too sets {@code current_user} in {@code prepare}).
 *
 * <p>Login is kept in a server-side session: the {@value #SESSION_COOKIE} cookie holds a random id
 * that {@link Sessions} maps to the author, a stand-in for the demo's signed cookie until Jornado has
 * {@code set_signed_cookie}.
 *
 * <p>Ports BaseHandler of Tornado's blog demo.
 */
public abstract class BaseHandler extends RequestHandler {
  /** The cookie that carries the session id. */
  public static final String SESSION_COOKIE = "blogdemo_session";

  static final String STORE = "store";
  static final String SESSIONS = "sessions";

  private BlogStore store;
  private Sessions sessions;

  /** Made by the application for each request. */
  protected BaseHandler() {}

  @Override
  public void initialize(Map<String, Object> kwargs) {
    store = (BlogStore) kwargs.get(STORE);
    sessions = (Sessions) kwargs.get(SESSIONS);
  }

  /** Loads the author of the request's session, if any, as the current user. */
  @Override
  public Future<?> prepareAsync() {
    Optional<Integer> authorId = getCookie(SESSION_COOKIE).flatMap(sessions::authorId);
    if (authorId.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.authorById(authorId.get()).onSuccess(author -> currentUser(author.orElse(null)));
  }

  /**
   * The logged-in author.
   *
   * <p>Tornado demo: self.current_user.
   *
   * @return the author, if the request carries a live session
   */
  protected final Optional<Author> author() {
    return currentUser().map(Author.class::cast);
  }

  /** @return the blog's data */
  protected final BlogStore store() {
    return store;
  }

  /**
   * The application's settings as a map, so that templates read {@code handler.settings["blog_title"]}
   * as the demo's do (a template reads {@code handler.settings} through this getter; {@code settings()}
   * returns {@link io.jornado.web.Settings}, which templates cannot subscript).
   *
   * <p>Tornado: RequestHandler.settings.
   *
   * @return every setting, by name
   */
  public final Map<String, Object> getSettings() {
    return settings().asMap();
  }

  /**
   * Adds what the demo's templates get from Tornado and Jornado lacks: {@code locale} (English,
   * with the one {@code format_date} form the templates use) and {@code _} (no translation); and
   * {@code next}, the request's {@code next} argument (or None), that the login and author forms
   * keep.
   *
   * <p>Tornado: RequestHandler.get_template_namespace.
   *
   * @return the names every template rendered for this request sees
   */
  @Override
  public Map<String, Object> getTemplateNamespace() {
    Map<String, Object> namespace = super.getTemplateNamespace();
    namespace.put("locale", BlogTemplates.ENGLISH);
    namespace.put("_", (Function<Object, Object>) text -> text);
    namespace.put("next", getArgument("next", null));
    return namespace;
  }

  /**
   * One template argument that is None when the value is absent, as the demo passes {@code error=None}.
   *
   * @param name the argument's name
   * @param value its value, if any
   * @return the arguments
   */
  static Map<String, Object> orNone(String name, Optional<?> value) {
    Map<String, Object> args = new HashMap<>();
    args.put(name, value.orElse(null));
    return args;
  }

  /**
   * Logs the author in: a new session and its cookie ({@code HttpOnly}, {@code SameSite=Lax}).
   *
   * <p>Tornado demo: self.set_signed_cookie("blogdemo_user", str(author.id)).
   *
   * @param author who logged in
   */
  protected final void startSession(Author author) {
    setCookie(SESSION_COOKIE, sessions.start(author.id()), new CookieOptions().httpOnly(true).sameSite("Lax"));
  }

  /**
   * Logs out: ends the session and clears its cookie.
   *
   * <p>Tornado demo: self.clear_cookie("blogdemo_user").
   */
  protected final void endSession() {
    getCookie(SESSION_COOKIE).ifPresent(sessions::end);
    clearCookie(SESSION_COOKIE, new CookieOptions().httpOnly(true).sameSite("Lax"));
  }

  /**
   * Redirects to the {@code next} argument (default {@code /}), which must be a path on this site:
   * anything else is 400, so that the blog is no open redirect.
   *
   * <p>Tornado demo: BaseHandler.redirect_to_next.
   */
  protected final void redirectToNext() {
    String next = getArgument("next", "/");
    if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
      throw new HttpError(400, "next must be a path on this site: %s", next);
    }
    redirect(next);
  }
}
