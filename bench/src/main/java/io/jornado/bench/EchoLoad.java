package io.jornado.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code WsLoad echo}: a closed loop per connection (send a message, wait for its echo, send the
 * next), for a warm-up and then a measured period. Round trips and their latency are counted in the
 * measured period only.
 *
 * <p>Options: {@code --url=ws://127.0.0.1:P/ws --connections=64 --duration=10 --warmup=3 --size=32
 * [--binary] [--loops=N]}.
 */
final class EchoLoad {
  private EchoLoad() {}

  static JsonLine run(BenchArgs args) {
    int connections = args.integer("connections", 64);
    double duration = args.decimal("duration", 10);
    double warmup = args.decimal("warmup", 3);
    int size = args.integer("size", 32);
    boolean binary = Boolean.parseBoolean(args.string("binary", "false"));
    String text = "x".repeat(size);
    Buffer bytes = Buffer.buffer(text);
    Recorder latencies = new Recorder(3);
    Flag running = new Flag();

    try (LoadClient client = new LoadClient(args.string("url", "ws://127.0.0.1:8888/ws"), WsLoad.loops(args))) {
      List<WebSocket> sockets = client.open(connections, WsLoad.rate(args), WsLoad.inFlight(args), socket -> {
        long[] sentAt = new long[1];
        Runnable send = () -> {
          sentAt[0] = System.nanoTime();
          if (binary) {
            socket.writeBinaryMessage(bytes);
          } else {
            socket.writeTextMessage(text);
          }
        };
        Runnable onEcho = () -> {
          latencies.recordValue(System.nanoTime() - sentAt[0]);
          if (running.on) {
            send.run();
          }
        };
        socket.textMessageHandler(m -> onEcho.run());
        socket.binaryMessageHandler(m -> onEcho.run());
        send.run();
      });
      System.err.printf("echo: %d connected (%d failed), warming up %.0f s%n", sockets.size(), client.failed(), warmup);
      LoadClient.sleepSeconds(warmup);
      latencies.getIntervalHistogram();   // discard the warm-up
      long start = System.nanoTime();
      System.err.printf("echo: measuring %.0f s%n", duration);
      LoadClient.sleepSeconds(duration);
      Histogram measured = latencies.getIntervalHistogram();
      double seconds = (System.nanoTime() - start) / 1e9;
      running.on = false;
      JsonLine result = new JsonLine()
          .put("mode", "echo")
          .put("connections", sockets.size())
          .put("roundtrips", measured.getTotalCount())
          .put("seconds", seconds)
          .put("roundtrips_per_sec", measured.getTotalCount() / seconds);
      WsLoad.putLatencies(result, measured);
      result.put("size", size).put("binary", binary).put("failed", client.failed()).put("closed", client.closed());
      WsLoad.putError(result, client);
      client.closeAll(sockets, 2);
      return result;
    }
  }

  /** A stop flag read on the event loops. */
  static final class Flag {
    volatile boolean on = true;
  }
}
