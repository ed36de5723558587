package io.jornado.pubsub;

import io.jornado.escape.Escape;
import io.jornado.ioloop.IOLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Topic publish/subscribe across every event loop of the JVM and, when Vert.x is clustered, across
 * every node, over the Vert.x event bus.
 *
 * <pre>{@code
 * PubSub pubSub = PubSub.current();
 * Subscription subscription = pubSub.subscribe("chat", message -> writeMessage((String) message));
 * pubSub.publish("chat", Map.of("body", "hello"));   // every subscriber gets {"body": "hello"}
 * subscription.close();
 * }</pre>
 *
 * <p>Fan-out: a loop with subscribers to a topic holds one event-bus consumer for that topic (at
 * address {@code jornado.pubsub.<topic>}), registered on the loop's context, however many
 * subscribers the loop has. A {@link #publish(String, Object)} is one event-bus {@code publish}: each
 * such consumer gets the message once, on its loop, and hands it to that loop's subscribers in turn.
 * When the last subscriber of a topic on a loop goes, the loop's consumer is unregistered.
 *
 * <p>Threads: a subscription belongs to one loop; its callback always runs on that loop's thread.
 * Each loop's subscriber lists are read and changed on that loop's thread only ({@code subscribe}
 * and {@code close} called elsewhere hop onto it), so delivery takes no lock. Messages from one
 * publishing thread (or loop) reach each subscriber in the order they were published.
 *
 * <p>One {@code PubSub} exists per Vert.x instance ({@link #of(Vertx)}); it keeps nothing after the
 * instance is closed.
 *
 * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
 */
public final class PubSub {
  /** The event-bus address of a topic is this prefix followed by the topic. */
  static final String ADDRESS_PREFIX = "jornado.pubsub.";
  private static final String SHARED_MAP = "jornado.pubsub";
  private static final String SHARED_KEY = "instance";

  private final Vertx vertx;
  private final EventBus eventBus;
  /** Key of this instance's per-loop state ({@code Map<String, TopicConsumer>}) in a loop's context data. */
  private final Object loopStateKey = new Object();
  /** Registered event-bus consumers per topic, i.e. the number of loops with subscribers; for tests. */
  private final ConcurrentHashMap<String, Integer> consumerCounts = new ConcurrentHashMap<>();

  private PubSub(Vertx vertx) {
    this.vertx = vertx;
    this.eventBus = vertx.eventBus();
  }

  /**
   * The pub/sub of a Vert.x instance: the same object for every call with the same instance. It is
   * kept in the instance's local shared data, so it goes when the instance goes.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @param vertx the Vert.x instance whose event bus carries the messages
   * @return its pub/sub
   */
  public static PubSub of(Vertx vertx) {
    Objects.requireNonNull(vertx, "vertx");
    LocalMap<String, Holder> shared = vertx.sharedData().getLocalMap(SHARED_MAP);
    Holder holder = shared.get(SHARED_KEY);
    if (holder == null) {
      Holder created = new Holder(new PubSub(vertx));
      holder = shared.putIfAbsent(SHARED_KEY, created);
      if (holder == null) {
        holder = created;
      }
    }
    return holder.pubSub;
  }

  /**
   * The pub/sub of the current loop's Vert.x instance: {@code of(IOLoop.current().vertx())}.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return the pub/sub
   */
  public static PubSub current() {
    return of(IOLoop.current().vertx());
  }

  /**
   * The Vert.x instance whose event bus this pub/sub uses.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return the Vert.x instance
   */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * Sends a message to every subscriber of a topic: on every loop of this JVM and, when Vert.x is
   * clustered, on every node. Safe from any thread; returns without waiting for delivery.
   *
   * <p>The message is a {@code String} (subscribers get that text), a Vert.x {@link Buffer}
   * (subscribers get a {@code Buffer} with the same bytes; do not modify it after publishing, since on
   * a clustered Vert.x it may be encoded for the wire later), or a {@link Map}, {@link JsonObject} or record, which is encoded once, here, with
   * {@link Escape#jsonEncode(Object)} (Python's separators, as Tornado's {@code json_encode}), and
   * reaches subscribers as that {@code String}.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @param topic the topic
   * @param message the message
   * @throws NullPointerException when {@code topic} or {@code message} is null
   * @throws IllegalArgumentException when the message is of another type
   */
  public void publish(String topic, Object message) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(message, "message");
    eventBus.publish(ADDRESS_PREFIX + topic, encode(message));
  }

  /** The event-bus body of a published message: a String or a Buffer, which need no custom codec. */
  static Object encode(Object message) {
    if (message instanceof String || message instanceof Buffer) {
      return message;
    }
    if (message instanceof Map || message instanceof JsonObject || message instanceof Record) {
      return Escape.jsonEncode(message);
    }
    throw new IllegalArgumentException("PubSub.publish takes a String, a Buffer, a Map, a JsonObject"
        + " or a record, not " + message.getClass().getName());
  }

  /**
   * Subscribes a callback to a topic on the current loop ({@link IOLoop#current()}, which on a
   * thread outside Vert.x is the loop made current there, or the default loop).
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @param topic the topic
   * @param callback given each message, a {@code String} or a {@link Buffer}, on the current loop
   * @return the subscription, to close when done
   * @throws IllegalArgumentException when the current loop belongs to another Vert.x instance
   * @see #subscribe(IOLoop, String, Consumer)
   */
  public Subscription subscribe(String topic, Consumer<Object> callback) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(callback, "callback");
    return subscribe(IOLoop.current(), topic, callback);
  }

  /**
   * Subscribes a callback to a topic on a given loop. Safe from any thread.
   *
   * <p>The callback runs on {@code loop}'s thread, once per message published to the topic after the
   * subscription took effect, and gets a {@code String} (text and JSON) or a {@link Buffer} (binary;
   * the loop's subscribers share one buffer, so do not modify it). Called on the loop's thread, the
   * subscription takes effect before this returns; called elsewhere, once the loop has run it, which
   * {@link Subscription#ready()} reports. An exception from the callback is logged on {@code
   * jornado.application} and does not reach other subscribers. Closing the subscription stops
   * delivery at once, messages already on their way included.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @param loop the loop the callback runs on; it must belong to this pub/sub's Vert.x instance
   * @param topic the topic
   * @param callback given each message
   * @return the subscription, to close when done
   * @throws IllegalArgumentException when the loop belongs to another Vert.x instance
   */
  public Subscription subscribe(IOLoop loop, String topic, Consumer<Object> callback) {
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(callback, "callback");
    if (loop.vertx() != vertx) {
      throw new IllegalArgumentException("The loop belongs to another Vert.x instance than this PubSub;"
          + " subscribe on one of its loops, or use PubSub.of(loop.vertx())");
    }
    LoopSubscription subscription = new LoopSubscription(this, loop, topic, callback);
    onLoop(loop, () -> attach(subscription));
    return subscription;
  }

  /**
   * The number of event-bus consumers registered for a topic in this JVM: one per loop with
   * subscribers to it. For tests.
   */
  int consumerCount(String topic) {
    return consumerCounts.getOrDefault(topic, 0);
  }

  /** Adds a subscription to its loop's consumer for its topic, registering the consumer if needed. On the loop. */
  private void attach(LoopSubscription subscription) {
    if (subscription.isClosed()) {
      subscription.attached(null);
      return;
    }
    Context context = subscription.loop().context();
    Map<String, TopicConsumer> topics = context.get(loopStateKey);
    if (topics == null) {
      topics = new HashMap<>();
      context.put(loopStateKey, topics);
    }
    String topic = subscription.topic();
    TopicConsumer consumer = topics.get(topic);
    if (consumer == null) {
      consumer = TopicConsumer.register(eventBus, ADDRESS_PREFIX + topic);
      topics.put(topic, consumer);
      consumerCounts.merge(topic, 1, Integer::sum);
    }
    consumer.add(subscription);
    subscription.attached(consumer);
  }

  /** Removes a closed subscription; unregisters its loop's consumer when it was the last. On the loop. */
  void detach(LoopSubscription subscription) {
    TopicConsumer consumer = subscription.detached();
    if (consumer == null || consumer.remove(subscription) > 0) {
      return;
    }
    consumer.unregister();
    String topic = subscription.topic();
    consumerCounts.computeIfPresent(topic, (key, count) -> count <= 1 ? null : count - 1);
    Context context = subscription.loop().context();
    Map<String, TopicConsumer> topics = context.get(loopStateKey);
    if (topics != null) {
      topics.remove(topic, consumer);
      if (topics.isEmpty()) {
        context.remove(loopStateKey);
      }
    }
  }

  /**
   * Runs a task on a loop's own context: now when called on the loop's thread, else on its next turn.
   * On the loop's thread but in another context of it (a request's duplicated context), the task runs
   * now with the loop's context current, so an event-bus consumer it registers belongs to the loop.
   */
  static void onLoop(IOLoop loop, Runnable task) {
    if (!loop.inLoop()) {
      loop.context().runOnContext(v -> task.run());
      return;
    }
    Context context = loop.context();
    if (Vertx.currentContext() == context || !(context instanceof ContextInternal)) {
      task.run();
      return;
    }
    RuntimeException[] failure = new RuntimeException[1];
    ((ContextInternal) context).dispatch(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  /** Keeps the instance in Vert.x local shared data, which only takes shareable values. */
  private static final class Holder implements Shareable {
    final PubSub pubSub;

    Holder(PubSub pubSub) {
      this.pubSub = pubSub;
    }
  }
}
