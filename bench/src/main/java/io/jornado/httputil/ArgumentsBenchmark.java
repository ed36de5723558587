package io.jornado.httputil;

import static io.jornado.bench.jmh.SetupChecks.check;

import io.jornado.escape.Escape;
import io.jornado.util.PythonText;
import io.jornado.web.HttpError;
import io.jornado.web.JmhAccess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Request arguments: {@code FormParser.parseQuery} on a query string of 10 arguments,
 * {@code FormParser.parseBody} on an {@code application/x-www-form-urlencoded} body of 10 arguments
 * (both with percent-escapes, {@code +} and non-ASCII UTF-8), and {@code getArgument}'s semantics on
 * the merged arguments: last value, control characters to spaces, Python's {@code str.strip}.
 *
 * <p>{@link #getArgument} copies {@code RequestHandler.getArgument(name, default)} (through its private
 * {@code arguments("all", name, true)} and {@code ServerRequest.argumentValues}) line for line, since a
 * handler cannot run without a live Vert.x request; keep it in step with those.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class ArgumentsBenchmark {
  /** 10 arguments, one repeated, one blank, escapes and UTF-8 as a search page sends them. */
  static final String QUERY = "q=caf%C3%A9+au+lait&page=2&per_page=50&sort=-created_at&tag=java&tag=vertx"
      + "&lang=en-US&since=2024-01-01T00%3A00%3A00Z&debug=&next=%2Fstory%2F42%3Fref%3Dhome";
  /** 10 arguments as a browser posts a form; {@code note} holds a control character and padding. */
  static final String BODY = "title=Hello%2C+World%21&body=Line+one%0D%0ALine+two+%E2%80%94+caf%C3%A9"
      + "&author=ana&email=ana%40example.com&tags=a&tags=b&published=on&score=4.5"
      + "&_xsrf=2%7Cabcdef12%7C0123456789abcdef%7C1700000000&note=+%01padded%09+";
  static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

  public String query;
  public byte[] body;
  public String contentType;
  public Arguments all;

  @Setup
  public void setUp() {
    io.jornado.bench.jmh.QuietLogging.apply();
    query = QUERY;
    body = BODY.getBytes(StandardCharsets.US_ASCII);
    contentType = CONTENT_TYPE;
    Arguments q = FormParser.parseQuery(query);
    Arguments b = FormParser.parseBody(contentType, body, new LinkedHashMap<>());
    all = Arguments.merge(q, b);
    check(q.values.values().stream().mapToInt(List::size).sum() == 10, "query should hold 10 values: " + q.values);
    check(b.values.values().stream().mapToInt(List::size).sum() == 10, "body should hold 10 values: " + b.values);
    check("café au lait".equals(getArgument(all, "q", null)), "q=" + getArgument(all, "q", null));
    check("2".equals(getArgument(all, "page", null)), "page");
    check("padded".equals(getArgument(all, "note", null)), "note=" + Escape.jsonEncode(getArgument(all, "note", null)));
    check("".equals(getArgument(all, "debug", null)), "debug");
  }

  @Benchmark
  public Object parseQuery10() {
    return FormParser.parseQuery(query);
  }

  @Benchmark
  public Object parseUrlencodedBody10() {
    return FormParser.parseBody(contentType, body, new LinkedHashMap<>());
  }

  /** A clean value: no control characters, nothing to strip (no copy is made). */
  @Benchmark
  public String getArgumentPlain() {
    return getArgument(all, "page", null);
  }

  /** A value with a control character and surrounding whitespace: cleaned, then stripped. */
  @Benchmark
  public String getArgumentControlCharsStrip() {
    return getArgument(all, "note", null);
  }

  /** What a handler pays per request: parse query and body, merge, read three arguments. */
  @Benchmark
  public void parseBothAndGetThree(Blackhole bh) {
    Arguments merged = Arguments.merge(FormParser.parseQuery(query),
        FormParser.parseBody(contentType, body, new LinkedHashMap<>()));
    bh.consume(getArgument(merged, "page", "1"));
    bh.consume(getArgument(merged, "title", null));
    bh.consume(getArgument(merged, "note", null));
  }

  /** RequestHandler.getArgument(name, default, strip = true) over ServerRequest.argumentValues("all", name). */
  static String getArgument(Arguments from, String name, String defaultValue) {
    ServerRequest.ArgumentValues found = new ServerRequest.ArgumentValues(from.get(name), from.invalid.get(name));
    if (found.invalidBytes() != null) {
      throw new HttpError(400, "Invalid unicode in %s: %s", name, Escape.bytesRepr(found.invalidBytes(), 40));
    }
    List<String> values = new ArrayList<>(found.values().size());
    for (String v : found.values()) {
      String cleaned = JmhAccess.removeControlCharacters(v);
      values.add(PythonText.strip(cleaned));
    }
    return values.isEmpty() ? defaultValue : values.get(values.size() - 1);
  }
}
