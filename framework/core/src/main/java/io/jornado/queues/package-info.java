/**
 * Queues for producer and consumer code: {@link io.jornado.queues.Queue} (first in, first out),
 * {@link io.jornado.queues.PriorityQueue} (smallest first) and {@link io.jornado.queues.LifoQueue}
 * (last in, first out). Waiting returns a Vert.x {@code Future}; no thread blocks.
 *
 * <p>Beyond Tornado, whose queues belong to one event loop (and are not thread-safe), these may be
 * shared by producers and consumers on any event loop or thread of the process; each waiter's future
 * completes on the Vert.x context that started the wait.
 *
 * <p>Tornado: tornado.queues.
 */
package io.jornado.queues;
