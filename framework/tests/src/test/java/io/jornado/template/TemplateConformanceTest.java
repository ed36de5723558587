package io.jornado.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornado.util.PythonText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case of conformance.json (written by make_expected.py with Tornado 6.5.7) through
 * a DictLoader and compares the bytes, or the error's type and text.
 */
class TemplateConformanceTest {
  /** The functions make_expected.py's FIXTURES define, with the same behaviour. */
  private static final Map<String, Object> FIXTURES = Map.of(
      "shout", (TemplateFunction) (a, k) -> ((String) a.get(0)).toUpperCase() + "!",
      "wrap", (TemplateFunction) (a, k) -> "<b>" + a.get(0) + "</b>",
      "_tt_modules", Map.of("Bold", (TemplateFunction) (a, k) -> "<b>" + a.get(0) + "</b>"),
      "py_escape", (TemplateFunction) (a, k) -> PythonText.repr((String) a.get(0)));
  private static final Pattern PY_SET = Pattern.compile("\\{('[^{}]*')\\}");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    try (InputStream in = TemplateConformanceTest.class.getResourceAsStream(
        "/template/conformance.json")) {
      return new ObjectMapper().readValue(in, List.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> tornadoOutputIsReproduced() {
    List<Map<String, Object>> cases = cases();
    assertTrue(cases.size() >= 60);
    return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> run(c)));
  }

  @SuppressWarnings("unchecked")
  private static void run(Map<String, Object> c) {
    Map<String, String> templates = (Map<String, String>) c.get("templates");
    Map<String, Object> options = (Map<String, Object>) c.get("options");
    Map<String, Object> args = new HashMap<>(FIXTURES);
    args.putAll((Map<String, Object>) c.get("args"));
    Map<String, String> error = (Map<String, String>) c.get("error");
    try {
      DictLoader loader = new DictLoader(templates,
          options.containsKey("autoescape") ? (String) options.get("autoescape")
              : Template.DEFAULT_AUTOESCAPE,
          null, (String) options.get("whitespace"));
      byte[] out = loader.load((String) c.get("main")).generateBytes(args);
      if (error != null) {
        fail("expected " + error + " but rendered " + new String(out, StandardCharsets.UTF_8));
      }
      assertArrayEquals(((String) c.get("output")).getBytes(StandardCharsets.UTF_8), out,
          () -> "rendered " + new String(out, StandardCharsets.UTF_8));
    } catch (TemplateParseError e) {
      assertNotNull(error, () -> "unexpected " + e);
      assertEquals("ParseError: " + error.get("message"), "ParseError: " + sortedSets(e.getMessage()));
    } catch (PythonError e) {
      assertNotNull(error, () -> "unexpected " + e);
      assertEquals(error.get("type") + ": " + error.get("message"),
          e.pythonType() + ": " + e.pythonMessage());
      if (error.get("where") != null) {
        assertEquals(error.get("where"), e.template() + ":" + e.line());
      }
    }
  }

  /** make_expected.py sorts the items of the Python sets in messages; so do we. */
  private static String sortedSets(String message) {
    return PY_SET.matcher(message).replaceAll(m -> {
      List<String> items = new java.util.ArrayList<>(List.of(m.group(1).split(", ")));
      java.util.Collections.sort(items);
      return Matcher.quoteReplacement("{" + String.join(", ", items) + "}");
    });
  }
}
