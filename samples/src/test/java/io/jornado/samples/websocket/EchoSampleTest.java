package io.jornado.samples.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.httpclient.HttpResponse;
import io.jornado.web.Application;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EchoSampleTest extends WebSocketSampleTestCase {
  @Override
  protected Application getApp() {
    return EchoSample.makeApp();
  }

  private TestSocket connect() {
    return connect("/websocket");
  }

  @Test
  void pageIsHtmlAndConnectsToTheEchoSocket() {
    HttpResponse response = fetch("/");
    assertEquals(200, response.code());
    assertEquals("text/html; charset=UTF-8", response.headers().get("Content-Type"));
    String page = response.bodyAsString();
    assertTrue(page.contains("\"/websocket\""), page);
    assertTrue(!page.contains("http://") && !page.contains("https://"), "the page loads nothing from elsewhere");
  }

  @Test
  void echoesTextAsText() {
    try (TestSocket socket = connect()) {
      socket.sendText("hello");
      socket.sendText("");
      socket.sendText("h\u00e9llo \u2603 \uD83D\uDE00");
      assertEquals("hello", socket.nextText());
      assertEquals("", socket.nextText());
      assertEquals("h\u00e9llo \u2603 \uD83D\uDE00", socket.nextText());
    }
  }

  @Test
  void echoesBinaryAsBinary() {
    byte[] bytes = new byte[70_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    try (TestSocket socket = connect()) {
      socket.sendBinary(Buffer.buffer(new byte[] {0, (byte) 0xff, 1}));
      socket.sendBinary(Buffer.buffer(bytes));
      assertEquals(Buffer.buffer(new byte[] {0, (byte) 0xff, 1}), socket.next());
      assertEquals(Buffer.buffer(bytes), socket.next());
      socket.assertNoMoreMessages(Duration.ofMillis(200));
    }
  }

  @Test
  void eachConnectionGetsOnlyItsOwnEchoes() {
    try (TestSocket a = connect(); TestSocket b = connect()) {
      a.sendText("from a");
      b.sendText("from b");
      assertEquals("from a", a.nextText());
      assertEquals("from b", b.nextText());
      a.assertNoMoreMessages(Duration.ofMillis(200));
      b.assertNoMoreMessages(Duration.ofMillis(50));
    }
  }
}
