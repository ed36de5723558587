package io.jornado.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * StrFormat against Python 3.11's {@code template.format("ab", "3", "é", x="q", n=None)}: each row is
 * a template and what Python gives, {@code "= result"} or {@code "! Error: message"}.
 */
class StrFormatTest {
  private static final String[][] PYTHON = {
        {"/n/{1}/{0}", "= /n/3/ab"},
        {"{}-{}", "= ab-3"},
        {"{x}/{0}", "= q/ab"},
        {"{{x}}{0}}}", "= {x}ab}"},
        {"{0:05}", "= ab000"},
        {"{0:x<5}", "= abxxx"},
        {"{0:^6}", "=   ab  "},
        {"{0:^5}", "=  ab  "},
        {"{0:>4}", "=   ab"},
        {"{0:.1}", "= a"},
        {"{0:5.1s}", "= a    "},
        {"{0[0]}", "= a"},
        {"{2[0]}", "= é"},
        {"{0[x]}", "! TypeError: string indices must be integers, not 'str'"},
        {"{0[5]}", "! IndexError: string index out of range"},
        {"{0.x}", "! AttributeError: 'str' object has no attribute 'x'"},
        {"{0[0]x}", "! ValueError: Only '.' or '[' may follow ']' in format field specifier"},
        {"{0!x}", "! ValueError: Unknown conversion specifier x"},
        {"{0!r:>6}", "=   'ab'"},
        {"{0!rr}", "! ValueError: expected ':' after conversion specifier"},
        {"{", "! ValueError: Single '{' encountered in format string"},
        {"}", "! ValueError: Single '}' encountered in format string"},
        {"a}b", "! ValueError: Single '}' encountered in format string"},
        {"{0", "! ValueError: expected '}' before end of string"},
        {"{0[}", "! ValueError: expected '}' before end of string"},
        {"{0[]}", "! ValueError: Empty attribute in format string"},
        {"{a{}", "! ValueError: unexpected '{' in field name"},
        {"{}{1}", "! ValueError: cannot switch from automatic field numbering to manual field specification"},
        {"{1}{}", "! ValueError: cannot switch from manual field specification to automatic field numbering"},
        {"{0:{1}}", "= ab "},
        {"{0:{1:{2}}}", "! ValueError: Max string recursion exceeded"},
        {"{0:=5}", "! ValueError: '=' alignment not allowed in string format specifier"},
        {"{0:+}", "! ValueError: Sign not allowed in string format specifier"},
        {"{0:#}", "! ValueError: Alternate form (#) not allowed in string format specifier"},
        {"{0:,}", "! ValueError: Cannot specify ',' with 's'."},
        {"{0:_}", "! ValueError: Cannot specify '_' with 's'."},
        {"{0:d}", "! ValueError: Unknown format code 'd' for object of type 'str'"},
        {"{0:.}", "! ValueError: Format specifier missing precision"},
        {"{0:z}", "! ValueError: Negative zero coercion (z) not allowed in string format specifier"},
        {"{0!a}", "= 'ab'"},
        {"{2!a}", "= '\\xe9'"},
        {"{2!r}", "= 'é'"},
        {"{0:<}", "= ab"},
        {"{ 0}", "! KeyError: ' 0'"},
        {"{-1}", "! KeyError: '-1'"},
        {"{0:}", "= ab"},
        {"{0:s}", "= ab"},
        {"{0:05s}", "= ab000"},
        {"{0:0<5}", "= ab000"},
        {"{00}", "= ab"},
        {"{0[00]}", "= a"},
        {"{0:ab}", "! ValueError: Invalid format specifier 'ab' for object of type 'str'"},
        {"{0:5x}", "! ValueError: Unknown format code 'x' for object of type 'str'"},
        {"{3}", "! IndexError: Replacement index 3 out of range for positional args tuple"},
        {"{nope}", "! KeyError: 'nope'"},
        {"{n}", "= None"},
        {"{n!r}", "= None"},
        {"{n:5}", "! TypeError: unsupported format string passed to NoneType.__format__"},
        {"{n!s:5}", "= None "},
        {"{n[0]}", "! TypeError: 'NoneType' object is not subscriptable"},
        {"{n.x}", "! AttributeError: 'NoneType' object has no attribute 'x'"},
        {"{x:*^7}", "= ***q***"},
        {"{99999999999}", "! IndexError: Replacement index 99999999999 out of range for positional args tuple"},
  };

  @Test
  void formatsAsPythonDoesAndFailsWithPythonsMessages() {
    Map<String, String> kwargs = new HashMap<>();
    kwargs.put("x", "q");
    kwargs.put("n", null);
    for (String[] row : PYTHON) {
      String got;
      try {
        got = "= " + StrFormat.format(row[0], List.of("ab", "3", "é"), kwargs);
      } catch (IllegalArgumentException e) {
        String prefix = "Cannot format " + io.jornado.util.PythonText.repr(row[0]) + ": ";
        assertEquals(prefix, e.getMessage().substring(0, Math.min(prefix.length(), e.getMessage().length())));
        got = "! " + e.getMessage().substring(prefix.length());
      }
      assertEquals(row[1], got, "template " + row[0]);
    }
  }
}
