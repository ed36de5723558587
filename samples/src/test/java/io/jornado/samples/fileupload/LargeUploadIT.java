package io.jornado.samples.fileupload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Streams a 2 GiB body to {@code fileupload} run from the packaged jar with a 256 MiB heap: the body is
 * generated on the fly and never held by either side, the answer's byte count and SHA-256 match the
 * client's and the stored file's, and the server still serves afterwards.
 */
class LargeUploadIT {
  private static final long SIZE = 2L * 1024 * 1024 * 1024;
  private static final long REQUIRED_FREE = 5L * 1024 * 1024 * 1024;
  private static final Duration TIME_LIMIT = Duration.ofMinutes(5);
  private static final Pattern GC_PAUSE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void twoGibibytesStreamToDiskInA256MibHeap() throws Exception {
    Path jar = Path.of(System.getProperty("samples.jar", "target/jornado-samples.jar"));
    assertTrue(Files.exists(jar), "missing " + jar);
    Path uploadDir = Files.createTempDirectory("jornado-large-upload-");
    Path gcLog = uploadDir.resolveSibling(uploadDir.getFileName() + "-gc.log");
    ExecutorService threads = Executors.newCachedThreadPool();
    Process process = null;
    try {
      long free = Files.getFileStore(uploadDir).getUsableSpace();
      assumeTrue(free >= REQUIRED_FREE, "needs 5 GiB free in " + uploadDir + " for a 2 GiB upload; "
          + (free >> 20) + " MiB free");

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process = new ProcessBuilder(java, "-Xmx256m", "-XX:-HeapDumpOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
          "-Dvertx.disableDnsResolver=true", "-jar", jar.toString(), "fileupload", "--port=0", "--address=127.0.0.1",
          "--upload_dir=" + uploadDir).redirectErrorStream(true).start();
      String url = awaitListening(process, threads);
      int port = URI.create(url).getPort();

      long start = System.nanoTime();
      Process server = process;
      CompletableFuture<Upload> upload = CompletableFuture.supplyAsync(() -> upload(port), threads);
      Upload result;
      try {
        result = upload.get(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        server.destroyForcibly();
        throw new AssertionError("the 2 GiB upload took over " + TIME_LIMIT, e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("LargeUploadIT: streamed %d bytes in %.1f s (%.0f MiB/s)%n", SIZE, seconds,
          SIZE / 1048576.0 / seconds);

      assertTrue(result.statusLine().startsWith("HTTP/1.1 200 "), result.statusLine() + "\n" + result.body());
      JsonObject answer = new JsonObject(result.body());
      assertEquals("big.bin", answer.getString("name"));
      assertEquals(SIZE, answer.getLong("bytes"));
      assertEquals(result.sha256(), answer.getString("sha256"));

      Path stored = uploadDir.resolve("big.bin");
      assertEquals(SIZE, Files.size(stored));
      assertEquals(result.sha256(), sha256Of(stored));

      assertTrue(process.isAlive(), "the server died");
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("/upload"), page.body());

      reportHeap(gcLog);
      Files.delete(stored);
    } finally {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      threads.shutdownNow();
      deleteTree(uploadDir);
      Files.deleteIfExists(gcLog);
    }
  }

  private record Upload(String sha256, String statusLine, String body) {}

  /** PUTs {@code SIZE} pseudo-random bytes, hashing them as they go; blocking writes follow the server's pace. */
  private static Upload upload(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TIME_LIMIT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /stream/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: " + SIZE + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] chunk = new byte[256 * 1024];
      long seed = 0x9E3779B97F4A7C15L;
      for (long sent = 0; sent < SIZE; sent += chunk.length) {
        seed = fill(chunk, seed);
        sha256.update(chunk);
        out.write(chunk);
      }
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      assertTrue(split > 0, response);
      return new Upload(HexFormat.of().formatHex(sha256.digest()), response.substring(0, response.indexOf("\r\n")),
          response.substring(split + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fills the buffer from an xorshift64 generator; returns the next state. */
  private static long fill(byte[] buffer, long state) {
    for (int i = 0; i < buffer.length; i += 8) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      for (int b = 0; b < 8; b++) {
        buffer[i + b] = (byte) (state >>> (8 * b));
      }
    }
    return state;
  }

  private static String sha256Of(Path file) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1024 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** Prints the largest heap the server's GC log shows, before and after a collection, and checks the live set stayed small. */
  private static void reportHeap(Path gcLog) throws IOException {
    int maxBefore = 0;
    int maxAfter = 0;
    int collections = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (m.find()) {
        collections++;
        maxBefore = Math.max(maxBefore, Integer.parseInt(m.group(1)));
        maxAfter = Math.max(maxAfter, Integer.parseInt(m.group(2)));
      }
    }
    System.out.printf("LargeUploadIT: server heap (-Xmx256m): %d GC pauses, peak %d MiB before GC, %d MiB after GC%n",
        collections, maxBefore, maxAfter);
    assertTrue(collections > 0, "no GC pause in " + gcLog + ": the log format changed?");
    assertTrue(maxAfter < 64, "the server kept " + maxAfter + " MiB live after a GC while streaming");
  }

  private static String awaitListening(Process process, ExecutorService threads) throws Exception {
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> before = new ArrayList<>();
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        for (String next; (next = lines.readLine()) != null; ) {
          if (next.startsWith("Listening on ")) {
            return next;
          }
          before.add(next);
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, threads).get(30, TimeUnit.SECONDS);
    assertNotNull(line, "the sample exited before listening: " + before);
    threads.execute(() -> lines.lines().forEach(ignored -> { }));
    String url = line.substring("Listening on ".length());
    assertTrue(url.startsWith("http://127.0.0.1:"), url);
    return url;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
