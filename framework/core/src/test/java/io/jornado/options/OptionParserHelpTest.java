package io.jornado.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The help text, byte for byte as Tornado prints it. {@link #EXPECTED} is the output of {@code
 * /usr/bin/python3 tornado_help_reference.py} (in this directory) with Debian's python3-tornado,
 * which defines the same options as {@link #defineSampleOptions}.
 */
class OptionParserHelpTest {
  static final String EXPECTED =
      "Usage: prog [OPTIONS]\n"
          + "\n"
          + "Options:\n"
          + "\n"
          + "  --help                           show this help information\n"
          + "\n"
          + "OptionParserHelpTest.java options:\n"
          + "\n"
          + "  --debug                           (default False)\n"
          + "  --empty-group                     (default 1)\n"
          + "  --exactly-thirty-characters-long 30\n"
          + "  --half                            (default 0.5)\n"
          + "  --hosts                          hosts (default ['a', 'b'])\n"
          + "  --hyphens                        well-known self-explanatory state-of-the-art\n"
          + "                                   re-entrant options list\n"
          + "  --long-option-name-that-is-really-long=VALUE \n"
          + "                                   h\n"
          + "  --name                           the name\n"
          + "  --no-help                        \n"
          + "  --port=PORT                      run on the given port (default 8888)\n"
          + "  --ports                          ports to listen on (default [])\n"
          + "  --ratio                          a very long help text that will need to be\n"
          + "                                   wrapped across several lines because it is\n"
          + "                                   long, with comma-separated values (default\n"
          + "                                   1e+16)\n"
          + "  --small                          small (default 1e-05)\n"
          + "  --start                          start (default 2013-04-28 05:16:00)\n"
          + "  --tabs                           tab     separated and newline\n"
          + "  --timeout                        timeout (default 1:30:00)\n"
          + "  --tiny                            (default 0:00:00.001500)\n"
          + "  --url                            see (default http://example.com/a/very/long/\n"
          + "                                   path/that/does/not/fit/on/one/line)\n"
          + "  --week                            (default 7 days, 0:00:01)\n"
          + "  --whole                           (default 2.0)\n"
          + "\n"
          + "Zeta options:\n"
          + "\n"
          + "  --zeta                            (default -3)\n"
          + "\n"
          + "a/b/d options:\n"
          + "\n"
          + "  --normalized                      (default 1)\n"
          + "\n"
          + "application options:\n"
          + "\n"
          + "  --static-path                    static files (default static)\n"
          + "  --template-path                  templates\n"
          + "\n";

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Integer> exitCodes = new ArrayList<>();
  private final OptionParser options =
      new OptionParser(new PrintStream(err, true, StandardCharsets.UTF_8), exitCodes::add)
          .programName("prog");

  static void defineSampleOptions(OptionParser options) {
    options.define(
        OptionSpec.of("port", Integer.class)
            .defaultValue(8888)
            .help("run on the given port")
            .metavar("PORT"));
    options.define("debug", false, null);
    options.define("name", "", "the name");
    options.define("no_help");
    options.define(OptionSpec.multiple("ports", Integer.class).help("ports to listen on"));
    options.define(
        OptionSpec.multiple("hosts", String.class).defaultValue(List.of("a", "b")).help("hosts"));
    options.define(
        "ratio",
        1e16,
        "a very long help text that will need to be wrapped across "
            + "several lines because it is long, with comma-separated values");
    options.define("small", 1e-05, "small");
    options.define("half", 0.5, null);
    options.define("whole", 2.0, null);
    options.define("timeout", Duration.ofMinutes(90), "timeout");
    options.define("tiny", Duration.ofNanos(1_500_000), null);
    options.define("week", Duration.ofDays(7).plusSeconds(1), null);
    options.define("start", LocalDateTime.of(2013, 4, 28, 5, 16), "start");
    options.define(
        OptionSpec.of("long_option_name_that_is_really_long").metavar("VALUE").help("h"));
    options.define(OptionSpec.of("exactly_thirty_characters_long").help("30"));
    options.define(
        "url", "http://example.com/a/very/long/path/that/does/not/fit/on/one/line", "see");
    options.define(OptionSpec.of("tabs").help("tab\tseparated\nand newline"));
    options.define(
        OptionSpec.of("hyphens")
            .help("well-known self-explanatory state-of-the-art re-entrant options list"));
    options.define(OptionSpec.of("template_path").group("application").help("templates"));
    options.define(
        OptionSpec.of("static_path")
            .group("application")
            .defaultValue("static")
            .help("static files"));
    options.define(OptionSpec.of("zeta", Integer.class).group("Zeta").defaultValue(-3));
    options.define(OptionSpec.of("empty_group", Integer.class).group("").defaultValue(1));
    options.define(
        OptionSpec.of("normalized", Integer.class).group("a//b/./c/../d").defaultValue(1));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printHelpMatchesTornadoByteForByte() {
    defineSampleOptions(options);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    options.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(EXPECTED, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpFlagPrintsHelpToErrorStreamAndExitsWithZero() {
    defineSampleOptions(options);
    List<String> rest = options.parseCommandLine("--help");
    assertEquals(EXPECTED, err());
    assertEquals(List.of(0), exitCodes);
    assertEquals(List.of(), rest);
  }

  @Test
  void helpFalseDoesNothing() {
    options.parseCommandLine("--help=false");
    assertEquals("", err());
    assertEquals(List.of(), exitCodes);
  }

  @Test
  void unrecognizedOptionPrintsHelpThenFails() {
    defineSampleOptions(options);
    OptionsError e = assertThrows(OptionsError.class, () -> options.parseCommandLine("--nope=1"));
    assertEquals("Unrecognized command line option: 'nope'", e.getMessage());
    assertEquals(EXPECTED, err());
    assertEquals(List.of(), exitCodes);
  }

  @Test
  void emptyParserListsOnlyHelp() {
    options.printHelp();
    assertEquals(
        "Usage: prog [OPTIONS]\n\nOptions:\n\n"
            + "  --help                           show this help information\n\n",
        err());
  }

  @Test
  void defaultProgramNameComesFromTheJvmCommand() {
    OptionParser parser = new OptionParser();
    assertTrue(!parser.programName().isEmpty());
    assertEquals("x", parser.programName("x").programName());
  }
}
