package io.jornado.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Attribute access, calls and errors over plain Java values (records, beans, fields, maps). */
class ExpressionJavaValuesTest {
  record User(String name, int age) {}

  /** A bean with a getter, a boolean getter, a public field and a method. */
  public static final class Bean {
    public final String field = "f";

    public String getTitle() {
      return "T";
    }

    public boolean isActive() {
      return true;
    }

    public String greet(String who, int times) {
      return ("hi " + who + " ").repeat(times).strip();
    }
  }

  private static String raw(String expr, Map<String, ?> args) {
    return Template.withAutoescape("{% raw " + expr + " %}", "t.txt", null, null, null)
        .generate(args);
  }

  @Test
  void attributesResolveRecordComponentsGettersFieldsAndMapKeys() {
    Map<String, Object> args = Map.of("u", new User("Ann", 30), "b", new Bean(),
        "m", Map.of("k", "v"));
    assertEquals("Ann 30", raw("'%s %d' % (u.name, u.age)", args));
    assertEquals("T True f", raw("' '.join([b.title, str(b.active), b.field])", args));
    assertEquals("hi x hi x", raw("b.greet('x', 2)", args));
    assertEquals("v", raw("m.k", args));
  }

  @Test
  void dictMethodsWinOverKeysOfTheSameNameAsOnObjectDict() {
    Map<String, Object> order = Map.of("items", List.of(1), "total", 3);
    assertEquals("2 3", raw("'%d %d' % (len(o.items()), o.total)", Map.of("o", order)));
    assertEquals("[1]", raw("o['items']", Map.of("o", order)));
  }

  @Test
  void membersOfNonPublicClassesAreReadable() {
    Object hidden = io.jornado.template.fixtures.HiddenBean.create();
    assertEquals("L 2 6", raw("'%s %d %d' % (h.label, h.count, h.twice(3))", Map.of("h", hidden)));
  }

  @Test
  void badWhitespaceDirectiveIsAParseErrorWithTheLine() {
    TemplateParseError e = assertThrows(TemplateParseError.class,
        () -> new Template("a\n{% whitespace tidy %}", "w.html"));
    assertEquals("invalid whitespace mode tidy at w.html:2", e.getMessage());
  }

  @Test
  void oneCallSiteServesReceiversOfDifferentClasses() {
    Template t = Template.withAutoescape("{% for x in xs %}{{ x.name }},{% end %}", "t", null,
        null, null);
    assertEquals("Ann,Bob,Cy,", t.generate(Map.of("xs",
        List.of(new User("Ann", 1), Map.of("name", "Bob"), new User("Cy", 2)))));
  }

  @Test
  void javaFunctionsAndTemplateFunctionsAreCallable() {
    Function<Object, Object> twice = x -> x + "" + x;
    TemplateFunction join = (a, k) -> a.get(0) + (String) k.getOrDefault("sep", "-") + a.get(1);
    assertEquals("abab 1+2", raw("twice('ab') + ' ' + join(1, 2, sep='+')",
        Map.of("twice", twice, "join", join)));
  }

  @Test
  void integersFromJavaActAsPythonInts() {
    assertEquals("[3, 1.0, True]", raw("[i + 1, i / 2, i == 2.0]", Map.of("i", 2)));
  }

  @Test
  void runtimeErrorsNameTemplateLineAndExpression() {
    Template t = new Template("a\n{{ x }}", "page.html");
    PythonError e = assertThrows(PythonError.class, () -> t.generate(Map.of()));
    assertEquals("NameError: name 'x' is not defined at page.html:2 in x", e.getMessage());
    PythonError attr = assertThrows(PythonError.class,
        () -> raw("u.nope", Map.of("u", new User("a", 1))));
    assertEquals("AttributeError: 'User' object has no attribute 'nope' at t.txt:1 in u.nope",
        attr.getMessage());
  }

  @Test
  void constructsOutsideTheSubsetAreParseErrorsNamingTheConstruct() {
    String[][] cases = {
        {"{{ lambda x: x }}", "Unsupported Python in 'lambda x: x': lambda expressions"},
        {"\n{{ a | b }}", "Unsupported Python in 'a | b': bitwise operator '|'"},
        {"{{ f'x' }}", "Unsupported Python in \"f'x'\": f-strings"},
        {"{{ {1, 2} }}", "Unsupported Python in '{1, 2}': set displays and comprehensions"},
        {"{{ f(*a) }}", "Unsupported Python in 'f(*a)': argument unpacking (*args, **kwargs)"},
        {"{% set x.y = 1 %}", "Unsupported Python in 'x.y = 1': assignment to an attribute or item"},
        {"{{ 1 + }}", "Unsupported Python in '1 +': syntax: unexpected end of expression"},
    };
    for (String[] c : cases) {
      TemplateParseError e = assertThrows(TemplateParseError.class, () -> new Template(c[0], "x.html"));
      assertEquals(c[1], e.message(), c[0]);
      assertEquals(c[0].startsWith("\n") ? 2 : 1, e.lineno(), c[0]);
      assertEquals(c[1] + " at x.html:" + e.lineno(), e.getMessage());
    }
  }
}
