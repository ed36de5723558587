package io.jornado.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@code chat --processes=2} from the packaged jar, as the README does, and chats with it. */
class ChatJarIT {
  @Test
  void chatRunsFromTheJarOnTwoLoops() throws Exception {
    Path jar = Path.of(System.getProperty("samples.jar", "target/jornado-samples.jar"));
    assertTrue(Files.exists(jar), "missing " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Dvertx.disableDnsResolver=true", "-jar", jar.toString(),
        "chat", "--port=0", "--address=127.0.0.1", "--processes=2").redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> before = new ArrayList<>();
      CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("Listening on ")) {
              return line;
            }
            before.add(line);
          }
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String line = listening.get(30, TimeUnit.SECONDS);
      assertNotNull(line, "the sample exited before listening: " + before);
      assertTrue(before.contains("Serving on 2 event loops"), before.toString());
      String url = line.substring("Listening on ".length());
      assertTrue(url.startsWith("http://127.0.0.1:"), url);
      // Keep draining the process's output so it never blocks on a full pipe; on a thread of its own,
      // not the common pool, which the JDK's HTTP client also uses (one thread on a 2-core machine).
      Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "chat-jar-output");
      drain.setDaemon(true);
      drain.start();

      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("/static/chat.js"), page.body());

      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(URI.create(url.replace("http://", "ws://") + "chatsocket?nick=jar"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              text.append(data);
              if (last) {
                received.add(text.toString());
                text.setLength(0);
              }
              webSocket.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      socket.sendText("{\"body\": \"from the jar test\"}", true).get(5, TimeUnit.SECONDS);
      String message = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(message, "no message back");
      JsonObject json = new JsonObject(message);
      assertEquals("jar", json.getString("nick"));
      assertEquals("from the jar test", json.getString("body"));
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
