package io.jornado.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static files under {@code compress_response}: as Tornado 6.2 does, a compressible file is streamed
 * gzipped whatever its size (chunked, no Content-Length), anything else is sent whole (here with
 * sendFile); every answer carries {@code Vary: Accept-Encoding}.
 */
class StaticGzipTest extends AsyncHttpTestCase {
  private static final String TEXT = "abcdefghijklmnopqrstuvwxyz";

  @TempDir
  static Path root;

  @BeforeAll
  static void makeFiles() throws IOException {
    Files.writeString(root.resolve("hello.txt"), TEXT);
    Files.write(root.resolve("a.bin"), new byte[] {'x', 'y', 'z'});
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(), Map.of("static_path", root.toString(), "compress_response", true));
  }

  @Test
  void compressibleFileIsStreamedGzipped() throws IOException {
    HttpResponse response = fetch("/static/hello.txt", r -> r.decompressResponse(false).header("Accept-Encoding", "gzip"));
    assertEquals(200, response.code());
    assertEquals("gzip", response.headers().get("Content-Encoding"));
    assertEquals("Accept-Encoding", response.headers().get("Vary"));
    assertEquals("chunked", response.headers().get("Transfer-Encoding"));
    assertFalse(response.headers().contains("Content-Length"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertArrayEquals(TEXT.getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
    }
  }

  @Test
  void fileSentWholeWithoutGzipStillVaries() {
    HttpResponse text = fetch("/static/hello.txt", r -> r.decompressResponse(false));
    assertEquals("26", text.headers().get("Content-Length"));
    assertEquals("Accept-Encoding", text.headers().get("Vary"));
    assertFalse(text.headers().contains("Content-Encoding"));
    assertEquals(TEXT, text.bodyAsString());

    HttpResponse binary = fetch("/static/a.bin", r -> r.decompressResponse(false).header("Accept-Encoding", "gzip"));
    assertEquals("3", binary.headers().get("Content-Length"));
    assertEquals("Accept-Encoding", binary.headers().get("Vary"));
    assertFalse(binary.headers().contains("Content-Encoding"));
    assertEquals("xyz", binary.bodyAsString());
  }
}
