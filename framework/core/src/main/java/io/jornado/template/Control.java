package io.jornado.template;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The control-flow directives: if, for, while, try, set, import, break, continue. */
final class Control {
  private Control() {}

  /** A condition or iterable, with the template and source for error messages. */
  record Clause(Template template, String source, Expr expr) {}

  static final class If extends Node {
    final List<Clause> conditions;
    final List<Node.Body> bodies;
    final Node.Body orElse;

    If(List<Clause> conditions, List<Node.Body> bodies, Node.Body orElse, int line) {
      super(line);
      this.conditions = conditions;
      this.bodies = bodies;
      this.orElse = orElse;
    }

    @Override
    void render(Render r) {
      for (int i = 0; i < conditions.size(); i++) {
        Clause c = conditions.get(i);
        if (Py.truthy(r.eval(this, c.template(), c.source(), c.expr()))) {
          bodies.get(i).render(r);
          return;
        }
      }
      if (orElse != null) {
        orElse.render(r);
      }
    }

    @Override
    List<Node> children() {
      List<Node> all = new java.util.ArrayList<>(bodies);
      if (orElse != null) {
        all.add(orElse);
      }
      return all;
    }
  }

  /** {@code for} (iterable set) and {@code while} (iterable null), with an optional else. */
  static final class Loop extends Node {
    final Clause clause;
    final Expr.Target target;
    final Node.Body body;
    final Node.Body orElse;

    Loop(Clause clause, Expr.Target target, Node.Body body, Node.Body orElse, int line) {
      super(line);
      this.clause = clause;
      this.target = target;
      this.body = body;
      this.orElse = orElse;
    }

    @Override
    void render(Render r) {
      Iterator<?> items = null;
      if (target != null) {
        Object iterable = r.eval(this, clause.template(), clause.source(), clause.expr());
        try {
          items = Py.iterate(iterable);
        } catch (PythonError e) {
          throw e.at(clause.template().name(), line, clause.source());
        }
      }
      while (items != null ? items.hasNext()
          : Py.truthy(r.eval(this, clause.template(), clause.source(), clause.expr()))) {
        if (items != null) {
          Object item = items.next();
          try {
            target.assign(r.ns, item);
          } catch (PythonError e) {
            throw e.at(clause.template().name(), line, clause.source());
          }
        }
        try {
          body.render(r);
        } catch (Render.LoopSignal signal) {
          if (signal == Render.LoopSignal.BREAK) {
            return;
          }
        }
      }
      if (orElse != null) {
        orElse.render(r);
      }
    }

    @Override
    List<Node> children() {
      return orElse == null ? List.of(body) : List.of(body, orElse);
    }
  }

  static final class Jump extends Node {
    final Render.LoopSignal signal;

    Jump(Render.LoopSignal signal, int line) {
      super(line);
      this.signal = signal;
    }

    @Override
    void render(Render r) {
      throw signal;
    }
  }

  /** One {@code except [Type | (A, B)] [as name]} clause; empty types catch everything. */
  record Handler(List<String> types, String name, Node.Body body) {}

  static final class Try extends Node {
    final Node.Body body;
    final List<Handler> handlers;
    final Node.Body orElse;
    final Node.Body finallyBody;

    Try(Node.Body body, List<Handler> handlers, Node.Body orElse, Node.Body finallyBody,
        int line) {
      super(line);
      this.body = body;
      this.handlers = handlers;
      this.orElse = orElse;
      this.finallyBody = finallyBody;
    }

    @Override
    void render(Render r) {
      try {
        try {
          body.render(r);
        } catch (PythonError e) {
          Handler h = handlerFor(e);
          if (h == null) {
            throw e;
          }
          if (h.name() != null) {
            r.ns.put(h.name(), e);
          }
          h.body().render(r);
          return;
        }
        if (orElse != null) {
          orElse.render(r);
        }
      } finally {
        if (finallyBody != null) {
          finallyBody.render(r);
        }
      }
    }

    private Handler handlerFor(PythonError e) {
      for (Handler h : handlers) {
        if (h.types().isEmpty() || h.types().stream().anyMatch(e::isInstance)) {
          return h;
        }
      }
      return null;
    }

    @Override
    List<Node> children() {
      List<Node> all = new java.util.ArrayList<>(List.of(body));
      handlers.forEach(h -> all.add(h.body()));
      if (orElse != null) {
        all.add(orElse);
      }
      if (finallyBody != null) {
        all.add(finallyBody);
      }
      return all;
    }
  }

  /** {@code set target = value} and augmented forms such as {@code set n += 1}. */
  static final class Set extends Node {
    final Clause clause;
    final Expr.Target target;
    final String op;

    Set(Clause clause, Expr.Target target, String op, int line) {
      super(line);
      this.clause = clause;
      this.target = target;
      this.op = op;
    }

    @Override
    void render(Render r) {
      Object value = r.eval(this, clause.template(), clause.source(), clause.expr());
      try {
        if (!op.equals("=")) {
          Object current = Expr.lookup(r.ns, target.name);
          value = new Expr.Binary(op.substring(0, op.length() - 1), new Expr.Const(current),
              new Expr.Const(value)).eval(r.ns);
        }
        target.assign(r.ns, value);
      } catch (PythonError e) {
        throw e.at(clause.template().name(), line, clause.source());
      }
    }
  }

  /** {@code import m [as n]} and {@code from m import a [as b], ...}. */
  static final class Import extends Node {
    final Template template;
    final String source;
    final String module;
    final Map<String, String> names;

    Import(Template template, String source, String module, Map<String, String> names, int line) {
      super(line);
      this.template = template;
      this.source = source;
      this.module = module;
      this.names = names;
    }

    @Override
    void render(Render r) {
      try {
        Object m = TemplateImports.load(module);
        for (Map.Entry<String, String> e : names.entrySet()) {
          r.ns.put(e.getValue(), e.getKey() == null ? m : Access.attribute(m, e.getKey()));
        }
      } catch (PythonError e) {
        throw e.at(template.name(), line, source);
      }
    }
  }
}
