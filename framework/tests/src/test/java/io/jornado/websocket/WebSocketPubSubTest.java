package io.jornado.websocket;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpserver.ServerOptions;
import io.jornado.pubsub.PubSub;
import io.jornado.pubsub.Subscription;
import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketPubSubTest extends AsyncHttpTestCase {
  static final int MESSAGES = 10_000;
  static final Map<String, Subscription> SUBSCRIPTIONS = new ConcurrentHashMap<>();
  static final Map<String, CompletableFuture<Void>> CLOSED = new ConcurrentHashMap<>();

  public static class Listener extends WebSocketHandler {
    private String id;

    @Override
    public Future<?> open(String... pathArgs) {
      id = getArgument("id");
      SUBSCRIPTIONS.put(id, subscribe("news", message -> writeMessage((String) message)));
      return writeMessage("loop " + Thread.currentThread().getName());
    }

    @Override
    public void onMessage(String message) {
      PubSub pubsub = PubSub.of(ioLoop().vertx());
      for (int i = 0; i < MESSAGES; i++) {
        pubsub.publish("news", "n" + i);
      }
    }

    @Override
    public void onClose() {
      CLOSED.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null);
    }
  }

  @Override
  protected Application getApp() {
    SUBSCRIPTIONS.clear();
    CLOSED.clear();
    return new Application(List.of(url("/listen", Listener.class)));
  }

  @Override
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions().processes(2);
  }

  @Test
  void publishedOnOneLoopReachesSocketsOnEveryLoopOnceAndInOrder() throws Exception {
    List<RawWebSocket> sockets = new ArrayList<>();
    try {
      String firstLoop = null;
      String otherLoop = null;
      for (int i = 0; i < 40 && otherLoop == null; i++) {
        RawWebSocket ws = RawWebSocket.connect(getHttpPort(), "/listen?id=s" + i, Map.of());
        sockets.add(ws);
        String loop = ws.read().text();
        if (firstLoop == null) {
          firstLoop = loop;
        } else if (!loop.equals(firstLoop)) {
          otherLoop = loop;
        }
      }
      assertNotEquals(null, otherLoop, "no second event loop served a socket");
      sockets.get(0).sendText("publish");
      for (RawWebSocket ws : sockets) {
        ws.socket.setSoTimeout(20_000);
        for (int i = 0; i < MESSAGES; i++) {
          assertEquals("n" + i, ws.read().text());
        }
      }
      RawWebSocket last = sockets.get(sockets.size() - 1);
      last.socket.setSoTimeout(300);
      assertTrue(readsNothing(last), "a duplicate arrived");
    } finally {
      for (RawWebSocket ws : sockets) {
        ws.close();
      }
    }
  }

  private static boolean readsNothing(RawWebSocket ws) throws Exception {
    try {
      RawWebSocket.Frame extra = ws.read();
      return extra == null;
    } catch (java.net.SocketTimeoutException expected) {
      return true;
    }
  }

  @Test
  void closingTheSocketEndsItsSubscription() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(getHttpPort(), "/listen?id=gone", Map.of())) {
      ws.read();
      Subscription subscription = SUBSCRIPTIONS.get("gone");
      assertEquals(false, subscription.isClosed());
      ws.sendClose(1000, "");
      CLOSED.computeIfAbsent("gone", k -> new CompletableFuture<>()).get(5, TimeUnit.SECONDS);
      assertTrue(subscription.isClosed());
    }
  }
}
