package io.jornado.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defining options, setting them, and introspection (after tornado/test/options_test.py). */
class OptionParserDefineTest {
  private final OptionParser options =
      new OptionParser(new PrintStream(OutputStream.nullOutputStream()), code -> {});

  @Test
  void typeIsInferredFromTheDefaultElseString() {
    assertEquals(Integer.class, options.define("a", 1, null).type());
    assertEquals(Long.class, options.define("b", 1L, null).type());
    assertEquals(Double.class, options.define("c", 1.5, null).type());
    assertEquals(Boolean.class, options.define("d", true, null).type());
    assertEquals(Duration.class, options.define("e", Duration.ZERO, null).type());
    assertEquals(String.class, options.define("f", null, null).type());
    assertEquals(String.class, options.define("g").type());
    assertEquals(
        java.nio.file.Path.class, options.define("h", java.nio.file.Path.of("x"), null).type());
  }

  @Test
  void unsupportedTypesAreRejected() {
    OptionsError e =
        assertThrows(OptionsError.class, () -> options.define(OptionSpec.of("x", Object.class)));
    assertTrue(e.getMessage().startsWith("Option 'x' has unsupported type java.lang.Object"));
  }

  @Test
  void redefiningFailsWithTornadosMessage() {
    options.define("foo");
    OptionsError e = assertThrows(OptionsError.class, () -> options.define("foo"));
    assertEquals("Option 'foo' already defined in OptionParserDefineTest.java", e.getMessage());
  }

  @Test
  void redefiningIgnoresDashUnderscoreDifferences() {
    String[][] pairs = {
      {"foo-bar", "foo-bar"}, {"foo_bar", "foo_bar"}, {"foo-bar", "foo_bar"}, {"foo_bar", "foo-bar"}
    };
    for (String[] pair : pairs) {
      OptionParser parser =
          new OptionParser(new PrintStream(OutputStream.nullOutputStream()), c -> {});
      parser.define(pair[0]);
      OptionsError e = assertThrows(OptionsError.class, () -> parser.define(pair[1]));
      assertEquals(
          "Option 'foo-bar' already defined in OptionParserDefineTest.java", e.getMessage());
    }
  }

  @Test
  void redefiningHelpNamesNoFile() {
    OptionsError e = assertThrows(OptionsError.class, () -> options.define("help"));
    assertEquals("Option 'help' already defined in ", e.getMessage());
  }

  @Test
  void optionDescribesItsDefinition() {
    Option<List<Integer>> ports =
        options.define(
            OptionSpec.multiple("ports", Integer.class)
                .defaultValue(List.of(80))
                .help("ports")
                .metavar("PORT,...")
                .group("network"));
    assertEquals("ports", ports.name());
    assertEquals(Integer.class, ports.type());
    assertTrue(ports.multiple());
    assertEquals(Optional.of("ports"), ports.help());
    assertEquals(Optional.of("PORT,..."), ports.metavar());
    assertEquals("network", ports.group());
    assertEquals(Optional.of(List.of(80)), ports.defaultValue());
    assertEquals(List.of(80), ports.value());
    Option<String> bare = options.define("bare");
    assertEquals(Optional.empty(), bare.help());
    assertEquals(Optional.empty(), bare.metavar());
    assertFalse(bare.multiple());
    assertEquals("OptionParserDefineTest.java", bare.group());
    assertEquals(List.of(), options.define(OptionSpec.multiple("empty", String.class)).value());
  }

  @Test
  void setChecksTheTypeWithoutParsing() {
    Option<Integer> foo = options.define(OptionSpec.of("foo", Integer.class).defaultValue(1));
    options.set("foo", 2);
    assertEquals(2, foo.value());
    OptionsError e = assertThrows(OptionsError.class, () -> options.set("foo", "2"));
    assertEquals("Option 'foo' is required to be a Integer (String given)", e.getMessage());
    options.set("foo", null);
    assertEquals(null, foo.value());
  }

