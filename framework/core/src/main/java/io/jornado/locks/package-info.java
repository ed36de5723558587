/**
 * Synchronisation for asynchronous code: {@link io.jornado.locks.Lock},
 * {@link io.jornado.locks.Event}, {@link io.jornado.locks.Condition},
 * {@link io.jornado.locks.Semaphore} and {@link io.jornado.locks.BoundedSemaphore}. Waiting never
 * blocks a thread: it returns a Vert.x {@code Future}.
 *
 * <p>Timeouts are a {@code Duration} (Tornado's timedelta) or an {@code Instant} (Tornado's absolute
 * time) and fail with {@link io.jornado.util.TimeoutError}, except {@code Condition.waitFor}, whose
 * future then completes with {@code false}. A waiter whose time ran out leaves the line at once and
 * never takes a later notification or permit.
 *
 * <p>Beyond Tornado, whose primitives belong to one event loop, these may be shared by code on any
 * event loop or thread of the process: state changes are guarded by an internal lock that is never
 * held while waiting or while running a caller's callbacks, and each waiter's future completes on the
 * Vert.x context that started the wait (for a caller outside Vert.x, on {@code IOLoop.current()}).
 *
 * <p>Tornado: tornado.locks.
 */
package io.jornado.locks;
