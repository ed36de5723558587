package io.jornado.web;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The automatic ETag of {@code RequestHandler.finish}: {@code Etags.sha1(writeBuffer)} (SHA-1 of the
 * body, copied out of the Vert.x buffer, as lower-case hex in quotes) on a 12-byte body and on a
 * 16 KiB body, and {@code Etags.matches} against an {@code If-None-Match} list of weak tags, with the
 * response's tag last in the list (304) and absent from it (200).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class EtagBenchmark {
  public Buffer smallBody;
  public Buffer largeBody;
  public String etag;
  public String ifNoneMatchHit;
  public String ifNoneMatchMiss;

  @Setup
  public void setUp() {
    io.jornado.bench.jmh.QuietLogging.apply();
    smallBody = Buffer.buffer("Hello, world".getBytes(StandardCharsets.US_ASCII));
    byte[] large = new byte[16 * 1024];
    new Random(42).nextBytes(large);
    largeBody = Buffer.buffer(large);
    etag = Etags.sha1(smallBody);
    String other1 = Etags.sha1(Buffer.buffer("other 1"));
    String other2 = Etags.sha1(Buffer.buffer("other 2"));
    String other3 = Etags.sha1(Buffer.buffer("other 3"));
    ifNoneMatchHit = "W/" + other1 + ", W/" + other2 + ", W/" + other3 + ", W/" + etag;
    ifNoneMatchMiss = "W/" + other1 + ", W/" + other2 + ", W/" + other3 + ", W/" + Etags.sha1(Buffer.buffer("other 4"));
    if (smallBody.length() != 12 || !etag.equals("\"e02aa1b106d5c7c6a98def2b13005d5b84fd8dc8\"")
        || !Etags.matches(etag, ifNoneMatchHit) || Etags.matches(etag, ifNoneMatchMiss)) {
      throw new IllegalStateException("unexpected ETag behaviour: " + etag);
    }
  }

  @Benchmark
  public String sha1Body12B() {
    return Etags.sha1(smallBody);
  }

  @Benchmark
  public String sha1Body16KiB() {
    return Etags.sha1(largeBody);
  }

  @Benchmark
  public boolean ifNoneMatchWeakListHit() {
    return Etags.matches(etag, ifNoneMatchHit);
  }

  @Benchmark
  public boolean ifNoneMatchWeakListMiss() {
    return Etags.matches(etag, ifNoneMatchMiss);
  }
}
