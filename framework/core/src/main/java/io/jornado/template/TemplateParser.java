package io.jornado.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads template source into a node tree, following Tornado's _parse. */
final class TemplateParser {
  private static final Map<String, List<String>> INTERMEDIATE = Map.of(
      "else", List.of("if", "for", "while", "try"),
      "elif", List.of("if"),
      "except", List.of("try"),
      "finally", List.of("try"));
  private static final Set<String> SIMPLE = Set.of("extends", "include", "set", "import", "from",
      "comment", "autoescape", "whitespace", "raw", "module");

  private final Template template;
  private final BaseLoader loader;
  private final String name;
  private final String text;
  private String whitespace;
  private int pos;
  private int line = 1;

  private TemplateParser(Template template, BaseLoader loader, String text, String whitespace) {
    this.template = template;
    this.loader = loader;
    this.name = template.name();
    this.text = text;
    this.whitespace = whitespace;
  }

  static Node.Body parse(Template template, BaseLoader loader, String text, String whitespace) {
    return new TemplateParser(template, loader, text, whitespace).parse(null, false);
  }

  private int find(String needle, int from) {
    int i = text.indexOf(needle, pos + from);
    return i < 0 ? -1 : i - pos;
  }

  private String consume(int count) {
    String s = text.substring(pos, pos + count);
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    pos += count;
    return s;
  }

  private int remaining() {
    return text.length() - pos;
  }

  private char at(int i) {
    return text.charAt(pos + i);
  }

  private TemplateParseError error(String message) {
    return new TemplateParseError(message, name, line);
  }

  private Node.Body parse(String inBlock, boolean inLoop) {
    Node.Body body = new Node.Body(line);
    while (true) {
      int curly = 0;
      while (true) {
        curly = find("{", curly);
        if (curly == -1 || curly + 1 == remaining()) {
          if (inBlock != null) {
            throw error("Missing {% end %} block for " + inBlock);
          }
          body.nodes.add(new Node.Text(consume(remaining()), line, whitespace));
          return body;
        }
        char next = at(curly + 1);
        if (next != '{' && next != '%' && next != '#') {
          curly++;
          continue;
        }
        if (curly + 2 < remaining() && next == '{' && at(curly + 2) == '{') {
          curly++;
          continue;
        }
        break;
      }
      if (curly > 0) {
        int textLine = line;
        body.nodes.add(new Node.Text(consume(curly), textLine, whitespace));
      }
      String startBrace = consume(2);
      int startLine = line;
      if (remaining() > 0 && at(0) == '!') {
        consume(1);
        body.nodes.add(new Node.Text(startBrace, startLine, whitespace));
        continue;
      }
      if (startBrace.equals("{#")) {
        int end = find("#}", 0);
        if (end == -1) {
          throw error("Missing end comment #}");
        }
        consume(end);
        consume(2);
        continue;
      }
      if (startBrace.equals("{{")) {
        int end = find("}}", 0);
        if (end == -1) {
          throw error("Missing end expression }}");
        }
        String contents = consume(end).strip();
        consume(2);
        if (contents.isEmpty()) {
          throw error("Empty expression");
        }
        body.nodes.add(new Node.Output(template, contents, expr(contents, startLine), startLine,
            false));
        continue;
      }
      int end = find("%}", 0);
      if (end == -1) {
        throw error("Missing end block %}");
      }
      String contents = consume(end).strip();
      consume(2);
      if (contents.isEmpty()) {
        throw error("Empty block tag ({% %})");
      }
      int space = contents.indexOf(' ');
      String operator = space < 0 ? contents : contents.substring(0, space);
      String suffix = space < 0 ? "" : contents.substring(space + 1).strip();
      Node node = directive(operator, suffix, contents, inBlock, inLoop, startLine);
      if (node == END) {
        return body;
      } else if (node != null) {
        body.nodes.add(node);
      }
    }
  }

  private static final Node END = new Node.Body(0);

  private Node directive(String operator, String suffix, String contents, String inBlock,
      boolean inLoop, int startLine) {
    List<String> parents = INTERMEDIATE.get(operator);
    if (parents != null) {
      if (inBlock == null) {
        throw error(operator + " outside " + pySet(parents) + " block");
      } else if (!parents.contains(inBlock)) {
        throw error(operator + " block cannot be attached to " + inBlock + " block");
      }
      return new Node.Intermediate(operator, suffix, startLine);
    } else if (operator.equals("end")) {
      if (inBlock == null) {
        throw error("Extra {% end %} block");
      }
      return END;
    } else if (SIMPLE.contains(operator)) {
      return simple(operator, suffix, contents, startLine);
    } else if (List.of("apply", "block", "try", "if", "for", "while").contains(operator)) {
      boolean loop = operator.equals("for") || operator.equals("while");
      Node.Body blockBody = parse(operator, operator.equals("apply") ? false : loop || inLoop);
      return Structure.build(this, operator, suffix, contents, blockBody, startLine);
    } else if (operator.equals("break") || operator.equals("continue")) {
      if (!inLoop) {
        throw error(operator + " outside " + pySet(List.of("for", "while")) + " block");
      }
      if (!suffix.isEmpty()) {
        throw errorAt("syntax: unexpected " + Py.repr(suffix) + " after " + operator, startLine);
      }
      return new Control.Jump(operator.equals("break") ? Render.LoopSignal.BREAK
          : Render.LoopSignal.CONTINUE, startLine);
    }
    throw error("unknown operator: " + Py.repr(operator));
  }

