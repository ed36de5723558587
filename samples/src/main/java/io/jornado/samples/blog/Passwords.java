package io.jornado.samples.blog;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2 with HMAC-SHA256 and a random 16-byte salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). Hashing is slow on purpose (hundreds of
 * milliseconds), so callers run it off the event loop ({@code IOLoop.runInExecutor}).
 *
 * <p>Stands in for the bcrypt package of Tornado's blog demo: bcrypt is not in the JDK, PBKDF2 is
 * ({@code javax.crypto}), and the project adds no dependency for a sample.
 */
public final class Passwords {
  /** PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP's recommendation in 2023). */
  public static final int ITERATIONS = 600_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private Passwords() {}

  /**
   * Hashes a password with a new salt.
   *
   * <p>Tornado demo: bcrypt.hashpw(password, bcrypt.gensalt()).
   *
   * @param password the password as typed
   * @return the text to store
   */
  public static String hash(String password) {
    return hash(password, ITERATIONS);
  }

  static String hash(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
        + ENCODER.encodeToString(derive(password, salt, iterations));
  }

  /**
   * Whether a password is the one a stored hash was made from; compares in constant time.
   *
   * <p>Tornado demo: bcrypt.checkpw(password, hashed_password).
   *
   * @param password the password as typed
   * @param stored a hash from {@link #hash}
   * @return true when it matches
   * @throws IllegalArgumentException when {@code stored} is not such a hash
   */
  public static boolean check(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("Not a " + PREFIX + " password hash");
    }
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
