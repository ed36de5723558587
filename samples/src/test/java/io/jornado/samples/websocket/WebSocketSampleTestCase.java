package io.jornado.samples.websocket;

import io.jornado.testing.AsyncHttpTestCase;
import io.vertx.core.http.WebSocketClient;

/** A sample's test case with a Vert.x WebSocket client made for each test and closed after it. */
public abstract class WebSocketSampleTestCase extends AsyncHttpTestCase {
  private WebSocketClient client;

  @Override
  protected void setUpResources() throws Exception {
    super.setUpResources();
    client = TestSocket.newClient(ioLoop());
  }

  @Override
  protected void tearDownResources() throws Exception {
    try {
      await(client.close());
    } finally {
      super.tearDownResources();
    }
  }

  /** Opens a socket to a path (with its query) on the test server. */
  protected TestSocket connect(String uri) {
    return TestSocket.connect(ioLoop(), client, getHttpPort(), uri);
  }
}
