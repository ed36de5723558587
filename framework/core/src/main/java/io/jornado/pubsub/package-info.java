/**
 * Topic publish/subscribe across every event loop of the JVM, and across cluster nodes when Vert.x is
 * clustered, built on the Vert.x event bus.
 *
 * <p>{@link io.jornado.pubsub.PubSub} publishes and subscribes ({@code PubSub.current()} or {@code
 * PubSub.of(vertx)}); {@link io.jornado.pubsub.Subscription} is one callback's subscription, closed
 * to stop it.
 *
 * <p>Tornado: (none; new in Jornado — Tornado apps keep a set of handlers and loop over it)
 */
package io.jornado.pubsub;
