package io.jornado.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A piece of a parsed template: text, an expression, a directive with its body. */
abstract class Node {
  final int line;

  Node(int line) {
    this.line = line;
  }

  abstract void render(Render r);

  /** Collects the named blocks below this node (through includes), later ones winning. */
  void findBlocks(Map<String, Blocks.Named> blocks) {
    for (Node child : children()) {
      child.findBlocks(blocks);
    }
  }

  List<Node> children() {
    return List.of();
  }

  /** A sequence of nodes. */
  static final class Body extends Node {
    final List<Node> nodes = new ArrayList<>();

    Body(int line) {
      super(line);
    }

    @Override
    void render(Render r) {
      for (Node n : nodes) {
        n.render(r);
      }
    }

    @Override
    List<Node> children() {
      return nodes;
    }
  }

  static final class Text extends Node {
    final String value;

    Text(String value, int line, String whitespace) {
      super(line);
      this.value = value.contains("<pre>") ? value : Whitespace.filter(whitespace, value);
    }

    @Override
    void render(Render r) {
      r.out.append(value);
    }
  }

  /** {@code {{ expr }}}, {@code {% raw expr %}} and {@code {% module expr %}}. */
  static final class Output extends Node {
    final Template template;
    final String source;
    final Expr expr;
    final boolean raw;

    Output(Template template, String source, Expr expr, int line, boolean raw) {
      super(line);
      this.template = template;
      this.source = source;
      this.expr = expr;
      this.raw = raw;
    }

    @Override
    void render(Render r) {
      Object value = r.eval(this, template, source, expr);
      String text = Py.str(value);
      String autoescape = template.autoescapeName();
      if (!raw && autoescape != null) {
        text = r.call(this, template, source, r.eval(this, template, source,
            new Expr.Name(autoescape)), text);
      }
      r.out.append(text);
    }
  }

  /** Marks {@code else/elif/except/finally} inside a body until the parser splits it. */
  static final class Intermediate extends Node {
    final String operator;
    final String suffix;

    Intermediate(String operator, String suffix, int line) {
      super(line);
      this.operator = operator;
      this.suffix = suffix;
    }

    @Override
    void render(Render r) {
      throw new IllegalStateException("unsplit " + operator);
    }
  }
}
