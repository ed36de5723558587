package io.jornado.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.testing.AsyncTestCase;
import io.jornado.websocket.WebSocket;
import io.jornado.websocket.WebSocketClientConnection;
import io.jornado.websocket.WebSocketClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket client against a hand-written server on a plain {@link ServerSocket}, for what a
 * Vert.x server will not do: stay silent to pings, send broken frames, or send frames in the same
 * packet as its 101 answer.
 */
class WebSocketClientRawServerTest extends AsyncTestCase {
  private static final long WAIT_SECONDS = 5;

  private final List<RawServer> servers = new ArrayList<>();

  @Override
  protected void tearDownResources() throws Exception {
    for (RawServer server : servers) {
      server.close();
    }
    super.tearDownResources();
  }

  private RawServer serve(Script script) throws IOException {
    return serve(script, false);
  }

  /** A server whose script's first writes share one packet with the 101 when {@code withHandshake}. */
  private RawServer serve(Script script, boolean withHandshake) throws IOException {
    RawServer server = new RawServer(script, withHandshake);
    servers.add(server);
    return server;
  }

  private WebSocketClientConnection connect(RawServer server, WebSocketClientOptions options) {
    return await(WebSocket.connect("ws://127.0.0.1:" + server.port() + "/", options));
  }

