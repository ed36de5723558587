package io.jornado.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled template: parsed once into a tree (extends and includes resolved through the loader),
 * then {@link #generate(Map)} renders it with a namespace of Java values. Tornado returns bytes;
 * {@link #generate(Map)} returns the text, {@link #generateBytes(Map)} its UTF-8 bytes.
 *
 * <p>Tornado: tornado.template.Template.
 */
public final class Template {
  static final String DEFAULT_AUTOESCAPE = "xhtml_escape";
  private static final Object UNSET = new Object();

  private final String name;
  private final BaseLoader loader;
  private final Map<String, Object> namespace;
  private volatile String autoescape;
  private final Node.Body body;
  private final Node.Body root;
  private final Map<String, Blocks.Named> blocks;

  /**
   * Parses a template named {@code <string>} with no loader.
   *
   * <p>Tornado: Template(template_string).
   *
   * @param source the template text
   * @throws TemplateParseError if it cannot be parsed
   */
  public Template(String source) {
    this(source, "<string>", null, UNSET, null);
  }

  /**
   * Parses a template with a name (used in errors and for the default whitespace mode).
   *
   * <p>Tornado: Template(template_string, name).
   *
   * @param source the template text
   * @param name the file name
   */
  public Template(String source, String name) {
    this(source, name, null, UNSET, null);
  }

  /**
   * Parses a template that resolves {@code extends}/{@code include} through {@code loader} and
   * takes its autoescape, namespace and whitespace defaults from it.
   *
   * <p>Tornado: Template(template_string, name, loader, whitespace=...).
   *
   * @param source the template text
   * @param name the file name
   * @param loader the loader, or null
   * @param whitespace {@code "all"}, {@code "single"}, {@code "oneline"}, or null for the default
   */
  public Template(String source, String name, BaseLoader loader, String whitespace) {
    this(source, name, loader, UNSET, whitespace);
  }

  /**
   * Parses a template with an explicit autoescape function name, or null for no autoescaping.
   *
   * <p>Tornado: Template(template_string, name, loader, autoescape=..., whitespace=...).
   *
   * @param source the template text
   * @param name the file name
   * @param loader the loader, or null
   * @param autoescape the name of a function in the namespace, or null for none
   * @param whitespace the whitespace mode, or null for the default
   * @return the template
   */
  public static Template withAutoescape(String source, String name, BaseLoader loader,
      String autoescape, String whitespace) {
    return new Template(source, name, loader, autoescape, whitespace);
  }

  private Template(String source, String name, BaseLoader loader, Object autoescape,
      String whitespace) {
    this.name = name;
    this.loader = loader;
    String mode = whitespace;
    if (mode == null) {
      mode = loader != null && loader.whitespace() != null ? loader.whitespace()
          : name.endsWith(".html") || name.endsWith(".js") ? "single" : "all";
    }
    Whitespace.filter(mode, "");
    this.autoescape = autoescape != UNSET ? (String) autoescape
        : loader != null ? loader.autoescape() : DEFAULT_AUTOESCAPE;
    this.namespace = loader != null ? loader.namespace() : Map.of();
    this.body = TemplateParser.parse(this, loader, source, mode);
    List<Template> ancestors = ancestors();
    this.root = ancestors.get(ancestors.size() - 1).body;
    Map<String, Blocks.Named> found = new HashMap<>();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      ancestors.get(i).body.findBlocks(found);
    }
    this.blocks = Map.copyOf(found);
  }

  private List<Template> ancestors() {
    List<Template> out = new ArrayList<>(List.of(this));
    for (Node n : body.nodes) {
      if (n instanceof Blocks.Extends) {
        if (loader == null) {
          throw new TemplateParseError("{% extends %} block found, but no template loader",
              name, n.line);
        }
        out.addAll(loader.load(((Blocks.Extends) n).name, name).ancestors());
      }
    }
    return out;
  }

  /**
   * The template's name.
   *
   * <p>Tornado: Template.name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  String autoescapeName() {
    return autoescape;
  }

  void setAutoescape(String function) {
    this.autoescape = function;
  }

  Node.Body body() {
    return body;
  }

  /**
   * Renders the template with no arguments.
   *
   * <p>Tornado: Template.generate().
   *
   * @return the output text
   */
  public String generate() {
    return generate(Map.of());
  }

  /**
   * Renders the template. The namespace is the default one (escape functions), the loader's
   * namespace, then {@code args}. Maps, lists, records, beans, strings, numbers, booleans and
   * null (None) are understood as Python would treat dicts, lists, objects and scalars.
   *
   * <p>Tornado: Template.generate(**kwargs).
   *
   * @param args the template's variables
   * @return the output text
   * @throws PythonError if the template raises a Python error
   */
  public String generate(Map<String, ?> args) {
    Map<String, Object> ns = new HashMap<>(DefaultNamespace.FUNCTIONS);
    ns.putAll(namespace);
    ns.putAll(args);
    Render r = new Render(ns, blocks);
    try {
      root.render(r);
    } catch (Render.LoopSignal signal) {
      throw new IllegalStateException("break outside a loop", signal);
    }
    return r.out.toString();
  }

  /**
   * Renders the template to UTF-8 bytes, which is what Tornado's generate returns.
   *
   * <p>Tornado: Template.generate(**kwargs).
   *
   * @param args the template's variables
   * @return the output bytes
   */
  public byte[] generateBytes(Map<String, ?> args) {
    return generate(args).getBytes(StandardCharsets.UTF_8);
  }
}
