package io.jornado.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing command lines, after tornado/test/options_test.py and Tornado's parse_command_line. */
class OptionParserCommandLineTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Integer> exitCodes = new ArrayList<>();
  private final OptionParser options =
      new OptionParser(new PrintStream(err, true, StandardCharsets.UTF_8), exitCodes::add)
          .programName("prog");

  @Test
  void parsesAnIntOption() {
    Option<Integer> port = options.define("port", 80, null);
    assertEquals(List.of(), options.parseCommandLine("--port=443"));
    assertEquals(443, port.value());
    assertEquals(443, port.get());
    assertEquals(443, options.value("port"));
  }

  @Test
  void returnsTheArgumentsAfterTheFirstNonOption() {
    Option<Boolean> verbose = options.define("verbose", false, null);
    OptionParser sub = new OptionParser(new PrintStream(err), exitCodes::add);
    Option<String> foo = sub.define("foo");
    List<String> rest = options.parseCommandLine("--verbose", "subcommand", "--foo=bar");
    assertEquals(List.of("subcommand", "--foo=bar"), rest);
    assertTrue(verbose.value());
    assertEquals(
        List.of(), sub.parseCommandLine(rest.subList(1, rest.size()).toArray(new String[0])));
    assertEquals("bar", foo.value());
    OptionsError e = assertThrows(OptionsError.class, () -> sub.parseCommandLine("--verbose"));
    assertEquals("Unrecognized command line option: 'verbose'", e.getMessage());
  }

  @Test
  void doubleDashEndsTheOptions() {
    options.define("a", 1, null);
    assertEquals(List.of("--a=2", "x"), options.parseCommandLine("--a=3", "--", "--a=2", "x"));
    assertEquals(3, options.value("a"));
    assertEquals(List.of(), options.parseCommandLine("--"));
  }

  @Test
  void anyNumberOfLeadingDashesIsAccepted() {
    options.define("a", 1, null);
    options.parseCommandLine("-a=2");
    assertEquals(2, options.value("a"));
    options.parseCommandLine("---a=3");
    assertEquals(3, options.value("a"));
  }

  @Test
  void aLoneDashIsAnUnrecognizedEmptyName() {
    OptionsError e = assertThrows(OptionsError.class, () -> options.parseCommandLine("-"));
    assertEquals("Unrecognized command line option: ''", e.getMessage());
  }

  @Test
  void unrecognizedNamesAreReportedNormalized() {
    OptionsError e =
        assertThrows(OptionsError.class, () -> options.parseCommandLine("--no_such=1"));
    assertEquals("Unrecognized command line option: 'no-such'", e.getMessage());
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: prog [OPTIONS]\n"));
  }

  @Test
  void aNonBoolOptionRequiresAValue() {
    options.define("port", 80, null);
    OptionsError e = assertThrows(OptionsError.class, () -> options.parseCommandLine("--port"));
    assertEquals("Option 'port' requires a value", e.getMessage());
  }

  @Test
  void boolFlags() {
    Option<Boolean> debug = options.define("debug", false, null);
    options.parseCommandLine("--debug");
    assertTrue(debug.value());
    for (String no : List.of("false", "FALSE", "0", "f", "F", "False")) {
      debug.set(true);
      options.parseCommandLine("--debug=" + no);
      assertFalse(debug.value(), no);
    }
    for (String yes : List.of("true", "1", "yes", "no", "", "t")) {
      debug.set(false);
      options.parseCommandLine("--debug=" + yes);
      assertTrue(debug.value(), yes);
    }
  }

  @Test
  void dashesAndUnderscoresAreInterchangeable() {
    for (String defined : List.of("foo-bar", "foo_bar")) {
      for (String flag : List.of("--foo-bar=a", "--foo_bar=a")) {
        OptionParser parser = new OptionParser(new PrintStream(err), exitCodes::add);
        parser.define(defined);
        parser.parseCommandLine(flag);
        assertEquals("a", parser.value("foo-bar"));
        assertEquals("a", parser.value("foo_bar"));
        assertTrue(parser.contains("foo_bar") && parser.contains("foo-bar"));
      }
    }
  }

  @Test
  void parsesEveryType() {
    Option<String> str = options.define(OptionSpec.of("str"));
    Option<Integer> integer = options.define(OptionSpec.of("int", int.class));
    Option<Long> longValue = options.define(OptionSpec.of("long", Long.class));
    Option<Double> floatValue = options.define(OptionSpec.of("float", Double.class));
    Option<LocalDateTime> datetime = options.define(OptionSpec.of("datetime", LocalDateTime.class));
    Option<Instant> instant = options.define(OptionSpec.of("instant", Instant.class));
    Option<Duration> timedelta = options.define(OptionSpec.of("timedelta", Duration.class));
    Option<Path> path = options.define(OptionSpec.of("path", Path.class));
    Option<File> file = options.define(OptionSpec.of("file", File.class));
    Option<List<Integer>> listOfInt =
        options.define(OptionSpec.multiple("list-of-int", Integer.class));
    Option<List<String>> listOfStr =
        options.define(OptionSpec.multiple("list-of-str", String.class));
    options.parseCommandLine(
        "--str=asdf",
        "--int=42",
        "--long=12345678901",
        "--float=1.5",
        "--datetime=2013-04-28 05:16",
        "--instant=2013-04-28 05:16",
        "--timedelta=45s",
        "--path=/tmp/x",
        "--file=y",
        "--list-of-int=1,2,3",
        "--list-of-str=a,b,c");
    assertEquals("asdf", str.value());
    assertEquals(Integer.class, integer.type());
    assertEquals(42, integer.value());
    assertEquals(12345678901L, longValue.value());
    assertEquals(1.5, floatValue.value());
    assertEquals(LocalDateTime.of(2013, 4, 28, 5, 16), datetime.value());
    assertEquals(Instant.parse("2013-04-28T05:16:00Z"), instant.value());
    assertEquals(Duration.ofSeconds(45), timedelta.value());
    assertEquals(Path.of("/tmp/x"), path.value());
    assertEquals(new File("y"), file.value());
    assertEquals(List.of(1, 2, 3), listOfInt.value());
    assertEquals(List.of("a", "b", "c"), listOfStr.value());
  }

  @Test
  void multipleIntegersExpandInclusiveRanges() {
    Option<List<Integer>> foo = options.define(OptionSpec.multiple("foo", Integer.class));
    options.parseCommandLine("--foo=1,3,5:7");
    assertEquals(List.of(1, 3, 5, 6, 7), foo.value());
    options.parseCommandLine("--foo=5:");
    assertEquals(List.of(5), foo.value());
    options.parseCommandLine("--foo=7:5");
    assertEquals(List.of(), foo.value());
    Option<List<Long>> bar = options.define(OptionSpec.multiple("bar", Long.class));
    options.parseCommandLine("--bar=-1:1");
    assertEquals(List.of(-1L, 0L, 1L), bar.value());
  }

  @Test
  void multipleStringsKeepColonsAndEmptyItems() {
    Option<List<String>> hosts = options.define(OptionSpec.multiple("hosts", String.class));
    options.parseCommandLine("--hosts=a:1,,b:2");
    assertEquals(List.of("a:1", "", "b:2"), hosts.value());
  }

  @Test
  void aRepeatedMultipleOptionReplacesTheValue() {
    Option<List<String>> names = options.define(OptionSpec.multiple("names", String.class));
    options.parseCommandLine("--names=a,b", "--names=c");
    assertEquals(List.of("c"), names.value());
  }

  @Test
  void aRepeatedOptionKeepsTheLastValue() {
    Option<Integer> port = options.define("port", 1, null);
    options.parseCommandLine("--port=2", "--port=3");
    assertEquals(3, port.value());
  }

  @Test
  void badValuesNameTheOptionAndValue() {
    options.define("port", 80, null);
    options.define("ratio", 1.0, null);
    options.define("when", LocalDateTime.of(2000, 1, 1, 0, 0), null);
    options.define("delay", Duration.ZERO, null);
    options.define(OptionSpec.multiple("ports", Integer.class));
    assertMessage("Option 'port': invalid literal for int() with base 10: 'abc'", "--port=abc");
    assertMessage("Option 'port': invalid literal for int() with base 10: ''", "--port=");
    assertMessage(
        "Option 'port': value out of range for Integer: '3000000000'", "--port=3000000000");
    assertMessage("Option 'ratio': could not convert string to float: '1.5x'", "--ratio=1.5x");
    assertMessage("Option 'when': Unrecognized date/time format: 'junk'", "--when=junk");
    assertMessage("Option 'delay': invalid timedelta unit 'h30m' in '1h30m'", "--delay=1h30m");
    assertMessage("Option 'delay': invalid timedelta: 'abc'", "--delay=abc");
    assertMessage("Option 'ports': invalid literal for int() with base 10: 'x'", "--ports=1,x");
  }

  private void assertMessage(String expected, String arg) {
    OptionsError e = assertThrows(OptionsError.class, () -> options.parseCommandLine(arg));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void pythonIntAndFloatSyntax() {
    Option<Integer> i = options.define("i", 0, null);
    Option<Double> d = options.define("d", 0.0, null);
    options.parseCommandLine("--i= +1_000 ", "--d=-1e3");
    assertEquals(1000, i.value());
    assertEquals(-1000.0, d.value());
    options.parseCommandLine("--d=inf");
    assertEquals(Double.POSITIVE_INFINITY, d.value());
    assertMessage("Option 'd': could not convert string to float: '1.5d'", "--d=1.5d");
    assertMessage("Option 'd': could not convert string to float: '0x10'", "--d=0x10");
  }

  @Test
  void callbackRunsEachTimeTheOptionIsSet() {
    List<Integer> seen = new ArrayList<>();
    Option<Integer> port =
        options.define(OptionSpec.of("port", Integer.class).defaultValue(1).callback(seen::add));
    options.parseCommandLine("--port=2", "--port=3");
    port.set(4);
    options.set("port", 5);
    assertEquals(List.of(2, 3, 4, 5), seen);
  }

  @Test
  void multipleCallbackReceivesTheList() {
    List<List<Integer>> seen = new ArrayList<>();
    options.define(OptionSpec.multiple("ports", Integer.class).callback(seen::add));
    options.parseCommandLine("--ports=1:2");
    assertEquals(List.of(List.of(1, 2)), seen);
  }

  @Test
  void parseCallbacksRunAfterAFinalParseOnly() {
    List<String> calls = new ArrayList<>();
    options.addParseCallback(() -> calls.add("parsed"));
    options.parseCommandLine(new String[0], false);
    assertEquals(List.of(), calls);
    options.parseCommandLine();
    assertEquals(List.of("parsed"), calls);
    options.parseCommandLine();
    assertEquals(List.of("parsed", "parsed"), calls);
  }

  @Test
  void bareMultipleBoolFlagIsAListOfTrue() {
    Option<List<Boolean>> flags = options.define(OptionSpec.multiple("flags", Boolean.class));
    options.parseCommandLine("--flags");
    assertEquals(List.of(true), flags.value());
  }

  @Test
  void optionWithoutDefaultIsNullUntilSet() {
    Option<String> name = options.define("name");
    assertNull(name.value());
    assertTrue(name.defaultValue().isEmpty());
    options.parseCommandLine("--name=x=y");
    assertEquals("x=y", name.value());
  }
}
