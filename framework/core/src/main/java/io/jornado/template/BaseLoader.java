package io.jornado.template;

import java.util.HashMap;
import java.util.Map;

/**
 * Loads and caches templates by name, resolving {@code extends}/{@code include} paths relative to
 * the including template.
 *
 * <p>Tornado: tornado.template.BaseLoader.
 */
public abstract class BaseLoader {
  private final String autoescape;
  private final Map<String, Object> namespace;
  private final String whitespace;
  private final Map<String, Template> templates = new HashMap<>();

  /**
   * Creates a loader.
   *
   * <p>Tornado: BaseLoader(autoescape="xhtml_escape", namespace=None, whitespace=None).
   *
   * @param autoescape the autoescape function name for its templates, or null for none
   * @param namespace extra names for every template, or null
   * @param whitespace the whitespace mode, or null for the per-extension default
   */
  protected BaseLoader(String autoescape, Map<String, ?> namespace, String whitespace) {
    this.autoescape = autoescape;
    this.namespace = namespace == null ? Map.of() : Map.copyOf(namespace);
    this.whitespace = whitespace;
    if (whitespace != null) {
      Whitespace.filter(whitespace, "");
    }
  }

  /**
   * Forgets every cached template.
   *
   * <p>Tornado: BaseLoader.reset.
   */
  public synchronized void reset() {
    templates.clear();
  }

  /**
   * Returns the template for {@code name}, parsing it on first use.
   *
   * <p>Tornado: BaseLoader.load.
   *
   * @param name the template name
   * @param parentPath the including template's name, or null
   * @return the template
   */
  public synchronized Template load(String name, String parentPath) {
    String resolved = resolvePath(name, parentPath);
    Template t = templates.get(resolved);
    if (t == null) {
      t = createTemplate(resolved);
      templates.put(resolved, t);
    }
    return t;
  }

  /**
   * Returns the template for {@code name}.
   *
   * <p>Tornado: BaseLoader.load(name).
   *
   * @param name the template name
   * @return the template
   */
  public Template load(String name) {
    return load(name, null);
  }

  /**
   * Turns a name relative to {@code parentPath} into the cache key and loader name.
   *
   * <p>Tornado: BaseLoader.resolve_path.
   *
   * @param name the name as written
   * @param parentPath the including template's name, or null
   * @return the resolved name
   */
  protected abstract String resolvePath(String name, String parentPath);

  /**
   * Reads and parses the template for a resolved name.
   *
   * <p>Tornado: BaseLoader._create_template.
   *
   * @param name the resolved name
   * @return the template
   */
  protected abstract Template createTemplate(String name);

  static boolean relative(String name, String parentPath) {
    return parentPath != null && !parentPath.startsWith("<") && !parentPath.startsWith("/")
        && !name.startsWith("/");
  }

  String autoescape() {
    return autoescape;
  }

  Map<String, Object> namespace() {
    return namespace;
  }

  String whitespace() {
    return whitespace;
  }
}
