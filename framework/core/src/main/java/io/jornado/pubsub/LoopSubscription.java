package io.jornado.pubsub;

import io.jornado.ioloop.IOLoop;
import io.jornado.log.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One callback subscribed to one topic on one loop. */
final class LoopSubscription implements Subscription {
  private final PubSub pubSub;
  private final IOLoop loop;
  private final String topic;
  private final Consumer<Object> callback;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Promise<Void> ready = Promise.promise();
  /** The loop's consumer this subscription is in; read and written on the loop only. */
  private TopicConsumer consumer;

  LoopSubscription(PubSub pubSub, IOLoop loop, String topic, Consumer<Object> callback) {
    this.pubSub = pubSub;
    this.loop = loop;
    this.topic = topic;
    this.callback = callback;
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public IOLoop loop() {
    return loop;
  }

  @Override
  public Future<Void> ready() {
    return ready.future();
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ready.tryComplete();
    try {
      PubSub.onLoop(loop, () -> pubSub.detach(this));
    } catch (RejectedExecutionException e) {
      // The loop has shut down (its Vert.x instance closed), and its consumers with it.
    }
  }

  /** Gives a message to the callback unless closed; on the loop. */
  void deliver(Object message) {
    if (closed.get()) {
      return;
    }
    try {
      callback.accept(message);
    } catch (Throwable t) {
      Log.APPLICATION.error("Exception in pubsub callback for topic {}", topic, t);
    }
  }

  /** Records the consumer this subscription joined (null if closed before joining); on the loop. */
  void attached(TopicConsumer joined) {
    consumer = joined;
    if (joined == null) {
      ready.tryComplete();
      return;
    }
    joined.registration().onComplete(ar -> {
      if (ar.succeeded() || closed.get()) {
        ready.tryComplete();
      } else {
        ready.tryFail(ar.cause());
      }
    });
  }

  /** Forgets and returns the consumer this subscription was in; on the loop. */
  TopicConsumer detached() {
    TopicConsumer left = consumer;
    consumer = null;
    return left;
  }

  @Override
  public String toString() {
    return "Subscription(" + topic + (closed.get() ? ", closed)" : ")");
  }
}
