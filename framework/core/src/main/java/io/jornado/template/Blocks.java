package io.jornado.template;

import java.util.List;
import java.util.Map;

/** The content-structure directives: block, extends, include, apply. */
final class Blocks {
  private Blocks() {}

  /** {@code {% block name %}}: renders the most derived template's body for that name. */
  static final class Named extends Node {
    final String name;
    final Node.Body body;

    Named(String name, Node.Body body, int line) {
      super(line);
      this.name = name;
      this.body = body;
    }

    @Override
    void render(Render r) {
      Named winner = r.blocks.getOrDefault(name, this);
      winner.body.render(r);
    }

    @Override
    void findBlocks(Map<String, Named> blocks) {
      blocks.put(name, this);
      super.findBlocks(blocks);
    }

    @Override
    List<Node> children() {
      return List.of(body);
    }
  }

  /** {@code {% extends "file" %}}: renders nothing where it stands. */
  static final class Extends extends Node {
    final String name;

    Extends(String name, int line) {
      super(line);
      this.name = name;
    }

    @Override
    void render(Render r) {
      // the parent is rendered instead of this template's top level
    }
  }

  /** {@code {% include "file" %}}: renders the other template's body in this namespace. */
  static final class Include extends Node {
    final String name;
    final String from;
    final BaseLoader loader;
    private volatile Template included;

    Include(String name, String from, BaseLoader loader, int line) {
      super(line);
      this.name = name;
      this.from = from;
      this.loader = loader;
    }

    Template target() {
      Template t = included;
      if (t == null) {
        if (loader == null) {
          throw new TemplateParseError("{% include %} block found, but no template loader", from,
              line);
        }
        t = loader.load(name, from);
        included = t;
      }
      return t;
    }

    @Override
    void render(Render r) {
      target().body().render(r);
    }

    @Override
    void findBlocks(Map<String, Named> blocks) {
      target().body().findBlocks(blocks);
    }
  }

  /** {@code {% apply f %}...{% end %}}: renders the body to a string and outputs f(string). */
  static final class Apply extends Node {
    final Template template;
    final String source;
    final Expr fn;
    final Node.Body body;

    Apply(Template template, String source, Expr fn, Node.Body body, int line) {
      super(line);
      this.template = template;
      this.source = source;
      this.fn = fn;
      this.body = body;
    }

    @Override
    void render(Render r) {
      int start = r.out.length();
      body.render(r);
      String inner = r.out.substring(start);
      r.out.setLength(start);
      Object f = r.eval(this, template, source, fn);
      r.out.append(r.call(this, template, source, f, inner));
    }

    @Override
    List<Node> children() {
      return List.of(body);
    }
  }
}
