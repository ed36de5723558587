package io.jornado.template;

import io.jornado.template.Lexer.Kind;
import io.jornado.template.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the Python expression subset. Anything else is an IllegalArgumentException whose message
 * names the construct, which the template parser turns into a TemplateParseError.
 */
final class ExprParser {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else",
      "for", "lambda", "None", "True", "False", "await", "yield", "def", "class", "return", "import",
      "from", "as", "with", "while", "try", "except", "finally", "pass", "break", "continue", "del",
      "global", "nonlocal", "raise", "assert", "elif", "async");
  private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private int pos;

  private ExprParser(String src) {
    this.tokens = Lexer.tokenize(src);
  }

  /** A whole expression; a top-level comma makes a tuple as in Python. */
  static Expr parse(String src) {
    ExprParser p = new ExprParser(src);
    if (p.peek().kind() == Kind.END) {
      throw new IllegalArgumentException("empty expression");
    }
    Expr e = p.testList();
    p.expectEnd();
    return e;
  }

  /** {@code target in iterable}, as a for directive writes it. */
  static Object[] parseFor(String src) {
    ExprParser p = new ExprParser(src);
    Expr.Target target = p.target();
    p.expect("in");
    Expr iterable = p.testList();
    p.expectEnd();
    return new Object[] {target, iterable};
  }

  /** {@code a = expr}, {@code a, b = expr} or {@code a += expr}: target, operator or "=", value. */
  static Object[] parseAssignment(String src) {
    ExprParser p = new ExprParser(src);
    Expr.Target target = p.target();
    Token op = p.next();
    if (op.kind() != Kind.OP || !op.text().endsWith("=") || COMPARE.contains(op.text())) {
      throw new IllegalArgumentException("statement " + Py.repr(src)
          + " (only assignments are supported)");
    }
    if (!op.text().equals("=") && target.name == null) {
      throw new IllegalArgumentException("augmented assignment to a tuple");
    }
    Expr value = p.testList();
    if (p.peek().is("=")) {
      throw new IllegalArgumentException("chained assignment");
    }
    p.expectEnd();
    return new Object[] {target, op.text(), value};
  }

  static Expr.Target parseTarget(String src) {
    ExprParser p = new ExprParser(src);
    Expr.Target t = p.target();
    p.expectEnd();
    return t;
  }

  private Expr.Target target() {
    List<Expr.Target> parts = new ArrayList<>();
    boolean tuple = false;
    do {
      if (peek().kind() == Kind.END || peek().is("in") || peek().is("=")) {
        break;
      }
      parts.add(targetAtom());
      if (!peek().is(",")) {
        break;
      }
      next();
      tuple = true;
    } while (true);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("missing assignment target");
    }
    return tuple ? new Expr.Target(null, parts) : parts.get(0);
  }

  private Expr.Target targetAtom() {
    Token t = next();
    if (t.is("(") || t.is("[")) {
      String close = t.is("(") ? ")" : "]";
      Expr.Target inner = target();
      expect(close);
      return inner.name != null && t.is("[") ? new Expr.Target(null, List.of(inner)) : inner;
    }
    if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
      throw new IllegalArgumentException("assignment target " + Py.repr(t.text())
          + " (only names and tuples of names)");
    }
    if (peek().is(".") || peek().is("[")) {
      throw new IllegalArgumentException("assignment to an attribute or item");
    }
    return new Expr.Target(t.text(), null);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private void expect(String op) {
    Token t = next();
    if (!t.is(op)) {
      throw new IllegalArgumentException("syntax: expected '" + op + "' but found "
          + describe(t));
    }
  }

  private void expectEnd() {
    if (peek().kind() != Kind.END) {
      Token t = peek();
      throw new IllegalArgumentException(t.is("=") || t.text().endsWith("=") && !COMPARE.contains(
          t.text()) && t.kind() == Kind.OP ? "assignment in an expression"
          : "syntax: unexpected " + describe(t));
    }
  }

  private static String describe(Token t) {
    return t.kind() == Kind.END ? "end of expression" : Py.repr(t.text());
  }

  private Expr testList() {
    Expr first = test();
    if (!peek().is(",")) {
      return first;
    }
    List<Expr> items = new ArrayList<>(List.of(first));
    while (peek().is(",")) {
      next();
      if (endsList()) {
        break;
      }
      items.add(test());
    }
    return new Expr.Display('(', items, null);
  }

  private boolean endsList() {
    Token t = peek();
    return t.kind() == Kind.END || t.is(")") || t.is("]") || t.is("}") || t.is("=")
        || t.is(":");
  }

  private Expr test() {
    if (peek().is("lambda")) {
      throw new IllegalArgumentException("lambda expressions");
    }
    Expr body = orTest();
    if (peek().is("if")) {
      next();
      Expr cond = orTest();
      expect("else");
      Expr orElse = test();
      return new Expr.Conditional(cond, body, orElse);
    }
    return body;
  }

  private Expr orTest() {
    Expr left = andTest();
    while (peek().is("or")) {
      next();
      left = new Expr.Logical(false, left, andTest());
    }
    return left;
  }

  private Expr andTest() {
    Expr left = notTest();
    while (peek().is("and")) {
      next();
      left = new Expr.Logical(true, left, notTest());
    }
    return left;
  }

  private Expr notTest() {
    if (peek().is("not")) {
      next();
      return new Expr.Unary("not", notTest());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr first = arith();
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<String> ops = new ArrayList<>();
    while (true) {
      Token t = peek();
      String op;
      if (t.kind() == Kind.OP && COMPARE.contains(t.text())) {
        op = t.text();
        next();
      } else if (t.is("in")) {
        op = "in";
        next();
      } else if (t.is("not") && tokens.get(pos + 1).is("in")) {
        op = "not in";
        pos += 2;
      } else if (t.is("is")) {
        next();
        op = "is";
        if (peek().is("not")) {
          next();
          op = "is not";
        }
      } else {
        break;
      }
      ops.add(op);
      operands.add(arith());
    }
    return ops.isEmpty() ? first : new Expr.Compare(operands, ops);
  }

  private Expr arith() {
    Expr left = term();
    while (peek().is("+") || peek().is("-")) {
      String op = next().text();
      left = new Expr.Binary(op, left, term());
    }
    if (peek().is("|") || peek().is("&") || peek().is("^") || peek().is("<<")
        || peek().is(">>")) {
      throw new IllegalArgumentException("bitwise operator '" + peek().text() + "'");
    }
    return left;
  }

  private Expr term() {
    Expr left = factor();
    while (peek().is("*") || peek().is("/") || peek().is("//") || peek().is("%")) {
      String op = next().text();
      left = new Expr.Binary(op, left, factor());
    }
    if (peek().is("@")) {
      throw new IllegalArgumentException("operator '@'");
    }
    return left;
  }

  private Expr factor() {
    if (peek().is("-") || peek().is("+") || peek().is("~")) {
      String op = next().text();
      Expr operand = factor();
      if (op.equals("-") && operand instanceof Expr.Const
          && Py.isNumber(((Expr.Const) operand).value)) {
        return new Expr.Const(Arith.neg(((Expr.Const) operand).value));
      }
      return new Expr.Unary(op, operand);
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    if (peek().is("**")) {
      next();
      return new Expr.Binary("**", base, factor());
    }
    return base;
  }

  private Expr primary() {
    Expr e = atom();
    while (true) {
      if (peek().is(".")) {
        next();
        Token name = next();
        if (name.kind() != Kind.NAME) {
          throw new IllegalArgumentException("syntax: attribute name expected after '.'");
        }
        e = new Expr.Attribute(e, name.text());
      } else if (peek().is("(")) {
        next();
        e = call(e);
      } else if (peek().is("[")) {
        next();
        e = subscript(e);
      } else {
        return e;
      }
    }
  }

  private Expr call(Expr fn) {
    List<Expr> args = new ArrayList<>();
    List<String> kwNames = new ArrayList<>();
    List<Expr> kwValues = new ArrayList<>();
    while (!peek().is(")")) {
      if (peek().is("*") || peek().is("**")) {
        throw new IllegalArgumentException("argument unpacking (*args, **kwargs)");
      }
      if (peek().kind() == Kind.NAME && tokens.get(pos + 1).is("=")) {
        kwNames.add(next().text());
        next();
        kwValues.add(test());
      } else {
        if (!kwNames.isEmpty()) {
          throw new IllegalArgumentException("positional argument follows keyword argument");
        }
        Expr arg = test();
        args.add(peek().is("for") ? comprehension(arg) : arg);
      }
      if (!peek().is(",")) {
        break;
      }
      next();
    }
    expect(")");
    return new Expr.Call(fn, args, kwNames, kwValues);
  }

  private Expr subscript(Expr receiver) {
    Expr lo = null;
    if (!peek().is(":")) {
      lo = testList();
      if (peek().is("]")) {
        next();
        return new Expr.Index(receiver, lo);
      }
    }
    expect(":");
    Expr hi = peek().is(":") || peek().is("]") ? null : test();
    Expr step = null;
    if (peek().is(":")) {
      next();
      step = peek().is("]") ? null : test();
    }
    expect("]");
    return new Expr.Slice(receiver, lo, hi, step);
  }

  private Expr atom() {
    Token t = next();
    switch (t.kind()) {
      case INT: case FLOAT:
        return new Expr.Const(t.value());
      case STRING: {
        StringBuilder s = new StringBuilder((String) t.value());
        while (peek().kind() == Kind.STRING) {
          s.append((String) next().value());
        }
        return new Expr.Const(s.toString());
      }
      case NAME:
        switch (t.text()) {
          case "None": return new Expr.Const(null);
          case "True": return new Expr.Const(true);
          case "False": return new Expr.Const(false);
          case "lambda": throw new IllegalArgumentException("lambda expressions");
          case "await": case "yield":
            throw new IllegalArgumentException("'" + t.text() + "' expressions");
          default:
            if (KEYWORDS.contains(t.text())) {
              throw new IllegalArgumentException("syntax: unexpected keyword '" + t.text() + "'");
            }
            return new Expr.Name(t.text());
        }
      case END:
        throw new IllegalArgumentException("syntax: unexpected end of expression");
      default:
        break;
    }
    if (t.is("(")) {
      if (peek().is(")")) {
        next();
        return new Expr.Display('(', List.of(), null);
      }
      Expr inner = test();
      if (peek().is("for")) {
        inner = comprehension(inner);
        expect(")");
        return inner;
      }
      if (peek().is(",")) {
        List<Expr> items = new ArrayList<>(List.of(inner));
        while (peek().is(",")) {
          next();
          if (peek().is(")")) {
            break;
          }
          items.add(test());
        }
        inner = new Expr.Display('(', items, null);
      }
      expect(")");
      return inner;
    } else if (t.is("[")) {
      return list();
    } else if (t.is("{")) {
      return dict();
    }
    throw new IllegalArgumentException("syntax: unexpected " + describe(t));
  }

  private Expr list() {
    List<Expr> items = new ArrayList<>();
    if (!peek().is("]")) {
      Expr first = test();
      if (peek().is("for")) {
        Expr comp = comprehension(first);
        expect("]");
        return comp;
      }
      items.add(first);
      while (peek().is(",")) {
        next();
        if (peek().is("]")) {
          break;
        }
        items.add(test());
      }
    }
    expect("]");
    return new Expr.Display('[', items, null);
  }

  private Expr comprehension(Expr element) {
    next();
    Expr.Target target = target();
    expect("in");
    Expr iterable = orTest();
    Expr cond = null;
    if (peek().is("if")) {
      next();
      cond = orTest();
    }
    if (peek().is("for") || peek().is("if")) {
      throw new IllegalArgumentException("comprehensions with several for or if clauses");
    }
    return new Expr.ListComp(element, target, iterable, cond);
  }

  private Expr dict() {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!peek().is("}")) {
      if (peek().is("**")) {
        throw new IllegalArgumentException("dict unpacking (**)");
      }
      keys.add(test());
      if (!peek().is(":")) {
        throw new IllegalArgumentException("set displays and comprehensions");
      }
      next();
      values.add(test());
      if (peek().is("for")) {
        throw new IllegalArgumentException("dict comprehensions");
      }
      if (!peek().is(",")) {
        break;
      }
      next();
    }
    expect("}");
    return new Expr.Display('{', keys, values);
  }
}
