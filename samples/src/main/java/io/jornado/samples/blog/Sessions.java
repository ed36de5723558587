package io.jornado.samples.blog;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers: a random session id (the cookie's value) maps to the author's id, in this
 * process's memory. The id is 32 random bytes, so it cannot be guessed; a restart logs everyone out.
 *
 * <p>Stands in for the blog demo's {@code set_signed_cookie("blogdemo_user", author_id)} until Jornado
 * has signed cookies: the browser holds an unguessable key instead of a signed value.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Integer> authorIds = new ConcurrentHashMap<>();

  /** Starts a session for the author; returns its id. */
  String start(int authorId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    authorIds.put(id, authorId);
    return id;
  }

  /** The author id of a session, if it exists. */
  Optional<Integer> authorId(String sessionId) {
    return Optional.ofNullable(authorIds.get(sessionId));
  }

  /** Ends a session. */
  void end(String sessionId) {
    authorIds.remove(sessionId);
  }
}
