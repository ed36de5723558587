package io.jornado.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Speaks raw HTTP/1.1 to 127.0.0.1 so tests can check bytes on the wire (status lines, header casing). */
final class RawHttp {
  private RawHttp() {}

  /** Sends the request text and reads until the server closes the connection or 5 s pass. */
  static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          received.write(buf, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new IOException("no end of response within 5 s; got: " + received.toString(StandardCharsets.ISO_8859_1), e);
      }
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** A GET with Connection: close. */
  static String get(int port, String target) throws IOException {
    return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
  }

  static String statusLine(String response) {
    return response.substring(0, response.indexOf("\r\n"));
  }

  static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  static String head(String response) {
    return response.substring(0, response.indexOf("\r\n\r\n"));
  }
}