  /** Python prints a set in hash order, which varies between runs; we use the listed order. */
  private static String pySet(List<String> items) {
    List<String> quoted = new ArrayList<>();
    items.forEach(i -> quoted.add(Py.repr(i)));
    return "{" + String.join(", ", quoted) + "}";
  }

  private Node simple(String operator, String suffix, String contents, int startLine) {
    switch (operator) {
      case "comment":
        return null;
      case "extends": {
        String file = stripQuotes(suffix);
        if (file.isEmpty()) {
          throw error("extends missing file path");
        }
        return new Blocks.Extends(file, startLine);
      }
      case "include": {
        String file = stripQuotes(suffix);
        if (file.isEmpty()) {
          throw error("include missing file path");
        }
        return new Blocks.Include(file, name, loader, startLine);
      }
      case "import": case "from":
        if (suffix.isEmpty()) {
          throw error("import missing statement");
        }
        return importNode(operator, suffix, contents, startLine);
      case "set": {
        if (suffix.isEmpty()) {
          throw error("set missing statement");
        }
        Object[] parts = syntax(suffix, () -> ExprParser.parseAssignment(suffix), startLine);
        return new Control.Set(new Control.Clause(template, suffix, (Expr) parts[2]),
            (Expr.Target) parts[0], (String) parts[1], startLine);
      }
      case "autoescape":
        template.setAutoescape(suffix.equals("None") ? null : suffix);
        return null;
      case "whitespace":
        try {
          Whitespace.filter(suffix, "");
        } catch (IllegalArgumentException e) {
          throw errorAt(e.getMessage(), startLine);
        }
        whitespace = suffix;
        return null;
      case "raw":
        return new Node.Output(template, suffix, expr(suffix, startLine), startLine, true);
      default: {
        String source = "_tt_modules." + suffix;
        return new Node.Output(template, source, expr(source, startLine), startLine, true);
      }
    }
  }

  private static String stripQuotes(String s) {
    return stripChar(stripChar(s, '"'), '\'');
  }

  private static String stripChar(String s, char c) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == c) {
      start++;
    }
    while (end > start && s.charAt(end - 1) == c) {
      end--;
    }
    return s.substring(start, end);
  }

  private Node importNode(String operator, String suffix, String contents, int startLine) {
    Map<String, String> names = new LinkedHashMap<>();
    String module;
    String ident = "[A-Za-z_][A-Za-z_0-9]*";
    String dotted = ident + "(?:\\." + ident + ")*";
    if (operator.equals("import")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "(" + dotted + ")(?:\\s+as\\s+(" + ident + "))?").matcher(suffix);
      if (!m.matches() || m.group(1).contains(".") && m.group(2) == null) {
        throw errorAt("unsupported import " + Py.repr(contents)
            + " (one module, dotted names need 'as')", startLine);
      }
      module = m.group(1);
      names.put(null, m.group(2) != null ? m.group(2) : module);
    } else {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "(" + dotted + ")\\s+import\\s+(.+)").matcher(suffix);
      if (!m.matches()) {
        throw errorAt("unsupported import " + Py.repr(contents), startLine);
      }
      module = m.group(1);
      for (String part : m.group(2).split(",")) {
        String[] words = part.strip().split("\\s+as\\s+");
        if (!words[0].matches(ident) || words.length > 1 && !words[1].matches(ident)) {
          throw errorAt("unsupported import " + Py.repr(contents), startLine);
        }
        names.put(words[0], words.length > 1 ? words[1] : words[0]);
      }
    }
    return new Control.Import(template, contents, module, names, startLine);
  }

  Expr expr(String source, int at) {
    return syntax(source, () -> ExprParser.parse(source), at);
  }

  <T> T syntax(String source, java.util.function.Supplier<T> parse, int at) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw errorAt("Unsupported Python in " + Py.repr(source) + ": " + e.getMessage(), at);
    }
  }

  TemplateParseError errorAt(String message, int at) {
    return new TemplateParseError(message, name, at);
  }

  Template template() {
    return template;
  }
}
