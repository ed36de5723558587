/**
 * The waiter bookkeeping shared by {@code io.jornado.locks} and {@code io.jornado.queues}. Not API:
 * it may change without notice.
 *
 * <p>Tornado: (the private helpers of tornado.locks and tornado.queues).
 */
package io.jornado.locks.impl;
