package io.jornado.escape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Tornado table cannot show: Java types, nulls and the wording of refusals. */
class EscapeTest {
  @Test
  void jsonDecodeGivesLongBigIntegerDoubleAndInsertionOrderedMaps() {
    Object value = Escape.jsonDecode("{\"b\": 1, \"a\": [9223372036854775808, 2.0, \"x\"], \"b\": null}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", null);
    expected.put("a", List.of(new BigInteger("9223372036854775808"), 2.0, "x"));
    assertEquals(expected, value);
    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) value).keySet()));
    assertEquals(Long.class, Escape.jsonDecode("7").getClass());
  }

  @Test
  void refusalsNameTheOffendingValue() {
    IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
        () -> Escape.jsonDecode("[1,]"));
    assertEquals("Expecting value: line 1 column 4 (char 3)", json.getMessage());
    IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
        () -> Escape.urlEscape("a\ud800"));
    assertEquals("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
        surrogate.getMessage());
    IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
        () -> Escape.toUnicode(new byte[] {'a', (byte) 0xff}));
    assertEquals("Invalid UTF-8: b'a\\xff'", bytes.getMessage());
  }

  @Test
  void recursiveUnicodeDecodesBytesInMapsListsAndArrays() {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put("k".getBytes(StandardCharsets.UTF_8),
        List.of("caf\u00e9".getBytes(StandardCharsets.UTF_8), 1, new Object[] {new byte[] {'x'}}));
    Map<?, ?> decoded = (Map<?, ?>) Escape.recursiveUnicode(data);
    List<?> list = (List<?>) decoded.get("k");
    assertEquals("caf\u00e9", list.get(0));
    assertEquals(1, list.get(1));
    assertArrayEquals(new Object[] {"x"}, (Object[]) list.get(2));
  }

  @Test
  void nullsPassThroughAsInTornadoExceptEscapingWhichGivesEmptyText() {
    assertNull(Escape.utf8(null));
    assertNull(Escape.toUnicode(null));
    assertEquals("", Escape.xhtmlEscape(null));
    assertEquals("<a href=\"http://www.x.com\">www.x.com</a>",
        Escape.linkify("www.x.com", false, (String) null, false, Escape.DEFAULT_PERMITTED_PROTOCOLS));
  }
}
