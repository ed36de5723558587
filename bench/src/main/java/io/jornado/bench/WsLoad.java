package io.jornado.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * The WebSocket load client of the benchmarks (Vert.x WebSocket client, HdrHistogram latencies).
 * Every run is bounded in time and count and prints exactly one JSON line on stdout, its result;
 * progress goes to stderr. Connects to 127.0.0.1 only.
 *
 * <pre>
 * WsLoad echo      --url=ws://127.0.0.1:P/ws --connections=64 --duration=10 --warmup=3 --size=32 [--binary]
 *   {"mode":"echo","connections":64,"roundtrips":N,"seconds":S,"roundtrips_per_sec":X,
 *    "p50_us":..,"p90_us":..,"p99_us":..,"p999_us":..,"max_us":..,"mean_us":..,"size":32,"binary":false,"failed":0,"closed":0}
 * WsLoad idle      --url=ws://127.0.0.1:P/ws --steps=0,1000,5000,10000 --pids=PID[,PID...] --settle=2
 *   {"mode":"idle","rss_kib":{"0":..,"1000":..},"per_connection_kib":X,"connections":N,"failed":0,"closed":0}
 * WsLoad broadcast --url=ws://127.0.0.1:P/chat --clients=1000 --messages=200 --interval-ms=20 --warmup-messages=20
 *   {"mode":"broadcast","clients":..,"messages":..,"deliveries":..,"expected":..,"p50_us":..,"p99_us":..,"max_us":..,...}
 * </pre>
 *
 * <p>Common options: {@code --loops=N} client event loops (default: cores), {@code --rate=2000} new
 * connections a second at most, {@code --inflight=200} handshakes in progress at most,
 * {@code --timeout=S} hard limit on the whole run (default: derived from the mode's options). A
 * connection that fails is counted in {@code "failed"} and, with its first error, in
 * {@code "error"}; a run that hits the hard limit prints {@code {"mode":..,"error":"timeout ..."}}
 * and exits with status 2; bad options print {@code {"mode":..,"error":..}} and exit with 2. A run
 * in which no connection opened prints its line (with {@code "error"}) and exits with 1; otherwise
 * the status is 0, and {@code "failed"} / {@code "closed"} say whether every connection held.
 *
 * <p>Run: {@code java -cp bench/target/jornado-bench.jar io.jornado.bench.WsLoad echo --url=...}.
 */
public final class WsLoad {
  private static final String[] OPTIONS = {
    "url", "loops", "rate", "inflight", "timeout",
    "connections", "duration", "warmup", "size", "binary",
    "steps", "pids", "settle",
    "clients", "messages", "interval-ms", "warmup-messages",
  };
  private static final AtomicBoolean PRINTED = new AtomicBoolean();

  private WsLoad() {}

  /**
   * Runs one mode and prints its result line.
   *
   * @param argv the mode, then {@code --key=value} options
   */
  public static void main(String[] argv) {
    System.setProperty("vertx.disableDnsResolver", "true");
    String mode = argv.length > 0 ? argv[0] : "";
    BenchArgs args;
    try {
      args = BenchArgs.parse(argv, OPTIONS);
      if (args.positional().size() != 1) {
        throw new IllegalArgumentException("usage: WsLoad echo|idle|broadcast --key=value ...");
      }
      startWatchdog(mode, args.decimal("timeout", defaultTimeout(mode, args)));
    } catch (IllegalArgumentException e) {
      finish(new JsonLine().put("mode", mode).put("error", e.getMessage()), 2);
      return;
    }
    JsonLine result;
    try {
      switch (mode) {
        case "echo":
          result = EchoLoad.run(args);
          break;
        case "idle":
          result = IdleLoad.run(args);
          break;
        case "broadcast":
          result = BroadcastLoad.run(args);
          break;
        default:
          throw new IllegalArgumentException("Unknown mode '" + mode + "'; use echo, idle or broadcast");
      }
    } catch (IllegalArgumentException e) {
      finish(new JsonLine().put("mode", mode).put("error", e.getMessage()), 2);
      return;
    } catch (RuntimeException e) {
      e.printStackTrace();
      finish(new JsonLine().put("mode", mode).put("error", String.valueOf(e)), 2);
      return;
    }
    Object connected = result.get("idle".equals(mode) ? "connections" : "broadcast".equals(mode) ? "clients" : "connections");
    finish(result, connected instanceof Number && ((Number) connected).longValue() > 0 ? 0 : 1);
  }

  /** A generous bound on a run: its planned length plus room for connecting and closing. */
  private static double defaultTimeout(String mode, BenchArgs args) {
    double connecting;
    switch (mode) {
      case "echo":
        return args.decimal("warmup", 3) + args.decimal("duration", 10) + 30;
      case "idle":
        int[] steps = args.integers("steps", "0,1000,5000,10000");
        int most = 0;
        for (int s : steps) {
          most = Math.max(most, s);
        }
        connecting = most / rate(args);
        return connecting + (steps.length + 2) * args.decimal("settle", 2) + 120;
      case "broadcast":
        connecting = args.integer("clients", 1000) / rate(args);
        double sending = (args.integer("messages", 200) + args.integer("warmup-messages", 20))
            * Math.max(1, args.integer("interval-ms", 20)) / 1000.0;
        return connecting + args.decimal("settle", 1) + sending + 90;
      default:
        return 60;
    }
  }

  private static void startWatchdog(String mode, double seconds) {
    Thread watchdog = new Thread(() -> {
      LoadClient.sleepSeconds(seconds);
      finish(new JsonLine().put("mode", mode).put("error", "timeout after " + seconds + " s"), 2);
    }, "wsload-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Prints the result line (once per process) and ends the process with the status. */
  private static void finish(JsonLine line, int status) {
    if (PRINTED.compareAndSet(false, true)) {
      System.out.println(line);
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(status);
    }
  }

  static int loops(BenchArgs args) {
    return Math.max(1, args.integer("loops", Runtime.getRuntime().availableProcessors()));
  }

  static double rate(BenchArgs args) {
    return Math.max(1, args.decimal("rate", 2000));
  }

  static int inFlight(BenchArgs args) {
    return Math.max(1, args.integer("inflight", 200));
  }

  /** Adds the latency percentiles, in microseconds, of a histogram recorded in nanoseconds. */
  static void putLatencies(JsonLine line, Histogram h) {
    boolean empty = h.getTotalCount() == 0;
    line.put("p50_us", empty ? null : h.getValueAtPercentile(50) / 1000.0)
        .put("p90_us", empty ? null : h.getValueAtPercentile(90) / 1000.0)
        .put("p99_us", empty ? null : h.getValueAtPercentile(99) / 1000.0)
        .put("p999_us", empty ? null : h.getValueAtPercentile(99.9) / 1000.0)
        .put("max_us", empty ? null : h.getMaxValue() / 1000.0)
        .put("mean_us", empty ? null : h.getMean() / 1000.0);
  }

  /** Adds the first connection error, if any. */
  static void putError(JsonLine line, LoadClient client) {
    if (client.firstError() != null) {
      line.put("error", client.firstError());
    }
  }
}
