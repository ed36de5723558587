package io.jornado.pubsub;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.impl.MessageConsumerImpl;

/**
 * One loop's event-bus consumer for one topic and that loop's subscribers to it. Everything here runs
 * on the loop's thread, so the subscriber array needs no lock; it is copied on every change and never
 * changed in place, so a delivery in progress keeps looping over the array it started with.
 */
final class TopicConsumer {
  private static final LoopSubscription[] NONE = new LoopSubscription[0];

  private final MessageConsumer<Object> consumer;
  private LoopSubscription[] subscribers = NONE;

  private TopicConsumer(EventBus eventBus, String address) {
    MessageConsumer<Object> registering = eventBus.consumer(address);
    if (registering instanceof MessageConsumerImpl) {
      // Messages already queued to this loop when the consumer is unregistered are dropped; without a
      // discard handler Vert.x logs a warning for each ("the consumer is not registered").
      ((MessageConsumerImpl<Object>) registering).discardHandler(message -> { });
    }
    registering.handler(this::deliver);
    this.consumer = registering;
  }

  /** Registers a consumer on the calling loop's context. */
  static TopicConsumer register(EventBus eventBus, String address) {
    return new TopicConsumer(eventBus, address);
  }

  /** Completes when the registration has reached every node (at once without a cluster). */
  Future<Void> registration() {
    return consumer.completion();
  }

  void add(LoopSubscription subscription) {
    int n = subscribers.length;
    LoopSubscription[] next = new LoopSubscription[n + 1];
    System.arraycopy(subscribers, 0, next, 0, n);
    next[n] = subscription;
    subscribers = next;
  }

  /** Removes a subscription; returns how many are left. */
  int remove(LoopSubscription subscription) {
    LoopSubscription[] current = subscribers;
    int n = current.length;
    for (int i = 0; i < n; i++) {
      if (current[i] == subscription) {
        LoopSubscription[] next = n == 1 ? NONE : new LoopSubscription[n - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, n - i - 1);
        subscribers = next;
        return n - 1;
      }
    }
    return n;
  }

  void unregister() {
    consumer.unregister();
  }

  private void deliver(Message<Object> message) {
    Object body = message.body();
    for (LoopSubscription subscription : subscribers) {
      subscription.deliver(body);
    }
  }
}
