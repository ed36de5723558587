package io.jornado.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.escape.Escape;
import io.jornado.httpclient.HttpResponse;
import io.jornado.samples.websocket.TestSocket;
import io.jornado.samples.websocket.WebSocketSampleTestCase;
import io.jornado.testing.ExpectLog;
import io.jornado.web.Application;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatTest extends WebSocketSampleTestCase {
  @Override
  protected Application getApp() {
    return Chat.makeApp();
  }

  private TestSocket join(String nick) {
    String uri = nick == null ? "/chatsocket" : "/chatsocket?nick=" + Escape.urlEscape(nick);
    return connect(uri);
  }

  private static String say(String body) {
    return new JsonObject().put("body", body).encode();
  }

  private static JsonObject json(String text) {
    return new JsonObject(text);
  }

  // ---- the page ------------------------------------------------------------------------------

  @Test
  void pageLinksItsStylesheetAndScript() {
    HttpResponse response = fetch("/");
    assertEquals(200, response.code());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
    String page = response.bodyAsString();
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/static/chat.css\">"), page);
    assertTrue(page.contains("<script src=\"/static/chat.js\"></script>"), page);
    assertTrue(page.contains("id=\"nick\""), page);
  }

  @Test
  void staticFilesHaveTheirContentTypes() {
    HttpResponse css = fetch("/static/chat.css");
    assertEquals(200, css.code());
    assertEquals("text/css; charset=UTF-8", css.headers().get("Content-Type"));
    assertTrue(css.bodyAsString().contains(".messages"), css.bodyAsString());

    HttpResponse js = fetch("/static/chat.js");
    assertEquals(200, js.code());
    assertEquals("application/javascript; charset=UTF-8", js.headers().get("Content-Type"));
    String script = js.bodyAsString();
    assertTrue(script.contains("/chatsocket?nick=\" + encodeURIComponent(nick)"), script);
    assertTrue(script.contains("textContent = message.body"), script);
    assertFalse(script.contains("innerHTML"), "the script never parses message text as HTML");
  }

  @Test
  void nothingIsLoadedFromElsewhere() {
    for (String path : List.of("/", "/static/chat.css", "/static/chat.js")) {
      String text = fetch(path).bodyAsString();
      assertFalse(text.contains("http://") || text.contains("https://") || text.contains("@import"), path);
    }
  }

  @Test
  void otherStaticNamesAre404() {
    try (ExpectLog access = new ExpectLog("jornado.access", "404 GET /static/other\\.js")) {
      assertEquals(404, fetch("/static/other.js").code());
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  @Test
  void aMessageReachesEveryClientWithIdNickAndBody() {
    try (TestSocket alice = join("alice"); TestSocket bob = join("bob")) {
      alice.sendText(say("hi <b>bob</b> & \u00e9\u2603"));
      JsonObject toAlice = json(alice.nextText());
      JsonObject toBob = json(bob.nextText());
      assertEquals(Set.of("id", "nick", "body"), toAlice.fieldNames());
      assertEquals("alice", toAlice.getString("nick"));
      assertEquals("hi <b>bob</b> & \u00e9\u2603", toAlice.getString("body"));
      assertFalse(toAlice.getString("id").isEmpty());
      assertEquals(toAlice, toBob);

      bob.sendText(say("hello alice"));
      JsonObject second = json(alice.nextText());
      assertEquals(Map.of("nick", "bob", "body", "hello alice"), Map.of("nick", second.getString("nick"),
          "body", second.getString("body")));
      assertEquals(second, json(bob.nextText()));
      assertNotEquals(toAlice.getString("id"), second.getString("id"));
      alice.assertNoMoreMessages(Duration.ofMillis(200));
      bob.assertNoMoreMessages(Duration.ofMillis(50));
    }
  }

  @Test
  void idsAreUnique() {
    try (TestSocket alice = join("alice")) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        alice.sendText(say("same"));
      }
      for (String text : alice.nextTexts(20)) {
        ids.add(json(text).getString("id"));
      }
      assertEquals(20, ids.size());
    }
  }

  @Test
  void nicknameIsTrimmedCutAndDefaulted() {
    try (TestSocket none = join(null); TestSocket blank = join("   ");
        TestSocket spaced = join("  Zo\u00eb  "); TestSocket longNick = join("x".repeat(31) + "\uD83D\uDE00tail")) {
      List<String> nicks = new ArrayList<>();
      for (TestSocket sender : List.of(none, blank, spaced, longNick)) {
        sender.sendText(say("hello"));
        nicks.add(json(none.nextText()).getString("nick"));
      }
      assertEquals(List.of("anonymous", "anonymous", "Zo\u00eb", "x".repeat(31) + "\uD83D\uDE00"), nicks);
    }
  }

  @Test
  void blankBodiesAreIgnored() {
    try (TestSocket alice = join("alice")) {
      alice.sendText(say(""));
      alice.sendText(say(" \n\t"));
      alice.sendText(say("after"));
      assertEquals("after", json(alice.nextText()).getString("body"));
      alice.assertNoMoreMessages(Duration.ofMillis(200));
    }
  }

  // ---- history -------------------------------------------------------------------------------

  @Test
  void aNewcomerGetsTheLast100MessagesInOrder() {
    try (TestSocket alice = join("alice")) {
      for (int i = 0; i < 105; i++) {
        alice.sendText(say("m" + i));
      }
      List<String> seenByAlice = alice.nextTexts(105);
      assertEquals("m104", json(seenByAlice.get(104)).getString("body"));

      try (TestSocket carol = join("carol")) {
        List<String> history = carol.nextTexts(100);
        assertEquals(seenByAlice.subList(5, 105), history, "the same messages, ids included, oldest first");
        for (int i = 0; i < 100; i++) {
          assertEquals("m" + (i + 5), json(history.get(i)).getString("body"));
        }
        carol.assertNoMoreMessages(Duration.ofMillis(300));

        carol.sendText(say("hi all"));
        assertEquals("hi all", json(carol.nextText()).getString("body"));
        assertEquals("hi all", json(alice.nextText()).getString("body"));
      }
    }
  }

  @Test
  void aNewcomerToAQuietRoomGetsNothing() {
    try (TestSocket alice = join("alice")) {
      alice.assertNoMoreMessages(Duration.ofMillis(200));
    }
  }

  // ---- bad input -----------------------------------------------------------------------------

  private void assertClosedWith1003(String text, String reasonPart) {
    try (TestSocket socket = join("mallory")) {
      socket.sendText(text);
      TestSocket.Closed closed = socket.awaitClose();
      assertEquals((short) 1003, closed.code());
      assertTrue(closed.reason().contains(reasonPart), closed.reason());
    }
  }

  @Test
  void invalidInputClosesWith1003AndTheServerKeepsServing() {
    try (TestSocket bystander = join("bystander")) {
      assertClosedWith1003("not json", "JSON object");
      assertClosedWith1003("[\"body\"]", "JSON object");
      assertClosedWith1003("{\"text\": \"hi\"}", "\"body\" string");
      assertClosedWith1003("{\"body\": 42}", "\"body\" string");
      assertClosedWith1003("{\"body\": null}", "\"body\" string");
      assertClosedWith1003(say("x".repeat(Chat.MAX_BODY_LENGTH + 1)), "over 10000 characters");
      try (TestSocket binary = join("mallory")) {
        binary.sendBinary(Buffer.buffer("{\"body\": \"hi\"}"));
        TestSocket.Closed closed = binary.awaitClose();
        assertEquals((short) 1003, closed.code());
        assertTrue(closed.reason().startsWith("Binary messages are not supported"), closed.reason());
      }
      bystander.assertNoMoreMessages(Duration.ofMillis(100));

      bystander.sendText(say("x".repeat(Chat.MAX_BODY_LENGTH)));
      assertEquals(Chat.MAX_BODY_LENGTH, json(bystander.nextText()).getString("body").length());
      try (TestSocket newcomer = join("newcomer")) {
        assertEquals(Chat.MAX_BODY_LENGTH, json(newcomer.nextText()).getString("body").length());
        newcomer.sendText(say("still here"));
        assertEquals("still here", json(newcomer.nextText()).getString("body"));
        assertEquals("still here", json(bystander.nextText()).getString("body"));
      }
    }
  }

  @Test
  void aMessageOverTheSizeLimitClosesWith1009() {
    try (TestSocket socket = join("mallory")) {
      socket.sendText(say("x".repeat(Chat.MAX_MESSAGE_SIZE)));
      assertEquals((short) 1009, socket.awaitClose().code());
    }
  }
}
