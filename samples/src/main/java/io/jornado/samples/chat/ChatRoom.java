package io.jornado.samples.chat;

import io.jornado.escape.Escape;
import io.jornado.pubsub.PubSub;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The chat's shared state: the last messages, for newcomers, and the pub/sub topic every socket
 * listens on. One room belongs to one application ({@link Chat#makeApp()} makes it) and is shared by
 * every event loop serving that application, so it is thread-safe: a lock guards the history.
 *
 * <p>{@link #post} appends a message to the history and publishes it under the same lock, so messages
 * are published in the order they enter the history, whichever loop posts them. That order is what
 * lets a newcomer skip the few published messages it already got from the history (see
 * {@link ChatSocketHandler}).
 *
 * <p>Ports the message cache of Tornado's chat demo (a list trimmed to its last entries), made safe
 * for several event loops.
 */
public final class ChatRoom {
  private final String topic;
  private final int capacity;
  private final Object lock = new Object();
  private final ArrayDeque<Message> history;

  /**
   * A room.
   *
   * @param topic the {@link PubSub} topic its messages travel on
   * @param capacity how many recent messages it keeps for newcomers
   */
  public ChatRoom(String topic, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.topic = Objects.requireNonNull(topic, "topic");
    this.capacity = capacity;
    this.history = new ArrayDeque<>(capacity);
  }

  /**
   * The pub/sub topic of this room.
   *
   * @return the topic
   */
  public String topic() {
    return topic;
  }

  /**
   * How many messages the history keeps.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Gives a message a fresh id, appends it to the history (dropping the oldest beyond the capacity)
   * and publishes its JSON text, {@code {"id": ..., "nick": ..., "body": ...}}, on the room's topic.
   * Safe from any thread.
   *
   * @param pubSub the pub/sub to publish on
   * @param nick who sent it
   * @param body what they said
   * @return the message as stored and published
   */
  public Message post(PubSub pubSub, String nick, String body) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", UUID.randomUUID().toString());
    fields.put("nick", nick);
    fields.put("body", body);
    Message message = new Message((String) fields.get("id"), Escape.jsonEncode(fields));
    synchronized (lock) {
      if (history.size() == capacity) {
        history.removeFirst();
      }
      history.addLast(message);
      pubSub.publish(topic, message.json());
    }
    return message;
  }

  /**
   * The messages in the history, oldest first. Safe from any thread.
   *
   * @return a copy of the history
   */
  public List<Message> recent() {
    synchronized (lock) {
      return new ArrayList<>(history);
    }
  }

  /**
   * A chat message as it is stored and sent.
   *
   * @param id its unique id
   * @param json its JSON text, {@code {"id": ..., "nick": ..., "body": ...}}, encoded once
   */
  public record Message(String id, String json) {}
}