  @Test
  void noPongWithinTheTimeoutClosesWithPingTimedOut() throws Exception {
    RawServer server = serve((in, out, log) -> {
      log.add(readFrame(in).describe());
      log.add(readFrame(in).describe());
      // No pong, no answering close: just hang up, as a dead peer's kernel would.
    });
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions()
        .pingInterval(Duration.ofMillis(100)).pingTimeout(Duration.ofMillis(100)));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(List.of("ping masked 0", "close masked 1000 ping timed out"), server.log());
    assertEquals(OptionalInt.empty(), conn.closeCode(), "the server sent no close frame");
  }

  @Test
  void theDefaultPingTimeoutIsTheInterval() throws Exception {
    RawServer server = serve((in, out, log) -> {
      long start = System.nanoTime();
      log.add(readFrame(in).describe());
      long ping = System.nanoTime();
      log.add(readFrame(in).describe());
      long close = System.nanoTime();
      log.add("ping after interval " + (ping - start >= TimeUnit.MILLISECONDS.toNanos(150)));
      log.add("close after timeout " + (close - ping >= TimeUnit.MILLISECONDS.toNanos(150)));
    });
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions().pingInterval(Duration.ofMillis(200)));
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(List.of("ping masked 0", "close masked 1000 ping timed out", "ping after interval true",
        "close after timeout true"), server.log());
  }

  @Test
  void anEmptyCloseFrameGivesNoCodeOrReason() throws Exception {
    RawServer server = serve((in, out, log) -> {
      out.write(frame(0x88, new byte[0]));
      out.flush();
      log.add(readFrame(in).describe());
    });
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.empty(), conn.closeCode());
    assertEquals(Optional.empty(), conn.closeReason());
    // Vert.x answers an empty close frame with 1000 (Tornado: with an empty one).
    assertEquals(List.of("close masked 1000 "), server.log());
  }

  @Test
  void reservedBitsAreAProtocolErrorClosedWith1002() throws Exception {
    RawServer server = serve((in, out, log) -> {
      out.write(frame(0x81 | 0x40, "rsv1 without compression".getBytes(StandardCharsets.UTF_8)));
      out.flush();
      log.add(readFrame(in).describe());
    });
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(1, server.log().size());
    assertTrue(server.log().get(0).startsWith("close masked 1002"), server.log().toString());
  }

  @Test
  void aHugeFrameHeaderClosesWith1009BeforeItsPayload() throws Exception {
    RawServer server = serve((in, out, log) -> {
      // A binary frame header announcing 2^40 bytes, and none of them.
      out.write(new byte[] {(byte) 0x82, 127, 0, 0, 1, 0, 0, 0, 0, 0});
      out.flush();
      log.add(readFrame(in).describe());
    });
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(List.of("close masked 1009 message too big"), server.log());
  }

  @Test
  void framesInTheSamePacketAsThe101AreReadAfterTheHandshake() throws Exception {
    RawServer server = serve((in, out, log) -> {
      out.write(frame(0x81, "early".getBytes(StandardCharsets.UTF_8)));
      out.flush();
      log.add(readFrame(in).describe());
    }, true);
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    assertEquals(Optional.of("early"), await(conn.readMessage()));
    await(conn.writeMessage("late"));
    assertEquals(List.of("text masked late"), server.log());
    await(conn.close());
  }

  @Test
  void aCloseInTheSamePacketAsThe101IsReported() throws Exception {
    RawServer server = serve((in, out, log) -> {
      ByteArrayOutputStream reason = new ByteArrayOutputStream();
      reason.write(new byte[] {0x0F, (byte) 0xA1});
      reason.write("early close".getBytes(StandardCharsets.UTF_8));
      out.write(frame(0x88, reason.toByteArray()));
      out.flush();
      log.add(readFrame(in).describe());
    }, true);
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    assertEquals(Optional.empty(), await(conn.readMessage()));
    assertEquals(OptionalInt.of(4001), conn.closeCode());
    assertEquals(Optional.of("early close"), conn.closeReason());
    assertEquals(List.of("close masked 4001 early close"), server.log());
  }

  @Test
  void aMessageAndACloseInTheSamePacketAsThe101AreBothRead() throws Exception {
    RawServer server = serve((in, out, log) -> {
      out.write(frame(0x81, "early".getBytes(StandardCharsets.UTF_8)));
      out.write(frame(0x88, new byte[] {0x0F, (byte) 0xA1}));
      out.flush();
      log.add(readFrame(in).describe());
    }, true);
    WebSocketClientConnection conn = connect(server, new WebSocketClientOptions());
    List<Object> messages = new ArrayList<>();
    Optional<Object> message;
    while ((message = await(conn.readMessage())).isPresent()) {
      messages.add(message.get());
    }
    assertEquals(List.of("early"), messages);
    assertEquals(OptionalInt.of(4001), conn.closeCode());
    assertEquals(List.of("close masked 4001 "), server.log());
  }

  // ---------------------------------------------------------------- the raw server

  /** What the server does after the handshake; {@code log} is what the test checks. */
  interface Script {
    void run(InputStream in, OutputStream out, List<String> log) throws Exception;
  }

  /** Accepts one connection on 127.0.0.1, answers the handshake by hand, then runs a script. */
  static final class RawServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Socket socket;

    RawServer(Script script) throws IOException {
      this(script, false);
    }

    /**
     * @param withHandshake whether the script's first writes go out in one packet with the 101
     */
    RawServer(Script script, boolean withHandshake) throws IOException {
      listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
      thread = new Thread(() -> {
        try (Socket accepted = listener.accept()) {
          socket = accepted;
          accepted.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS * 2));
          accepted.setTcpNoDelay(true);
          InputStream in = accepted.getInputStream();
          OutputStream raw = accepted.getOutputStream();
          byte[] response = handshakeResponse(readHandshakeKey(in));
          if (withHandshake) {
            // Buffer the 101 with what the script writes first, and send them in one write.
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            OutputStream out = new OutputStream() {
              private boolean flushed;

              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                if (flushed) {
                  raw.write(b, off, len);
                } else {
                  first.write(b, off, len);
                }
              }

              @Override
              public void flush() throws IOException {
                if (!flushed) {
                  flushed = true;
                  raw.write(first.toByteArray());
                }
                raw.flush();
              }
            };
            first.write(response);
            script.run(in, out, log);
          } else {
            raw.write(response);
            raw.flush();
            script.run(in, raw, log);
          }
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      }, "raw-websocket-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    /** Waits for the script to finish, then gives what it logged. */
    List<String> log() throws Exception {
      done.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
      return List.copyOf(log);
    }

    @Override
    public void close() throws Exception {
      listener.close();
      Socket accepted = socket;
      if (accepted != null) {
        accepted.close();
      }
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
  }

  static String readHandshakeKey(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the handshake");
      }
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        break;
      }
    }
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
        return line.substring(colon + 1).trim();
      }
    }
    throw new IOException("no Sec-WebSocket-Key in " + head);
  }

  static byte[] handshakeResponse(String key) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-1")
        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
    return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An unmasked server frame; {@code head} is the first byte (FIN, RSV bits and opcode). */
  static byte[] frame(int head, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(head);
    if (payload.length < 126) {
      out.write(payload.length);
    } else {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xFF);
    }
    out.write(payload, 0, payload.length);
    return out.toByteArray();
  }

  /** A frame read from the client. */
  record Frame(int opcode, boolean masked, byte[] payload) {
    String describe() {
      String mask = masked ? "masked " : "unmasked ";
      switch (opcode) {
        case 0x1:
          return "text " + mask + new String(payload, StandardCharsets.UTF_8);
        case 0x2:
          return "binary " + mask + payload.length;
        case 0x8:
          if (payload.length < 2) {
            return "close " + mask.trim();
          }
          int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
          return "close " + mask + code + " " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        case 0x9:
          return "ping " + mask + payload.length;
        case 0xA:
          return "pong " + mask + payload.length;
        default:
          return "opcode " + opcode;
      }
    }
  }

  static Frame readFrame(InputStream in) throws IOException {
    int first = readByte(in);
    int second = readByte(in);
    boolean masked = (second & 0x80) != 0;
    long length = second & 0x7F;
    if (length == 126) {
      length = (readByte(in) << 8) | readByte(in);
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte(in);
      }
    }
    byte[] mask = new byte[4];
    if (masked) {
      readFully(in, mask);
    }
    byte[] payload = new byte[(int) length];
    readFully(in, payload);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
    }
    return new Frame(first & 0x0F, masked, payload);
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("the client closed the connection");
    }
    return b;
  }

  private static void readFully(InputStream in, byte[] into) throws IOException {
    int read = 0;
    while (read < into.length) {
      int n = in.read(into, read, into.length - read);
      if (n < 0) {
        throw new EOFException("the client closed the connection");
      }
      read += n;
    }
  }
}
