package io.jornado.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Loads templates from an in-memory map of name to source.
 *
 * <p>Tornado: tornado.template.DictLoader.
 */
public final class DictLoader extends BaseLoader {
  private final Map<String, String> sources;

  /**
   * A loader with the default autoescape ({@code xhtml_escape}) and whitespace.
   *
   * <p>Tornado: DictLoader(dict).
   *
   * @param sources template name to source
   */
  public DictLoader(Map<String, String> sources) {
    this(sources, Template.DEFAULT_AUTOESCAPE, null, null);
  }

  /**
   * A loader with explicit defaults.
   *
   * <p>Tornado: DictLoader(dict, autoescape=..., namespace=..., whitespace=...).
   *
   * @param sources template name to source
   * @param autoescape the autoescape function name, or null for none
   * @param namespace extra names for every template, or null
   * @param whitespace the whitespace mode, or null for the per-extension default
   */
  public DictLoader(Map<String, String> sources, String autoescape, Map<String, ?> namespace,
      String whitespace) {
    super(autoescape, namespace, whitespace);
    this.sources = Map.copyOf(sources);
  }

  @Override
  protected String resolvePath(String name, String parentPath) {
    if (relative(name, parentPath)) {
      int slash = parentPath.lastIndexOf('/');
      String dir = slash < 0 ? "" : parentPath.substring(0, slash);
      return normpath(dir.isEmpty() ? name : dir + "/" + name);
    }
    return name;
  }

  private static String normpath(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      } else if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  @Override
  protected Template createTemplate(String name) {
    String source = sources.get(name);
    if (source == null) {
      throw new PythonError("KeyError", Py.repr(name));
    }
    return new Template(source, name, this, null);
  }
}
