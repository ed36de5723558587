package io.jornado.bench;

import io.vertx.core.http.WebSocket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code WsLoad broadcast}: connects {@code clients} WebSocket clients to a chat endpoint; one of
 * them, the sender, sends {@code warmup-messages + messages} text messages {@code t:<nanoTime>:<seq>}
 * every {@code interval-ms}; every client (the sender too) records arrival - send time of each
 * message after the warm-up ones. Stops waiting 5 s after the last send, or as soon as every
 * expected message arrived.
 *
 * <p>Options: {@code --url=ws://127.0.0.1:P/chat --clients=1000 --messages=200 --interval-ms=20
 * --warmup-messages=20 [--settle=1] [--rate=2000] [--inflight=200] [--loops=N]}. {@code settle}
 * is the pause between the last connection and the first send, so that every server-side
 * subscription is in place.
 */
final class BroadcastLoad {
  private BroadcastLoad() {}

  static JsonLine run(BenchArgs args) {
    int clients = args.integer("clients", 1000);
    int messages = args.integer("messages", 200);
    int warmup = args.integer("warmup-messages", 20);
    int intervalMs = Math.max(1, args.integer("interval-ms", 20));
    double settle = args.decimal("settle", 1);
    int total = warmup + messages;
    Recorder latencies = new Recorder(3);
    LongAdder deliveries = new LongAdder();
    LongAdder received = new LongAdder();

    try (LoadClient client = new LoadClient(args.string("url", "ws://127.0.0.1:8888/chat"), WsLoad.loops(args))) {
      List<WebSocket> sockets = client.open(clients, WsLoad.rate(args), WsLoad.inFlight(args), socket ->
          socket.textMessageHandler(text -> {
            long now = System.nanoTime();
            received.increment();
            int a = text.indexOf(':');
            int b = text.indexOf(':', a + 1);
            if (a != 1 || b < 0 || text.charAt(0) != 't') {
              return;
            }
            long sent = Long.parseLong(text, a + 1, b, 10);
            int seq = Integer.parseInt(text, b + 1, text.length(), 10);
            if (seq >= warmup) {
              latencies.recordValue(Math.max(0, now - sent));
              deliveries.increment();
            }
          }));
      int connected = sockets.size();
      System.err.printf("broadcast: %d connected (%d failed), sending %d+%d messages every %d ms%n",
          connected, client.failed(), warmup, messages, intervalMs);
      JsonLine result = new JsonLine().put("mode", "broadcast").put("clients", connected).put("messages", messages);
      if (connected == 0) {
        result.put("deliveries", 0).put("expected", 0).put("failed", client.failed());
        WsLoad.putError(result, client);
        return result;
      }
      LoadClient.sleepSeconds(settle);
      latencies.getIntervalHistogram();

      WebSocket sender = sockets.get(0);
      CountDownLatch sentAll = new CountDownLatch(1);
      sendEvery(client, sender, intervalMs, total, sentAll);
      try {
        sentAll.await((long) total * intervalMs + 30_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long expectedAll = (long) connected * total;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < deadline && received.sum() < expectedAll) {
        LoadClient.sleepSeconds(0.01);
      }
      Histogram measured = latencies.getIntervalHistogram();
      result.put("deliveries", deliveries.sum()).put("expected", (long) connected * messages);
      WsLoad.putLatencies(result, measured);
      result.put("warmup_messages", warmup).put("interval_ms", intervalMs)
          .put("failed", client.failed()).put("closed", client.closed());
      WsLoad.putError(result, client);
      client.closeAll(sockets, 3);
      return result;
    }
  }

  /** Sends {@code total} stamped messages from {@code sender}, one every {@code intervalMs}, on its own loop. */
  private static void sendEvery(LoadClient client, WebSocket sender, int intervalMs, int total,
      CountDownLatch sentAll) {
    int[] seq = {0};
    client.contextOf(sender).runOnContext(v -> client.vertx().setPeriodic(intervalMs, id -> {
      sender.writeTextMessage("t:" + System.nanoTime() + ":" + seq[0]);
      if (++seq[0] >= total) {
        client.vertx().cancelTimer(id);
        sentAll.countDown();
      }
    }));
  }
}
