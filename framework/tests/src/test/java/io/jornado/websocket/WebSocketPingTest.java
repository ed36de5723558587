package io.jornado.websocket;

import static io.jornado.web.UrlSpec.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketPingTest extends AsyncHttpTestCase {
  public static class Quiet extends WebSocketHandler {}

  @Override
  protected Application getApp() {
    return new Application(List.of(url("/ws", Quiet.class)),
        Map.of("websocket_ping_interval", 0.1, "websocket_ping_timeout", 0.1));
  }

  @Test
  void aPeerThatNeverAnswersPingsIsClosedWithPingTimedOut() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(getHttpPort(), "/ws", Map.of())) {
      RawWebSocket.Frame first = ws.read();
      assertEquals(RawWebSocket.PING, first.opcode());
      RawWebSocket.Frame close = ws.readSkippingPings();
      assertEquals(RawWebSocket.CLOSE, close.opcode());
      assertEquals(1000, close.closeCode());
      assertEquals("ping timed out", close.closeReason());
    }
  }

  @Test
  void aPeerThatAnswersStaysOpen() throws Exception {
    try (RawWebSocket ws = RawWebSocket.connect(getHttpPort(), "/ws", Map.of())) {
      for (int i = 0; i < 4; i++) {
        RawWebSocket.Frame ping = ws.read();
        assertEquals(RawWebSocket.PING, ping.opcode(), "frame " + i);
        ws.send(RawWebSocket.PONG, ping.payload());
      }
      assertTrue(ws.socket.isConnected());
    }
  }
}
