package io.jornado.pubsub;

import io.jornado.ioloop.IOLoop;
import io.vertx.core.Future;

/**
 * A callback's subscription to a topic, from {@link PubSub#subscribe(IOLoop, String,
 * java.util.function.Consumer)}. Close it to stop receiving; closing is idempotent and safe from any
 * thread, and usable in try-with-resources.
 *
 * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
 */
public interface Subscription extends AutoCloseable {
  /**
   * The topic subscribed to.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return the topic
   */
  String topic();

  /**
   * The loop the callback runs on.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return the loop
   */
  IOLoop loop();

  /**
   * Completes once messages published from now on reach this subscription: when its loop has
   * registered it (at once when subscribed on the loop's thread) and, on a clustered Vert.x, when the
   * registration has reached the cluster. Also completes when the subscription was closed first. Fails
   * if the event bus refused the registration.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return completes when the subscription is active (or closed)
   */
  Future<Void> ready();

  /**
   * Whether {@link #close()} was called.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
   *
   * @return true once closed
   */
  boolean isClosed();

  /**
   * Stops delivery to the callback at once: no message is given to it after this returns, messages
   * already on their way included (a callback running on the loop at that moment finishes). The loop
   * then forgets the subscription, and unregisters its event-bus consumer for the topic when this was
   * its last subscriber. Idempotent; safe from any thread.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps remove the handler from their set)
   */
  @Override
  void close();

  /**
   * Same as {@link #close()}.
   *
   * <p>Tornado: (none; new in Jornado — Tornado apps remove the handler from their set)
   */
  default void unsubscribe() {
    close();
  }
}
