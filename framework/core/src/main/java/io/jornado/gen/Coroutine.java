package io.jornado.gen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code RequestHandler} or {@code WebSocketHandler} subclass on a virtual thread of its own
 * (one Vert.x virtual-thread context per request or connection), where {@link Gen#await} parks the
 * virtual thread instead of blocking the event loop, and blocking calls are allowed:
 *
 * <pre>{@code
 * @Coroutine
 * public class UserHandler extends RequestHandler {
 *   public void get(String id) {
 *     User user = Gen.await(db.findUser(id));
 *     render("user.html", Map.of("user", user));
 *   }
 * }
 * }</pre>
 *
 * <p>What runs there: {@code prepare}/{@code prepareAsync}, the verb methods,
 * {@code dataReceived}, {@code onConnectionClose}, {@code writeError}, {@code onFinish}, and a
 * WebSocketHandler's {@code open}, {@code onMessage}, {@code onPing}, {@code onPong} and
 * {@code onClose}; also the continuations of futures those return. They run one at a time and in
 * order: the next message or body chunk waits until the hook handling the previous one has returned,
 * awaits included; only {@code onConnectionClose} may run while the verb method is parked, as
 * Tornado's {@code on_connection_close} runs while a coroutine waits. The constructor,
 * {@code initialize} and {@code setDefaultHeaders} run on the event loop, before the request's
 * body is read. {@code ioLoop()} stays the connection's event loop: callbacks scheduled on it
 * ({@code callLater}, {@code addCallback}) run there, not on the handler's virtual thread, so they
 * should only complete futures the handler awaits. The handler's own methods ({@code write},
 * {@code flush}, {@code finish}, {@code setHeader}, {@code writeMessage}, {@code close}) work from
 * its virtual thread.
 *
 * <p>Needs Java 21 or later: on older Java, an {@code Application} whose rules name such a class
 * fails at construction. Each request costs a context and a virtual thread (measured in
 * docs/benchmarks.md), so event-loop handlers stay the default.
 *
 * <p>Tornado: {@code async def} handler methods (native coroutines) with {@code await}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Coroutine {}