  @Test
  void setOfAMultipleOptionNeedsAListOfTheType() {
    Option<List<Integer>> ports = options.define(OptionSpec.multiple("ports", Integer.class));
    ports.set(List.of(1, 2));
    assertEquals(List.of(1, 2), ports.value());
    OptionsError e = assertThrows(OptionsError.class, () -> options.set("ports", List.of("1")));
    assertEquals("Option 'ports' is required to be a list of Integer", e.getMessage());
    assertThrows(OptionsError.class, () -> options.set("ports", 1));
  }

  @Test
  void aDefaultOfTheWrongTypeIsRejected() {
    OptionSpec<Integer> spec = OptionSpec.of("x", Integer.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    OptionSpec<Object> raw = (OptionSpec) spec;
    raw.defaultValue("8");
    OptionsError e = assertThrows(OptionsError.class, () -> options.define(raw));
    assertEquals("Option 'x' is required to be a Integer (String given)", e.getMessage());
  }

  @Test
  void unknownNamesFailOnLookup() {
    assertFalse(options.contains("nope"));
    OptionsError e = assertThrows(OptionsError.class, () -> options.value("no_pe"));
    assertEquals("Unrecognized option 'no-pe'", e.getMessage());
    assertThrows(OptionsError.class, () -> options.set("nope", 1));
  }

  private void sampleOptions() {
    options.define("a", 1, null);
    options.define("b", 2, null);
  }

  @Test
  void namesItemsAndAsMap() {
    sampleOptions();
    assertEquals(Set.of("help", "a", "b"), options.names());
    assertEquals(
        List.of(
            new AbstractMap.SimpleImmutableEntry<>("help", null),
            new AbstractMap.SimpleImmutableEntry<>("a", 1),
            new AbstractMap.SimpleImmutableEntry<>("b", 2)),
        options.items());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("help", null);
    expected.put("a", 1);
    expected.put("b", 2);
    assertEquals(expected, options.asMap());
    assertSame(options.option("a"), options.option("a"));
  }

  @Test
  void groupsAndGroupDict() {
    options.define("a", 1, null);
    options.define(OptionSpec.of("b", Integer.class).group("b_group").defaultValue(2));
    assertEquals(Set.of("b_group", "", "OptionParserDefineTest.java"), options.groups());
    assertEquals(Map.of("b", 2), options.groupDict("b_group"));
    assertEquals(Map.of(), options.groupDict("nonexistent"));
    assertEquals(options.asMap(), options.groupDict(""));
  }

  @Test
  void introspectionKeepsOriginalNamesButHelpShowsDashes() {
    options.define(OptionSpec.of("with-dash").group("g"));
    options.define(OptionSpec.of("with_underscore").group("g"));
    assertEquals(Set.of("help", "with-dash", "with_underscore"), options.names());
    assertEquals(Set.of("with-dash", "with_underscore"), options.groupDict("g").keySet());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    options.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8));
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("--with-dash"), help);
    assertTrue(help.contains("--with-underscore"), help);
  }

  @Test
  void globalOptionsDelegateToOneParser() {
    Option<Integer> port = Options.define("options_define_test_port", 1, "port");
    Option<String> name = Options.define("options_define_test_name");
    Option<List<Integer>> ports =
        Options.define(OptionSpec.multiple("options_define_test_ports", Integer.class));
    assertSame(port, Options.options().option("options-define-test-port"));
    assertEquals("OptionParserDefineTest.java", port.group());
    List<String> rest =
        Options.parseCommandLine(
            "--options-define-test-port=2",
            "--options_define_test_name=x",
            "--options-define-test-ports=1:2",
            "rest");
    assertEquals(List.of("rest"), rest);
    assertEquals(2, port.value());
    assertEquals("x", name.value());
    assertEquals(List.of(1, 2), ports.value());
    OptionsError e =
        assertThrows(
            OptionsError.class, () -> Options.define("options_define_test_port", 1, "again"));
    assertEquals(
        "Option 'options-define-test-port' already defined in OptionParserDefineTest.java",
        e.getMessage());
  }
}
