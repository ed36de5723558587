package io.jornado.bench;

import io.vertx.core.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code WsLoad idle}: opens idle WebSocket connections in steps and reads the server's resident
 * memory after each step has settled. Connections stay open, sending nothing, until the end.
 *
 * <p>Options: {@code --url=ws://127.0.0.1:P/ws --steps=0,1000,5000,10000 --pids=PID[,PID...]
 * --settle=2 [--rate=2000] [--inflight=200] [--loops=N]}.
 *
 * <p>{@code per_connection_kib} is (RSS at the last step - RSS at 0) / connections open at the last
 * step, which is the last step's count unless some failed or closed (then {@code failed} or
 * {@code closed} says how many).
 */
final class IdleLoad {
  private IdleLoad() {}

  static JsonLine run(BenchArgs args) {
    int[] steps = Arrays.stream(args.integers("steps", "0,1000,5000,10000")).sorted().distinct().toArray();
    int[] pids = args.integers("pids", "");
    if (pids.length == 0) {
      throw new IllegalArgumentException("idle needs --pids=PID[,PID...] of the server");
    }
    double settle = args.decimal("settle", 2);
    ServerRss rss = new ServerRss(pids);
    Map<String, Long> rssKib = new LinkedHashMap<>();
    List<WebSocket> sockets = new ArrayList<>();

    try (LoadClient client = new LoadClient(args.string("url", "ws://127.0.0.1:8888/ws"), WsLoad.loops(args))) {
      LoadClient.sleepSeconds(settle);
      long base = rss.kib();
      rssKib.put("0", base);
      System.err.printf("idle: 0 connections, %d KiB%n", base);
      int lastOpen = 0;
      long last = base;
      for (int step : steps) {
        if (step <= 0) {
          continue;
        }
        int more = step - client.opened();
        long t0 = System.nanoTime();
        sockets.addAll(client.open(more, WsLoad.rate(args), WsLoad.inFlight(args), socket -> { }));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        LoadClient.sleepSeconds(settle);
        last = rss.kib();
        lastOpen = sockets.size() - client.closed();
        rssKib.put(Integer.toString(step), last);
        System.err.printf("idle: %d connections (%d open, %d failed, opened in %.1f s), %d KiB%n",
            step, lastOpen, client.failed(), openSeconds, last);
      }
      JsonLine result = new JsonLine()
          .put("mode", "idle")
          .put("rss_kib", rssKib)
          .put("per_connection_kib", lastOpen > 0 ? (double) (last - base) / lastOpen : null)
          .put("connections", lastOpen)
          .put("failed", client.failed())
          .put("closed", client.closed());
      if (!rss.missing().isEmpty()) {
        result.put("missing_pids", rss.missing());
      }
      WsLoad.putError(result, client);
      client.closeAll(sockets, 3);
      return result;
    }
  }
}
