package io.jornado.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written on a plain socket, so tests can send what real clients would not
 * (unmasked frames, reserved bits, invalid UTF-8) and see every byte the server answers.
 */
final class RawWebSocket implements AutoCloseable {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** A frame as received. */
  record Frame(int opcode, boolean fin, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  final Socket socket;
  final String statusLine;
  final Map<String, String> headers;
  final String body;
  private final DataInputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket, String statusLine, Map<String, String> headers, String body) throws IOException {
    this.socket = socket;
    this.statusLine = statusLine;
    this.headers = headers;
    this.body = body;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** A standard handshake for a path, with extra or replaced headers (a null value removes one). */
  static RawWebSocket connect(int port, String path, Map<String, String> extra) throws IOException {
    return connect(port, "GET", path, extra);
  }

  static RawWebSocket connect(int port, String method, String path, Map<String, String> extra) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:" + port);
    headers.put("Upgrade", "websocket");
    headers.put("Connection", "Upgrade");
    headers.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(new byte[16]));
    headers.put("Sec-WebSocket-Version", "13");
    extra.forEach((k, v) -> {
      headers.remove(k);
      if (v != null) {
        headers.put(k, v);
      }
    });
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("\r\n");
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    InputStream raw = socket.getInputStream();
    String head = readHead(raw);
    String[] lines = head.split("\r\n");
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      responseHeaders.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
    }
    String body = "";
    String length = header(responseHeaders, "Content-Length");
    if (length != null && !lines[0].contains(" 101 ")) {
      byte[] bytes = new DataInputStream(raw).readNBytes(Integer.parseInt(length));
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    return new RawWebSocket(socket, lines[0], responseHeaders, body);
  }

  static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  String header(String name) {
    return header(headers, name);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake; got " + head);
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  void send(int opcode, byte[] payload) throws IOException {
    sendFrame(opcode, true, 0, true, payload);
  }

  /** Writes one frame; rsv is the three reserved bits (0-7). */
  void sendFrame(int opcode, boolean fin, int rsv, boolean masked, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >> shift) & 0xff);
      }
    }
    byte[] data = payload.clone();
    if (masked) {
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.write(mask);
      for (int i = 0; i < data.length; i++) {
        data[i] ^= mask[i % 4];
      }
    }
    frame.write(data);
    out.write(frame.toByteArray());
    out.flush();
  }

  void sendClose(int code, String reason) throws IOException {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    send(CLOSE, payload);
  }

  /** Reads the next frame (5 s at most). */
  Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0f, (first & 0x80) != 0, payload);
  }

  /** Reads frames until one that is not a ping (answering nothing). */
  Frame readSkippingPings() throws IOException {
    Frame frame = read();
    while (frame.opcode() == PING) {
      frame = read();
    }
    return frame;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
