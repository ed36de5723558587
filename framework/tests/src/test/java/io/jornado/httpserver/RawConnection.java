package io.jornado.httpserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One raw TCP connection to a test server on 127.0.0.1, for sending malformed bytes and reading
 * exactly what comes back: a response, or the close (EOF or reset) that ends the connection.
 */
final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private long sent;

  RawConnection(int port) throws IOException {
    this(port, 0);
  }

  /** A connection whose send buffer is {@code sendBuffer} bytes (0 for the system default). */
  RawConnection(int port, int sendBuffer) throws IOException {
    socket = new Socket();
    if (sendBuffer > 0) {
      socket.setSendBufferSize(sendBuffer);
    }
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
  }

  /** Request text whose chars are bytes (ISO-8859-1). */
  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends bytes; returns false when the server had already closed or reset the connection. */
  boolean send(byte[] data) {
    try {
      socket.getOutputStream().write(data);
      socket.getOutputStream().flush();
      sent += data.length;
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Bytes written so far (accepted by the local socket). */
  long sent() {
    return sent;
  }

  /**
   * Reads until the server ends the connection (EOF or reset) and returns everything received.
   *
   * @throws AssertionError when the connection is still open after {@code timeout}
   */
  String readToClose(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[8192];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("connection still open after " + timeout + "; got: " + text());
      }
      socket.setSoTimeout((int) left);
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException reset) {
        return text();
      }
      if (n < 0) {
        return text();
      }
      received.write(buf, 0, n);
    }
  }

  String readToClose() throws IOException {
    return readToClose(Duration.ofSeconds(5));
  }

  /** Reads one response with a Content-Length body (the connection stays open) and returns it. */
  String readResponse() throws IOException {
    byte[] buf = new byte[8192];
    while (true) {
      String text = text();
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd >= 0) {
        int length = contentLength(text.substring(0, headEnd));
        if (text.length() >= headEnd + 4 + length) {
          String response = text.substring(0, headEnd + 4 + length);
          byte[] rest = bytes(text.substring(response.length()));
          received.reset();
          received.write(rest, 0, rest.length);
          return response;
        }
      }
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no complete response within 5 s; got: " + text, e);
      }
      if (n < 0) {
        throw new AssertionError("connection closed before a complete response; got: " + text);
      }
      received.write(buf, 0, n);
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    throw new AssertionError("response without Content-Length: " + head);
  }

  private String text() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
