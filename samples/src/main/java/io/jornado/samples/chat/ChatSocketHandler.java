package io.jornado.samples.chat;

import io.jornado.pubsub.PubSub;
import io.jornado.websocket.WebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chat's WebSocket at {@code /chatsocket?nick=<nickname>}: one instance per connection.
 *
 * <p>Protocol (JSON text messages):
 * <ul>
 *   <li>The client sends {@code {"body": "hello"}}.
 *   <li>Every connected client, the sender included, receives
 *       {@code {"id": "<unique id>", "nick": "<sender's nickname>", "body": "hello"}}.
 *   <li>On connecting, a client first receives the room's last {@value Chat#HISTORY_SIZE} messages,
 *       oldest first, in that same form.
 * </ul>
 *
 * <p>The nickname is the {@code nick} query argument, trimmed and cut to
 * {@value Chat#MAX_NICK_LENGTH} characters; {@code anonymous} when absent or blank. A body that is
 * blank (empty or only whitespace) is ignored.
 *
 * <p>Invalid input closes the connection with code 1003 (unsupported data) and a reason saying what
 * was wrong, rather than answering with an error message: a text message that is not a JSON object,
 * an object without a string {@code "body"}, a body over {@value Chat#MAX_BODY_LENGTH} characters, or a
 * binary message. A message over the application's {@code websocket_max_message_size} closes with 1009
 * before it is read. The server logs nothing for these and keeps serving everyone else.
 *
 * <p>Delivery: in {@link #open} the handler subscribes to the room's {@link PubSub} topic, then sends
 * the history; each message a handler receives is appended to the history and published once by
 * {@link ChatRoom#post}, and every subscribed handler, on whichever event loop, writes it to its
 * client. A message posted just while a newcomer opens can be both in the history it was sent and on
 * its way through pub/sub; the handler skips such a message by id until the first message that was
 * not in its history arrives (publication follows history order, so none can come after that).
 *
 * <p>Ports the WebSocket handler of Tornado's chat demo.
 */
public class ChatSocketHandler extends WebSocketHandler {
  /** Close code for invalid input: RFC 6455's "unsupported data". */
  public static final int UNSUPPORTED_DATA = 1003;

  private ChatRoom room;
  private String nick;
  /** Ids of the history sent on open, while a published copy of one of them may still arrive; then null. */
  private Set<String> sentFromHistory;

  /** Made by the application for each connection. */
  public ChatSocketHandler() {}

  /**
   * Takes the room from the route's arguments ({@code "room"}).
   *
   * @param kwargs the route's arguments
   */
  @Override
  public void initialize(Map<String, Object> kwargs) {
    room = (ChatRoom) kwargs.get("room");
  }

  /**
   * Reads the nickname, subscribes to the room and sends the history.
   *
   * @param pathArgs none
   * @return null: messages may arrive at once
   */
  @Override
  public Future<?> open(String... pathArgs) {
    nick = cleanNick(getArgument("nick", "anonymous"));
    subscribe(room.topic(), this::onPublished);
    List<ChatRoom.Message> history = room.recent();
    if (!history.isEmpty()) {
      sentFromHistory = new HashSet<>();
      for (ChatRoom.Message message : history) {
        sentFromHistory.add(message.id());
        writeMessage(message.json());
      }
    }
    return null;
  }

  /**
   * The nickname this connection posts under.
   *
   * @return the nickname
   */
  public String nick() {
    return nick;
  }

  private void onPublished(Object message) {
    String json = (String) message;
    if (sentFromHistory != null) {
      if (sentFromHistory.contains(new JsonObject(json).getString("id"))) {
        return;
      }
      sentFromHistory = null;
    }
    writeMessage(json);
  }

  /**
   * Checks a client's message and posts its body to the room.
   *
   * @param message the client's JSON text
   */
  @Override
  public void onMessage(String message) {
    JsonObject parsed;
    try {
      parsed = new JsonObject(message);
    } catch (RuntimeException e) {
      close(UNSUPPORTED_DATA, "Expected a JSON object such as {\"body\": \"hello\"}");
      return;
    }
    if (!(parsed.getValue("body") instanceof String)) {
      close(UNSUPPORTED_DATA, "The message needs a \"body\" string");
      return;
    }
    String body = parsed.getString("body");
    if (body.length() > Chat.MAX_BODY_LENGTH) {
      close(UNSUPPORTED_DATA, "The body is over " + Chat.MAX_BODY_LENGTH + " characters");
      return;
    }
    if (body.isBlank()) {
      return;
    }
    room.post(PubSub.of(ioLoop().vertx()), nick, body);
  }

  /**
   * Binary messages are not part of the protocol: closes with 1003.
   *
   * @param message the bytes
   */
  @Override
  public void onMessage(Buffer message) {
    close(UNSUPPORTED_DATA, "Binary messages are not supported; send JSON text");
  }

  /**
   * A nickname as shown: trimmed, at most {@value Chat#MAX_NICK_LENGTH} characters (code points), and
   * {@code anonymous} when blank.
   *
   * @param raw the nickname as given
   * @return the nickname to use
   */
  static String cleanNick(String raw) {
    String nick = raw == null ? "" : raw.strip();
    if (nick.codePointCount(0, nick.length()) > Chat.MAX_NICK_LENGTH) {
      nick = nick.substring(0, nick.offsetByCodePoints(0, Chat.MAX_NICK_LENGTH)).strip();
    }
    return nick.isEmpty() ? "anonymous" : nick;
  }
}
