package io.jornado.samples.blog;

/**
 * A row of the {@code authors} table. The password is only ever held hashed ({@link Passwords}).
 *
 * <p>Ports the author rows of Tornado's blog demo (schema.sql).
 *
 * @param id the author's key
 * @param email the address the author logs in with (unique)
 * @param name the name shown to readers
 * @param hashedPassword the PBKDF2 hash made by {@link Passwords#hash}
 */
public record Author(int id, String email, String name, String hashedPassword) {
  /** Leaves the hash out, so that a logged author does not spread it. */
  @Override
  public String toString() {
    return "Author[id=" + id + ", email=" + email + ", name=" + name + "]";
  }
}
