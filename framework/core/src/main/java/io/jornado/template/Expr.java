package io.jornado.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed Python expression, evaluated over a namespace of Java values. */
abstract class Expr {
  abstract Object eval(Map<String, Object> ns);

  static Object lookup(Map<String, Object> ns, String name) {
    Object v = ns.get(name);
    if (v != null || ns.containsKey(name)) {
      return v;
    }
    Builtins.Builtin builtin = Builtins.get(name);
    if (builtin != null) {
      return builtin;
    }
    throw new PythonError("NameError", "name '" + name + "' is not defined");
  }

  static final class Const extends Expr {
    final Object value;

    Const(Object value) {
      this.value = value;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      return value;
    }
  }

  static final class Name extends Expr {
    final String id;

    Name(String id) {
      this.id = id;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      return lookup(ns, id);
    }
  }

  /** A list, tuple or dict display. */
  static final class Display extends Expr {
    final char kind;
    final List<Expr> items;
    final List<Expr> values;

    Display(char kind, List<Expr> items, List<Expr> values) {
      this.kind = kind;
      this.items = items;
      this.values = values;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      if (kind == '{') {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
          out.put(items.get(i).eval(ns), values.get(i).eval(ns));
        }
        return out;
      }
      List<Object> out = new ArrayList<>(items.size());
      for (Expr item : items) {
        out.add(item.eval(ns));
      }
      return kind == '(' ? PyTuple.of(out) : out;
    }
  }

  static final class Attribute extends Expr {
    final Expr receiver;
    final String name;
    private volatile Access.Resolved cache;

    Attribute(Expr receiver, String name) {
      this.receiver = receiver;
      this.name = name;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object r = receiver.eval(ns);
      Access.Resolved resolved = cache;
      Class<?> type = r == null ? Void.class : r.getClass();
      if (resolved == null || resolved.type() != type) {
        resolved = Access.resolve(r, name);
        cache = resolved;
      }
      return Access.attribute(r, name, resolved);
    }
  }

  static final class Index extends Expr {
    final Expr receiver;
    final Expr index;

    Index(Expr receiver, Expr index) {
      this.receiver = receiver;
      this.index = index;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      return Access.item(receiver.eval(ns), index.eval(ns));
    }
  }

  static final class Slice extends Expr {
    final Expr receiver;
    final Expr lo;
    final Expr hi;
    final Expr step;

    Slice(Expr receiver, Expr lo, Expr hi, Expr step) {
      this.receiver = receiver;
      this.lo = lo;
      this.hi = hi;
      this.step = step;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      return Access.slice(receiver.eval(ns), opt(lo, ns), opt(hi, ns), opt(step, ns));
    }

    private static Object opt(Expr e, Map<String, Object> ns) {
      return e == null ? null : e.eval(ns);
    }
  }

  static final class Call extends Expr {
    final Expr fn;
    final List<Expr> args;
    final List<String> kwNames;
    final List<Expr> kwValues;

    Call(Expr fn, List<Expr> args, List<String> kwNames, List<Expr> kwValues) {
      this.fn = fn;
      this.args = args;
      this.kwNames = kwNames;
      this.kwValues = kwValues;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object f = fn.eval(ns);
      List<Object> a = new ArrayList<>(args.size());
      for (Expr arg : args) {
        a.add(arg.eval(ns));
      }
      Map<String, Object> k = kwNames.isEmpty() ? Map.of() : new LinkedHashMap<>();
      for (int i = 0; i < kwNames.size(); i++) {
        k.put(kwNames.get(i), kwValues.get(i).eval(ns));
      }
      return Calls.call(f, a, k);
    }
  }

  static final class Binary extends Expr {
    final String op;
    final Expr left;
    final Expr right;

    Binary(String op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object a = left.eval(ns);
      Object b = right.eval(ns);
      switch (op) {
        case "+": return Arith.add(a, b);
        case "-": return Arith.sub(a, b);
        case "*": return Arith.mul(a, b);
        case "/": return Arith.trueDiv(a, b);
        case "//": return Arith.floorDiv(a, b);
        case "%": return Arith.mod(a, b);
        default: return Arith.pow(a, b);
      }
    }
  }

  static final class Unary extends Expr {
    final String op;
    final Expr operand;

    Unary(String op, Expr operand) {
      this.op = op;
      this.operand = operand;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object v = operand.eval(ns);
      switch (op) {
        case "not": return !Py.truthy(v);
        case "-": return Arith.neg(v);
        case "+": return Arith.pos(v);
        default: return Arith.invert(v);
      }
    }
  }

  static final class Logical extends Expr {
    final boolean and;
    final Expr left;
    final Expr right;

    Logical(boolean and, Expr left, Expr right) {
      this.and = and;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object a = left.eval(ns);
      return Py.truthy(a) == and ? right.eval(ns) : a;
    }
  }

  static final class Compare extends Expr {
    final List<Expr> operands;
    final List<String> ops;

    Compare(List<Expr> operands, List<String> ops) {
      this.operands = operands;
      this.ops = ops;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Object a = operands.get(0).eval(ns);
      for (int i = 0; i < ops.size(); i++) {
        Object b = operands.get(i + 1).eval(ns);
        if (!test(ops.get(i), a, b)) {
          return false;
        }
        a = b;
      }
      return true;
    }

    private static boolean test(String op, Object a, Object b) {
      switch (op) {
        case "==": return Py.equal(a, b);
        case "!=": return !Py.equal(a, b);
        case "<": return Py.compare(a, b, op) < 0;
        case "<=": { int c = Py.compare(a, b, op); return c <= 0; }
        case ">": { int c = Py.compare(a, b, op); return c > 0 && c != 2; }
        case ">=": { int c = Py.compare(a, b, op); return c >= 0 && c != 2; }
        case "in": return Py.contains(b, a);
        case "not in": return !Py.contains(b, a);
        case "is": return same(a, b);
        default: return !same(a, b);
      }
    }

    private static boolean same(Object a, Object b) {
      return a == b || a instanceof Boolean && a.equals(b)
          || a instanceof Long && a.equals(b) && Math.abs((Long) a) <= 256;
    }
  }

  static final class Conditional extends Expr {
    final Expr test;
    final Expr body;
    final Expr orElse;

    Conditional(Expr test, Expr body, Expr orElse) {
      this.test = test;
      this.body = body;
      this.orElse = orElse;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      return Py.truthy(test.eval(ns)) ? body.eval(ns) : orElse.eval(ns);
    }
  }

  /** {@code [elt for target in iter if cond]}; the target stays local as in Python 3. */
  static final class ListComp extends Expr {
    final Expr element;
    final Target target;
    final Expr iterable;
    final Expr condition;

    ListComp(Expr element, Target target, Expr iterable, Expr condition) {
      this.element = element;
      this.target = target;
      this.iterable = iterable;
      this.condition = condition;
    }

    @Override
    Object eval(Map<String, Object> ns) {
      Map<String, Object> local = new java.util.HashMap<>(ns);
      List<Object> out = new ArrayList<>();
      for (java.util.Iterator<?> it = Py.iterate(iterable.eval(ns)); it.hasNext(); ) {
        target.assign(local, it.next());
        if (condition == null || Py.truthy(condition.eval(local))) {
          out.add(element.eval(local));
        }
      }
      return out;
    }
  }

  /** An assignment target: a name or a (nested) tuple of names. */
  static final class Target {
    final String name;
    final List<Target> parts;

    Target(String name, List<Target> parts) {
      this.name = name;
      this.parts = parts;
    }

    void assign(Map<String, Object> ns, Object value) {
      if (name != null) {
        ns.put(name, value);
        return;
      }
      List<Object> values = Py.toList(value);
      if (values.size() != parts.size()) {
        throw new PythonError("ValueError", values.size() > parts.size()
            ? "too many values to unpack (expected " + parts.size() + ")"
            : "not enough values to unpack (expected " + parts.size() + ", got "
                + values.size() + ")");
      }
      for (int i = 0; i < parts.size(); i++) {
        parts.get(i).assign(ns, values.get(i));
      }
    }
  }
}
