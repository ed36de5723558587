package io.jornado.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jornado.httpserver.ServerOptions;
import io.jornado.samples.websocket.TestSocket;
import io.jornado.samples.websocket.WebSocketSampleTestCase;
import io.jornado.web.Application;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chat served on two event loops, as {@code --processes=2} does: connections are spread over the
 * loops, and every message still reaches every client, through pub/sub, and the history is shared.
 */
class ChatMultiLoopTest extends WebSocketSampleTestCase {
  private static final int CLIENTS = 6;
  @Override
  protected Application getApp() {
    return Chat.makeApp();
  }

  @Override
  protected ServerOptions getHttpServerOptions() {
    return new ServerOptions().processes(2);
  }

  private TestSocket join(String nick) {
    return connect("/chatsocket?nick=" + nick);
  }

  @Test
  void everyClientOnEveryLoopGetsEveryMessageInOneOrder() {
    assertEquals(2, getHttpServer().processes());
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        sockets.add(join("user" + i));
      }
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < CLIENTS; i++) {
          sockets.get(i).sendText(new JsonObject().put("body", "r" + round + " from " + i).encode());
        }
      }
      int total = 3 * CLIENTS;
      List<String> first = sockets.get(0).nextTexts(total);
      Set<String> bodies = new HashSet<>();
      for (String text : first) {
        JsonObject message = new JsonObject(text);
        assertEquals("user" + message.getString("body").substring(8), message.getString("nick"));
        bodies.add(message.getString("body"));
      }
      assertEquals(total, bodies.size(), "every message once: " + first);
      for (TestSocket socket : sockets) {
        if (socket != sockets.get(0)) {
          assertEquals(first, socket.nextTexts(total), "every client sees the same messages in the same order");
        }
        socket.assertNoMoreMessages(Duration.ofMillis(100));
      }

      // Newcomers, whichever loop they land on, get the same history.
      for (int i = 0; i < 2; i++) {
        try (TestSocket newcomer = join("late" + i)) {
          assertEquals(first, newcomer.nextTexts(total));
          newcomer.assertNoMoreMessages(Duration.ofMillis(100));
        }
      }
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }

  @Test
  void messagesPostedWhileOthersJoinArriveExactlyOnce() {
    List<TestSocket> sockets = new ArrayList<>();
    try (TestSocket talker = join("talker")) {
      int sent = 0;
      for (int i = 0; i < CLIENTS; i++) {
        talker.sendText(new JsonObject().put("body", "m" + sent++).encode());
        sockets.add(join("listener" + i));
        talker.sendText(new JsonObject().put("body", "m" + sent++).encode());
      }
      List<String> all = talker.nextTexts(sent);
      for (int i = 0; i < sent; i++) {
        assertEquals("m" + i, new JsonObject(all.get(i)).getString("body"));
      }
      for (TestSocket socket : sockets) {
        List<String> got = new ArrayList<>();
        Object next;
        while ((next = socket.poll(Duration.ofMillis(300))) != null) {
          got.add((String) next);
        }
        assertEquals(all, got, "the history (every earlier message) then the live ones: no gap, no duplicate");
      }
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }
}
