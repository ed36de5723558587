package io.jornado.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads templates from files under a root directory.
 *
 * <p>Tornado: tornado.template.Loader.
 */
public final class Loader extends BaseLoader {
  private final Path root;

  /**
   * A loader with the default autoescape ({@code xhtml_escape}) and whitespace.
   *
   * <p>Tornado: Loader(root_directory).
   *
   * @param root the template directory
   */
  public Loader(Path root) {
    this(root, Template.DEFAULT_AUTOESCAPE, null, null);
  }

  /**
   * A loader with explicit defaults.
   *
   * <p>Tornado: Loader(root_directory, autoescape=..., namespace=..., whitespace=...).
   *
   * @param root the template directory
   * @param autoescape the autoescape function name, or null for none
   * @param namespace extra names for every template, or null
   * @param whitespace the whitespace mode, or null for the per-extension default
   */
  public Loader(Path root, String autoescape, Map<String, ?> namespace, String whitespace) {
    super(autoescape, namespace, whitespace);
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  protected String resolvePath(String name, String parentPath) {
    if (relative(name, parentPath)) {
      Path dir = root.resolve(parentPath).normalize().getParent();
      Path candidate = dir.resolve(name).normalize();
      if (candidate.startsWith(root) && !candidate.equals(root)) {
        return root.relativize(candidate).toString();
      }
    }
    return name;
  }

  @Override
  protected Template createTemplate(String name) {
    try {
      String source = new String(Files.readAllBytes(root.resolve(name)), StandardCharsets.UTF_8);
      return new Template(source, name, this, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    }
  }
}
