package io.jornado.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEverySampleAndExitsZero() {
    assertEquals(0, run("--help"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("Usage: java -jar jornado-samples.jar <sample>"), text);
    assertTrue(text.contains("\n  helloworld   Tornado's helloworld demo"), text);
    assertTrue(text.contains("\n  blog         Tornado's blog demo"), text);
    assertTrue(text.contains("\n  chat         "), text);
    assertTrue(text.contains("\n  websocket    "), text);
  }

  @Test
  void noSampleListsThemOnStderrAndFails() {
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("helloworld"));
  }

  @Test
  void unknownSampleIsNamed() {
    assertEquals(2, run("nope"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Unknown sample 'nope'\n"), err.toString(StandardCharsets.UTF_8));
  }
}
