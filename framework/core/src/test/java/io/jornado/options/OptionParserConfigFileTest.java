package io.jornado.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files: the literal subset of Python that stands in for Tornado's exec'd config files, with
 * Tornado 6.5.7's rules for applying values (checked against it for each case here).
 */
class OptionParserConfigFileTest {
  @TempDir Path dir;

  private final OptionParser options =
      new OptionParser(new PrintStream(OutputStream.nullOutputStream()), code -> {});

  private Path write(String text) throws IOException {
    Path file = dir.resolve("app.conf");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private OptionsError parseError(String text) throws IOException {
    Path file = write(text);
    return assertThrows(OptionsError.class, () -> options.parseConfigFile(file));
  }

  @Test
  void tornadosOwnTestConfig() throws IOException {
    Option<Integer> port = options.define("port", 80, null);
    Option<String> username = options.define("username", "foo", null);
    Option<String> myPath = options.define("my_path");
    Option<String> fooBar = options.define("foo-bar");
    Path file = write("port=443\nport=443\nusername='李康'\n\nfoo_bar='a'\n\nmy_path = __file__\n");
    options.parseConfigFile(file);
    assertEquals(443, port.value());
    assertEquals("李康", username.value());
    assertEquals("a", fooBar.value());
    assertEquals(file.toAbsolutePath().toString(), myPath.value());
  }

  private void defineTypes() {
    options.define(OptionSpec.of("str"));
    options.define(OptionSpec.of("int", Integer.class));
    options.define(OptionSpec.of("long", Long.class));
    options.define(OptionSpec.of("float", Double.class));
    options.define(OptionSpec.of("bool", Boolean.class));
    options.define(OptionSpec.of("datetime", LocalDateTime.class));
    options.define(OptionSpec.of("timedelta", Duration.class));
    options.define(OptionSpec.multiple("list_of_int", Integer.class));
    options.define(OptionSpec.multiple("list_of_str", String.class));
  }

  private void checkTypes() {
    assertEquals("asdf", options.value("str"));
    assertEquals(42, options.value("int"));
    assertEquals(7L, options.value("long"));
    assertEquals(1.5, options.value("float"));
    assertEquals(false, options.value("bool"));
    assertEquals(LocalDateTime.of(2013, 4, 28, 5, 16), options.value("datetime"));
    assertEquals(Duration.ofSeconds(45), options.value("timedelta"));
    assertEquals(List.of(1, 2, 3), options.value("list_of_int"));
    assertEquals(List.of("a", "b", "c"), options.value("list_of_str"));
  }

  @Test
  void typedLiterals() throws IOException {
    defineTypes();
    options.parseConfigFile(
        write(
            "str = 'asdf'\n"
                + "int = 42\n"
                + "long = 7\n"
                + "float = 1.5\n"
                + "bool = False\n"
                + "datetime = '2013-04-28 05:16'\n"
                + "timedelta = '45s'\n"
                + "list_of_int = [1, 2, 3]\n"
                + "list_of_str = [\"a\", \"b\", \"c\"]\n"));
    checkTypes();
  }

  @Test
  void stringsAreParsedForNonStringAndMultipleOptions() throws IOException {
    defineTypes();
    options.parseConfigFile(
        write(
            "str = 'asdf'\n"
                + "int = '42'\n"
                + "long = '7'\n"
                + "float = '1.5'\n"
                + "bool = 'false'\n"
                + "datetime = '2013-04-28 05:16'\n"
                + "timedelta = '45s'\n"
                + "list_of_int = '1:3'\n"
                + "list_of_str = 'a,b,c'\n"));
    checkTypes();
  }

  @Test
  void commentsBlankLinesMultiLineListsAndEscapes() throws IOException {
    Option<List<String>> hosts =
        options.define(OptionSpec.multiple("memcache_hosts", String.class));
    Option<String> motd = options.define("motd");
    Option<String> none = options.define("none", "x", null);
    options.parseConfigFile(
        write(
            "# a comment\n"
                + "\n"
                + "memcache_hosts = ['cache1.example.com:11011',  # first\n"
                + "                  'cache2.example.com:11011',\n"
                + "                 ]\n"
                + "motd = \"it's \\\"here\\\"\\t\\u00e9 # not a comment\"   # a comment\n"
                + "none = None\n"));
    assertEquals(List.of("cache1.example.com:11011", "cache2.example.com:11011"), hosts.value());
    assertEquals("it's \"here\"\té # not a comment", motd.value());
    assertNull(none.value());
  }

  @Test
  void unknownNamesAreIgnored() throws IOException {
    Option<Integer> port = options.define("port", 80, null);
    options.parseConfigFile(write("unknown = 1\nother = 'x'\nport = 81\n"));
    assertEquals(81, port.value());
  }

  @Test
  void aNameAssignedTwiceIsSetOnceWithTheLastValue() throws IOException {
    List<Integer> seen = new ArrayList<>();
    options.define(OptionSpec.of("port", Integer.class).defaultValue(80).callback(seen::add));
    options.parseConfigFile(write("port = 80\nport = 81\n"));
    assertEquals(List.of(81), seen);
  }

  @Test
  void parseCallbacksRunOnlyAfterAFinalParse() throws IOException {
    List<String> calls = new ArrayList<>();
    options.addParseCallback(() -> calls.add("parsed"));
    Path file = write("");
    options.parseConfigFile(file, false);
    assertEquals(List.of(), calls);
    options.parseConfigFile(file.toString(), true);
    assertEquals(List.of("parsed"), calls);
  }

  @Test
  void configOptionCallbackCombinesWithTheCommandLine() throws IOException {
    Option<Integer> port = options.define("port", 80, null);
    Path file = write("port = 81\n");
    options.define(OptionSpec.of("config").callback(path -> options.parseConfigFile(path, false)));
    options.parseCommandLine("--port=1", "--config=" + file, "--port=2");
    assertEquals(2, port.value());
    options.parseCommandLine("--port=1", "--config=" + file);
    assertEquals(81, port.value());
  }

  @Test
  void valueErrorsNameFileLineAndText() throws IOException {
    options.define("port", 80, null);
    options.define("ratio", 1.0, null);
    options.define("name", "", null);
    options.define(OptionSpec.multiple("ports", Integer.class));
    String path = dir.resolve("app.conf").toString();
    assertEquals(
        path
            + ", line 2: Option 'port': invalid literal for int() with base 10: 'abc': port ="
            + " 'abc'",
        parseError("\nport = 'abc'\n").getMessage());
    assertEquals(
        path + ", line 1: Option 'ratio' is required to be a Double (Long given): ratio = 2",
        parseError("ratio = 2").getMessage());
    assertEquals(
        path + ", line 1: Option 'name' is required to be a String (Long given): name = 5",
        parseError("name = 5").getMessage());
    assertEquals(
        path
            + ", line 1: Option 'ports' is required to be a list of Integer"
            + " or a comma-separated string: ports = 5",
        parseError("ports = 5").getMessage());
    assertEquals(
        path + ", line 1: Option 'ports' is required to be a list of Integer: ports = ['1', '2']",
        parseError("ports = ['1', '2']").getMessage());
    assertEquals(
        path
            + ", line 1: Option 'port': value out of range for Integer: 3000000000: port ="
            + " 3000000000",
        parseError("port = 3000000000").getMessage());
  }

  @Test
  void syntaxErrorsNameFileLineAndText() throws IOException {
    String path = dir.resolve("app.conf").toString();
    assertEquals(
        path + ", line 3: invalid syntax (expected 'name = value'): port 80",
        parseError("# c\n\nport 80\n").getMessage());
    assertEquals(
        path + ", line 1: unterminated string literal: name = 'abc",
        parseError("name = 'abc\n").getMessage());
    assertEquals(
        path + ", line 1: unsupported value 'other' (only literals are allowed): a = other",
        parseError("a = other").getMessage());
    assertEquals(path + ", line 1: invalid syntax: a = 1 2", parseError("a = 1 2").getMessage());
    assertEquals(path + ", line 1: missing value: a =", parseError("a =\n").getMessage());
    assertEquals(
        path + ", line 2: '[' was never closed: 'y',", parseError("a = ['x',\n'y',").getMessage());
  }

  @Test
  void unreadableFileNamesThePath() {
    Path missing = dir.resolve("missing.conf");
    OptionsError e = assertThrows(OptionsError.class, () -> options.parseConfigFile(missing));
    assertTrue(e.getMessage().startsWith("Cannot read config file " + missing), e.getMessage());
  }

  @Test
  void numbersAndBooleans() throws IOException {
    Option<Long> big = options.define("big", 0L, null);
    Option<Integer> hex = options.define("hex", 0, null);
    Option<Double> exp = options.define("exp", 0.0, null);
    Option<Boolean> on = options.define("on", false, null);
    options.parseConfigFile(write("big = -9_000_000_000\nhex = 0xff\nexp = -1.5e3\non = True\n"));
    assertEquals(-9_000_000_000L, big.value());
    assertEquals(255, hex.value());
    assertEquals(-1500.0, exp.value());
    assertTrue(on.value());
    options.parseConfigFile(write("on = False"));
    assertFalse(on.value());
  }
}
