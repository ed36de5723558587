package io.jornado.bench.jmh;

import static io.jornado.bench.jmh.SetupChecks.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornado.escape.Escape;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * JSON writing as {@code RequestHandler.write(Map)} does it, {@code Escape.jsonEncode} (Python's
 * {@code json.dumps}: {@code ", "}/{@code ": "} separators, non-ASCII as {@code \}{@code uXXXX},
 * {@code </} escaped), against Vert.x's own encoder as the baseline ({@code new JsonObject(map).encode()},
 * Jackson's streaming generator, compact, UTF-8 left as is). Three payloads: the
 * {@code {"message": "Hello, World!"}} of the /json endpoint, a nested map/list of 25 leaf fields with
 * non-ASCII text, and a record (which Jornado converts through Jackson's {@code convertValue}; Vert.x
 * through {@code Json.encode}, i.e. Jackson databind; plain {@code ObjectMapper.writeValueAsString}
 * shown for reference). The outputs differ in spacing and escaping, not in content; setup checks that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class JsonBenchmark {
  public record Author(long id, String name, String email, boolean verified) {}

  public record Story(long id, String title, String slug, boolean published, double score, long views,
      Author author, List<String> tags, String summary, String createdAt) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Map<String, Object> hello;
  public Map<String, Object> nested;
  public Story story;

  @Setup
  public void setUp() throws JsonProcessingException {
    QuietLogging.apply();
    hello = Map.of("message", "Hello, World!");
    nested = nestedMap();
    story = new Story(42, "Ünïcödé — naïve café", "unicode-naive-cafe", true, 4.75, 123_456,
        new Author(7, "Zoë Ørsted", "zoe@example.com", false), List.of("java", "vert.x", "日本語", "tornado"),
        "Line one\nLine two </script>", "2024-01-01T00:00:00Z");

    check(Escape.jsonEncode(hello).equals("{\"message\": \"Hello, World!\"}"), Escape.jsonEncode(hello));
    check(new JsonObject(hello).encode().equals("{\"message\":\"Hello, World!\"}"), new JsonObject(hello).encode());
    sameContent(Escape.jsonEncode(nested), new JsonObject(nested).encode());
    String encoded = Escape.jsonEncode(nested);
    check(encoded.chars().allMatch(c -> c < 0x80) && encoded.contains("\\u00dcn\\u00efc\\u00f6d\\u00e9"), encoded);
    sameContent(Escape.jsonEncode(story), Json.encode(story));
    sameContent(Escape.jsonEncode(story), MAPPER.writeValueAsString(story));
  }

  static Map<String, Object> nestedMap() {
    Map<String, Object> author = new LinkedHashMap<>();
    author.put("id", 7);
    author.put("name", "Zoë Ørsted");
    author.put("email", "zoe@example.com");
    author.put("verified", false);
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("likes", 311);
    stats.put("shares", 12);
    stats.put("ratio", 0.125);
    Map<String, Object> comment1 = new LinkedHashMap<>();
    comment1.put("user", "ana");
    comment1.put("text", "Très bien !");
    Map<String, Object> comment2 = new LinkedHashMap<>();
    comment2.put("user", "bo");
    comment2.put("text", "\uD83D\uDC4D great");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", 42);
    m.put("title", "Ünïcödé — naïve café");
    m.put("slug", "unicode-naive-cafe");
    m.put("published", true);
    m.put("score", 4.75);
    m.put("views", 123_456);
    m.put("lang", "fr-FR");
    m.put("author", author);
    m.put("tags", Arrays.asList("java", "vert.x", "日本語", "tornado"));
    m.put("stats", stats);
    m.put("comments", List.of(comment1, comment2));
    m.put("summary", "Line one\nLine two </script>");
    m.put("createdAt", "2024-01-01T00:00:00Z");
    m.put("draft", null);
    return m;
  }

  private static void sameContent(String jornado, String baseline) {
    check(new JsonObject(jornado).equals(new JsonObject(baseline)), jornado + " <> " + baseline);
  }

  @Benchmark
  public String helloJornado() {
    return Escape.jsonEncode(hello);
  }

  @Benchmark
  public String helloVertx() {
    return new JsonObject(hello).encode();
  }

  @Benchmark
  public String nestedJornado() {
    return Escape.jsonEncode(nested);
  }

  @Benchmark
  public String nestedVertx() {
    return new JsonObject(nested).encode();
  }

  @Benchmark
  public String recordJornado() {
    return Escape.jsonEncode(story);
  }

  @Benchmark
  public String recordVertx() {
    return Json.encode(story);
  }

  @Benchmark
  public String recordJacksonDirect() throws JsonProcessingException {
    return MAPPER.writeValueAsString(story);
  }
}
