package io.jornado.template;

import java.util.ArrayList;
import java.util.List;

/** Builds block directives from a body that still holds else/elif/except/finally markers. */
final class Structure {
  private Structure() {}

  /** The body up to each marker: section 0 has no marker, section i follows markers[i-1]. */
  private record Sections(List<Node.Body> bodies, List<Node.Intermediate> markers) {}

  static Node build(TemplateParser p, String operator, String suffix, String contents,
      Node.Body body, int line) {
    Sections s = split(body, line);
    Template t = p.template();
    switch (operator) {
      case "apply":
        if (suffix.isEmpty()) {
          throw p.errorAt("apply missing method name", line);
        }
        return new Blocks.Apply(t, suffix, p.expr(suffix, line), body, line);
      case "block":
        if (suffix.isEmpty()) {
          throw p.errorAt("block missing name", line);
        }
        return new Blocks.Named(suffix, body, line);
      case "if":
        return ifNode(p, suffix, s, line);
      case "for": case "while":
        return loop(p, operator, suffix, s, line);
      default:
        if (!suffix.isEmpty()) {
          throw p.errorAt("Unsupported Python in " + Py.repr(contents) + ": syntax", line);
        }
        return tryNode(p, s, line);
    }
  }

  private static Sections split(Node.Body body, int line) {
    List<Node.Body> bodies = new ArrayList<>();
    List<Node.Intermediate> markers = new ArrayList<>();
    Node.Body current = new Node.Body(line);
    for (Node n : body.nodes) {
      if (n instanceof Node.Intermediate) {
        bodies.add(current);
        markers.add((Node.Intermediate) n);
        current = new Node.Body(n.line);
      } else {
        current.nodes.add(n);
      }
    }
    bodies.add(current);
    return new Sections(bodies, markers);
  }

  private static TemplateParseError misplaced(TemplateParser p, Node.Intermediate m) {
    return p.errorAt("Unsupported Python: misplaced {% " + m.operator + " %}", m.line);
  }

  private static Node ifNode(TemplateParser p, String suffix, Sections s, int line) {
    List<Control.Clause> conditions = new ArrayList<>();
    List<Node.Body> bodies = new ArrayList<>();
    conditions.add(clause(p, suffix, line));
    bodies.add(s.bodies().get(0));
    Node.Body orElse = null;
    for (int i = 0; i < s.markers().size(); i++) {
      Node.Intermediate m = s.markers().get(i);
      if (orElse != null) {
        throw misplaced(p, m);
      }
      if (m.operator.equals("elif")) {
        conditions.add(clause(p, m.suffix, m.line));
        bodies.add(s.bodies().get(i + 1));
      } else {
        requireEmpty(p, m);
        orElse = s.bodies().get(i + 1);
      }
    }
    return new Control.If(conditions, bodies, orElse, line);
  }

  private static void requireEmpty(TemplateParser p, Node.Intermediate m) {
    if (!m.suffix.isEmpty()) {
      throw p.errorAt("Unsupported Python in " + Py.repr(m.operator + " " + m.suffix)
          + ": syntax", m.line);
    }
  }

  private static Control.Clause clause(TemplateParser p, String source, int line) {
    if (source.isEmpty()) {
      throw p.errorAt("Unsupported Python: missing condition", line);
    }
    return new Control.Clause(p.template(), source, p.expr(source, line));
  }

  private static Node loop(TemplateParser p, String operator, String suffix, Sections s,
      int line) {
    Node.Body orElse = null;
    if (!s.markers().isEmpty()) {
      Node.Intermediate m = s.markers().get(0);
      if (s.markers().size() > 1) {
        throw misplaced(p, s.markers().get(1));
      }
      requireEmpty(p, m);
      orElse = s.bodies().get(1);
    }
    if (operator.equals("while")) {
      return new Control.Loop(clause(p, suffix, line), null, s.bodies().get(0), orElse, line);
    }
    Object[] parts = p.syntax(suffix, () -> ExprParser.parseFor(suffix), line);
    return new Control.Loop(new Control.Clause(p.template(), suffix, (Expr) parts[1]),
        (Expr.Target) parts[0], s.bodies().get(0), orElse, line);
  }

  private static Node tryNode(TemplateParser p, Sections s, int line) {
    List<Control.Handler> handlers = new ArrayList<>();
    Node.Body orElse = null;
    Node.Body finallyBody = null;
    for (int i = 0; i < s.markers().size(); i++) {
      Node.Intermediate m = s.markers().get(i);
      Node.Body section = s.bodies().get(i + 1);
      if (finallyBody != null) {
        throw misplaced(p, m);
      }
      switch (m.operator) {
        case "except":
          if (orElse != null) {
            throw misplaced(p, m);
          }
          handlers.add(handler(p, m, section));
          break;
        case "else":
          if (handlers.isEmpty() || orElse != null) {
            throw misplaced(p, m);
          }
          requireEmpty(p, m);
          orElse = section;
          break;
        default:
          requireEmpty(p, m);
          finallyBody = section;
      }
    }
    if (handlers.isEmpty() && finallyBody == null) {
      throw p.errorAt("Unsupported Python: try without except or finally", line);
    }
    return new Control.Try(s.bodies().get(0), handlers, orElse, finallyBody, line);
  }

  private static Control.Handler handler(TemplateParser p, Node.Intermediate m,
      Node.Body body) {
    String ident = "[A-Za-z_][A-Za-z_0-9]*";
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
        "(?:(" + ident + ")|\\(\\s*(" + ident + "(?:\\s*,\\s*" + ident + ")*)\\s*,?\\s*\\))"
            + "(?:\\s+as\\s+(" + ident + "))?").matcher(m.suffix);
    if (m.suffix.isEmpty()) {
      return new Control.Handler(List.of(), null, body);
    } else if (!matcher.matches()) {
      throw p.errorAt("Unsupported Python in " + Py.repr("except " + m.suffix)
          + ": except takes an exception class name, a tuple of them, and 'as name'", m.line);
    }
    String types = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    List<String> names = new ArrayList<>();
    for (String type : types.split(",")) {
      names.add(type.strip());
    }
    return new Control.Handler(names, matcher.group(3), body);
  }
}
