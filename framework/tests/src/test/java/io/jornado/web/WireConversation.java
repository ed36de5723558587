package io.jornado.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw HTTP/1 connection to 127.0.0.1 for tests that look at several exchanges on one socket. */
final class WireConversation implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  WireConversation(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
  }

  WireConversation send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  WireConversation send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads until the text received so far contains {@code marker}; returns all of it and forgets it. */
  String readThrough(String marker) throws IOException {
    byte[] buf = new byte[8192];
    while (!pending.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        throw new IOException("no '" + marker + "' within 5 s; got: " + pending.toString(StandardCharsets.ISO_8859_1), e);
      }
      if (n < 0) {
        throw new IOException("closed before '" + marker + "'; got: " + pending.toString(StandardCharsets.ISO_8859_1));
      }
      pending.write(buf, 0, n);
    }
    return take();
  }

  /** Reads until the server closes the connection (within 5 s); returns what came. */
  String readToClose() throws IOException {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        pending.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("not closed within 5 s; got: " + pending.toString(StandardCharsets.ISO_8859_1), e);
    }
    return take();
  }

  private String take() {
    String text = pending.toString(StandardCharsets.ISO_8859_1);
    pending.reset();
    return text;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
