package io.jornado.template;

import java.util.List;
import java.util.Map;

/** One run of a template: the output so far, the namespace, and the blocks in effect. */
final class Render {
  final StringBuilder out = new StringBuilder();
  final Map<String, Object> ns;
  final Map<String, Blocks.Named> blocks;

  Render(Map<String, Object> ns, Map<String, Blocks.Named> blocks) {
    this.ns = ns;
    this.blocks = blocks;
  }

  /** Evaluates an expression, tagging any error with where it happened. */
  Object eval(Node node, Template template, String source, Expr expr) {
    try {
      return expr.eval(ns);
    } catch (PythonError e) {
      throw e.at(template.name(), node.line, source);
    } catch (StackOverflowError | RuntimeException e) {
      throw PythonError.of(e instanceof StackOverflowError
          ? new PythonError("RecursionError", "maximum recursion depth exceeded") : e)
          .at(template.name(), node.line, source);
    }
  }

  /** Calls a function with one string argument and returns its result as text. */
  String call(Node node, Template template, String source, Object fn, String arg) {
    Object result;
    try {
      result = Calls.call(fn, List.of(arg));
    } catch (PythonError e) {
      throw e.at(template.name(), node.line, source);
    }
    if (result == null) {
      return "";
    } else if (!(result instanceof String)) {
      throw new PythonError("TypeError", "Expected bytes, unicode, or None; got <class '"
          + Py.typeName(result) + "'>").at(template.name(), node.line, source);
    }
    return (String) result;
  }

  /** {@code break} and {@code continue}, unwinding to the innermost loop. */
  static final class LoopSignal extends RuntimeException {
    static final LoopSignal BREAK = new LoopSignal();
    static final LoopSignal CONTINUE = new LoopSignal();

    private LoopSignal() {
      super(null, null, false, false);
    }
  }
}
