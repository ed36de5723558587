package io.jornado.samples.fileupload;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slow disk holds the upload back: no chunk arrives while the previous one is still being written. */
class StreamUploadBackpressureTest extends AsyncHttpTestCase {
  private static final AtomicInteger WRITING = new AtomicInteger();
  private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
  private static final AtomicInteger CHUNKS = new AtomicInteger();

  @TempDir
  Path uploadDir;

  /** The sample's handler with each write taking a few milliseconds longer. */
  public static class SlowDiskHandler extends StreamUploadHandler {
    /** Made by the application for each request. */
    public SlowDiskHandler() {}

    @Override
    public Future<?> dataReceived(Buffer chunk) {
      CHUNKS.incrementAndGet();
      MOST_AT_ONCE.accumulateAndGet(WRITING.incrementAndGet(), Math::max);
      return super.dataReceived(chunk)
          .compose(written -> ioLoop().vertx().timer(2))
          .onComplete(ar -> WRITING.decrementAndGet());
    }
  }

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/stream/(.*)", SlowDiskHandler.class,
        Map.of(StreamUploadHandler.UPLOAD_DIR, uploadDir, StreamUploadHandler.MAX_UPLOAD_SIZE, 10L * 1024 * 1024))));
  }

  @Test
  void eachChunkWaitsForThePreviousWrite() throws Exception {
    byte[] content = new byte[2 * 1024 * 1024];
    HttpResponse response = fetch("/stream/slow.bin", r -> r.method("PUT").body(content));
    assertEquals(200, response.code(), response.bodyAsString());
    assertEquals(content.length, new JsonObject(response.bodyAsString()).getLong("bytes"));
    assertEquals(content.length, Files.size(uploadDir.resolve("slow.bin")));
    assertTrue(CHUNKS.get() > 1, "the body came in one chunk: nothing to pause between");
    assertEquals(1, MOST_AT_ONCE.get(), "chunks arrived while a write was pending");
  }
}
