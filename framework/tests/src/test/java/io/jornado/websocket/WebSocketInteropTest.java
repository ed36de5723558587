package io.jornado.websocket;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real peers against a Jornado server: Tornado's websocket_connect and the Python websockets library. */
class WebSocketInteropTest extends AsyncHttpTestCase {
  private static final String PYTHON = "/usr/bin/python3";

  @Override
  protected Application getApp() {
    WebSocketHandlerTest.EVENTS.clear();
    WebSocketHandlerTest.CLOSES.clear();
    WebSocketHandlerTest.closed = new CompletableFuture<>();
    WebSocketHandlerTest.lateWrite = new CompletableFuture<>();
    return new Application(List.of(url("/ws", WebSocketHandlerTest.Echo.class)));
  }

  @Test
  void tornadoClientTalksToJornado() throws Exception {
    assumePythonModule("tornado", "python3-tornado");
    JsonObject results = runClient("tornado_ws_client.py");
    assertCommonResults(results);
    assertEquals(null, results.getValue("after_close"), "read_message gives None once closed");
    assertClientCloseSeen();
  }

  private static void assertClientCloseSeen() throws InterruptedException {
    List<String> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String close = WebSocketHandlerTest.CLOSES.poll(10, TimeUnit.SECONDS);
      seen.add(close);
      if ("1001 client going".equals(close)) {
        return;
      }
    }
    throw new AssertionError("onClose never saw the client's 1001: " + seen);
  }

  @Test
  void websocketsLibraryTalksToJornado() throws Exception {
    assumePythonModule("websockets", "python3-websockets");
    JsonObject results = runClient("websockets_client.py");
    assertCommonResults(results);
    assertClientCloseSeen();
  }

  private static void assertCommonResults(JsonObject results) {
    assertEquals("goodproto", results.getString("subprotocol"));
    assertEquals(null, results.getValue("no_subprotocol"));
    assertEquals("hello", results.getString("text"));
    assertEquals("h\u00e9llo \u4e16", results.getString("unicode"));
    assertEquals(List.of(0, 1, 255), results.getJsonArray("binary").getList());
    assertEquals(4001, results.getInteger("close_code"));
    assertEquals("bye", results.getString("close_reason"));
  }

  private JsonObject runClient(String script) throws Exception {
    Path path = Path.of(getClass().getResource("/interop/" + script).toURI());
    Process process = new ProcessBuilder(PYTHON, path.toString(), "ws://127.0.0.1:" + getHttpPort() + "/ws")
        .redirectErrorStream(false).start();
    try {
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      boolean exited = process.waitFor(30, TimeUnit.SECONDS);
      assertEquals(true, exited, "the Python client did not finish within 30 s");
      String stdout = out.get(5, TimeUnit.SECONDS).strip();
      assertEquals(0, process.exitValue(), "python failed: " + err.get(5, TimeUnit.SECONDS) + stdout);
      return new JsonObject(stdout.substring(stdout.lastIndexOf('\n') + 1));
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<" + e + ">";
      }
    });
  }

  static void assumePythonModule(String module, String debianPackage) throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing; .ci/run installs it");
    Process check = new ProcessBuilder(PYTHON, "-c", "import " + module).start();
    assumeTrue(check.waitFor(20, TimeUnit.SECONDS) && check.exitValue() == 0,
        "Python module " + module + " is missing: apt-get install -y " + debianPackage + " (.ci/run does)");
  }
}
