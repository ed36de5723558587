package io.jornado.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The expression subset against CPython: expressions.json holds each expression with the str() of
 * CPython's result (written by make_expressions.py), or the exception type and message it raises.
 */
class ExpressionTableTest {
  private static final Map<String, Object> TABLE = load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = ExpressionTableTest.class.getResourceAsStream(
        "/template/expressions.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> namespace() {
    return (Map<String, Object>) TABLE.get("namespace");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> rows(String key) {
    return (List<Map<String, String>>) TABLE.get(key);
  }

  static String render(String expr) {
    boolean directive = !expr.contains("%}");
    assertFalse(!directive && expr.contains("}}"), expr);
    String source = directive ? "{% raw " + expr + " %}" : "{{ " + expr + " }}";
    return Template.withAutoescape(source, "table", null, null, null)
        .generate(namespace());
  }

  @TestFactory
  Stream<DynamicTest> strOfEachExpressionMatchesCPython() {
    assertTrue(rows("cases").size() >= 150);
    return rows("cases").stream().map(row -> DynamicTest.dynamicTest(row.get("expr"),
        () -> assertEquals(row.get("str"), render(row.get("expr")), row.get("expr"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void floatsPrintAsPythonReprWithShortestRoundTripDigits() {
    Template t = Template.withAutoescape("{{ x }}", "floats", null, null, null);
    List<List<String>> floats = (List<List<String>>) TABLE.get("floats");
    assertTrue(floats.size() >= 300);
    for (List<String> f : floats) {
      double value = Double.parseDouble(f.get(1));
      assertEquals(f.get(0), t.generate(Map.of("x", value)), f.get(1));
    }
  }

  @TestFactory
  Stream<DynamicTest> errorsMatchCPythonTypeAndMessage() {
    return rows("errors").stream().map(row -> DynamicTest.dynamicTest(row.get("expr"), () -> {
      PythonError e = assertThrows(PythonError.class, () -> render(row.get("expr")));
      assertEquals(row.get("type") + ": " + row.get("message"),
          e.pythonType() + ": " + e.pythonMessage(), row.get("expr"));
      assertEquals("table", e.template());
      assertEquals(1, e.line());
      assertEquals(row.get("expr"), e.expression());
    }));
  }
}
