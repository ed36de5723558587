package io.jornado.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.testing.AsyncTestCase;
import io.jornado.testing.ExpectLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Black-box tests of {@link PubSub}: fan-out over the event bus to subscribers on several loops. */
class PubSubTest extends AsyncTestCase {
  /** Only reached when a test fails; a passing test takes well under a second. */
  private static final long WAIT_SECONDS = 10;

  /** Collects the messages one subscriber gets; its list is touched on the subscriber's loop only. */
  private final class Recorder implements Consumer<Object> {
    private final List<Object> messages = new ArrayList<>();
    private final int expected;
    private final CompletableFuture<List<Object>> done = new CompletableFuture<>();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Set<Boolean> inLoop = ConcurrentHashMap.newKeySet();
    private final IOLoop loop;

    Recorder(IOLoop loop, int expected) {
      this.loop = loop;
      this.expected = expected;
    }

    @Override
    public void accept(Object message) {
      threads.add(Thread.currentThread());
      inLoop.add(loop.inLoop());
      messages.add(message);
      if (messages.size() == expected) {
        done.complete(List.copyOf(messages));
      }
    }

    /** Waits for the expected number of messages and returns them. */
    List<Object> await() throws Exception {
      return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Everything received so far, read on the subscriber's loop after what is queued there. */
    List<Object> received() {
      return onLoop(loop, () -> List.copyOf(messages));
    }
  }

  private <T> T onLoop(IOLoop loop, Supplier<T> body) {
    return loop.runSync(() -> Future.succeededFuture(body.get()), Duration.ofSeconds(WAIT_SECONDS));
  }

  /** Waits until everything already queued to each loop (deliveries included) has run. */
  private void drain(List<IOLoop> loops) {
    for (IOLoop loop : loops) {
      onLoop(loop, () -> null);
    }
  }

  private Thread threadOf(IOLoop loop) {
    return onLoop(loop, Thread::currentThread);
  }

  /** n loops of the test's Vert.x instance, each on a fresh event-loop context and its own thread. */
  private List<IOLoop> loopsOnDistinctThreads(int n) {
    List<IOLoop> loops = new ArrayList<>();
    Set<Thread> threads = new HashSet<>();
    for (int i = 0; i < 64 && loops.size() < n; i++) {
      IOLoop loop = IOLoop.create(ioLoop().vertx());
      if (threads.add(threadOf(loop))) {
        loops.add(loop);
      }
    }
    assertEquals(n, loops.size(), "event-loop threads found: " + threads);
    return loops;
  }

  private PubSub pubSub() {
    return PubSub.of(ioLoop().vertx());
  }

  /** Counts event-bus deliveries to the consumers of a topic: one per consumer per message. */
  private AtomicInteger countDeliveries(String topic) {
    AtomicInteger deliveries = new AtomicInteger();
    String address = "jornado.pubsub." + topic;
    Handler<DeliveryContext<Object>> interceptor = context -> {
      if (context.message().address().equals(address)) {
        deliveries.incrementAndGet();
      }
      context.next();
    };
    ioLoop().vertx().eventBus().addInboundInterceptor(interceptor);
    return deliveries;
  }

  private static void runOnForeignThread(Runnable body) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "foreign");
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertFalse(thread.isAlive(), "the foreign thread did not finish");
    if (failure.get() != null) {
      throw new AssertionError("the foreign thread failed", failure.get());
    }
  }

  // --- 1. several loops, a publisher on a third thread ---

  @Test
  void subscribersOnSeveralLoopsGetAMessagePublishedFromAnotherThreadOnTheirOwnLoop() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(3);
    PubSub pubSub = pubSub();
    List<Recorder> recorders = new ArrayList<>();
    for (IOLoop loop : loops) {
      Recorder recorder = new Recorder(loop, 1);
      recorders.add(recorder);
      await(pubSub.subscribe(loop, "news", recorder).ready());
    }
    runOnForeignThread(() -> PubSub.of(ioLoop().vertx()).publish("news", "hello"));
    for (int i = 0; i < loops.size(); i++) {
      Recorder recorder = recorders.get(i);
      assertEquals(List.of("hello"), recorder.await());
      assertEquals(Set.of(threadOf(loops.get(i))), recorder.threads, "the callback runs on its loop's thread");
      assertEquals(Set.of(true), recorder.inLoop);
    }
    Set<Thread> threads = new HashSet<>();
    recorders.forEach(r -> threads.addAll(r.threads));
    assertEquals(3, threads.size(), "three loops, three threads");
  }

  @Test
  void subscribeWithoutALoopUsesTheCurrentLoop() throws Exception {
    // On the test thread the test's loop is current.
    Recorder onTestLoop = new Recorder(ioLoop(), 1);
    Subscription subscription = PubSub.current().subscribe("current", onTestLoop);
    assertSame(ioLoop(), subscription.loop());
    assertEquals("current", subscription.topic());
    await(subscription.ready());
    // On another loop's thread, that loop is current.
    IOLoop other = loopsOnDistinctThreads(1).get(0);
    Recorder onOther = new Recorder(other, 1);
    Subscription second = onLoop(other, () -> PubSub.current().subscribe("current", onOther));
    assertSame(other, second.loop());
    assertTrue(second.ready().succeeded(), "subscribed on its loop's thread: active at once");
    pubSub().publish("current", "x");
    assertEquals(List.of("x"), onTestLoop.await());
    assertEquals(Set.of(threadOf(ioLoop())), onTestLoop.threads);
    assertEquals(List.of("x"), onOther.await());
    assertEquals(Set.of(threadOf(other)), onOther.threads);
  }

  @Test
  void aSubscriptionMadeOnTheLoopGetsAMessagePublishedRightAfterInTheSameCallback() throws Exception {
    Recorder recorder = new Recorder(ioLoop(), 1);
    ioLoop().addCallback(() -> {
      PubSub.current().subscribe("same-turn", recorder);
      PubSub.current().publish("same-turn", "now");
    });
    assertEquals(List.of("now"), recorder.await());
  }

  @Test
  void ofGivesOnePubSubPerVertxInstance() {
    PubSub pubSub = pubSub();
    assertSame(pubSub, PubSub.of(ioLoop().vertx()));
    assertSame(pubSub, PubSub.current());
    assertSame(pubSub, onLoop(ioLoop(), PubSub::current));
    assertSame(ioLoop().vertx(), pubSub.vertx());
    Vertx other = Vertx.vertx();
    try {
      assertNotSame(pubSub, PubSub.of(other));
      assertSame(PubSub.of(other), PubSub.of(other));
    } finally {
      await(other.close());
    }
  }

  @Test
  void aLoopOfAnotherVertxIsRefused() {
    Vertx other = Vertx.vertx();
    try {
      IOLoop foreignLoop = IOLoop.create(other);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> pubSub().subscribe(foreignLoop, "t", m -> { }));
      assertTrue(e.getMessage().contains("another Vert.x instance"), e.getMessage());
    } finally {
      await(other.close());
    }
  }

  // --- 2. many messages, every loop, in order ---

  @Test
  void tenThousandMessagesFromOneLoopReachEverySubscriberInOrder() throws Exception {
    int count = 10_000;
    List<IOLoop> loops = new ArrayList<>(loopsOnDistinctThreads(3));
    IOLoop publisher = loops.get(0); // its own subscribers get the messages too
    List<Recorder> recorders = new ArrayList<>();
    for (IOLoop loop : loops) {
      for (int i = 0; i < 2; i++) {
        Recorder recorder = new Recorder(loop, count);
        recorders.add(recorder);
        await(pubSub().subscribe(loop, "count", recorder).ready());
      }
    }
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(Integer.toString(i));
    }
    publisher.addCallback(() -> {
      PubSub pubSub = PubSub.current();
      for (int i = 0; i < count; i++) {
        pubSub.publish("count", Integer.toString(i));
      }
    });
    for (Recorder recorder : recorders) {
      assertEquals(expected, recorder.await());
    }
    drain(loops);
    for (Recorder recorder : recorders) {
      assertEquals(count, recorder.received().size(), "no duplicates arrive later");
    }
  }

  // --- 3. one event-bus consumer per (loop, topic) ---

  @Test
  void oneEventBusConsumerPerLoopAndTopicHoweverManySubscribers() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(3);
    PubSub pubSub = pubSub();
    AtomicInteger deliveries = countDeliveries("fan");
    List<Recorder> recorders = new ArrayList<>();
    for (IOLoop loop : loops) {
      for (int i = 0; i < 5; i++) {
        Recorder recorder = new Recorder(loop, 1);
        recorders.add(recorder);
        // Some subscribe on the loop's own thread, some from here.
        Subscription subscription = i % 2 == 0
            ? onLoop(loop, () -> PubSub.current().subscribe("fan", recorder))
            : pubSub.subscribe(loop, "fan", recorder);
        await(subscription.ready());
      }
    }
    assertEquals(3, pubSub.consumerCount("fan"));
    await(pubSub.subscribe(loops.get(0), "other", m -> { }).ready());
    assertEquals(1, pubSub.consumerCount("other"));
    assertEquals(3, pubSub.consumerCount("fan"));

    pubSub.publish("fan", "one");
    for (Recorder recorder : recorders) {
      assertEquals(List.of("one"), recorder.await());
    }
    drain(loops);
    assertEquals(3, deliveries.get(), "one event-bus delivery per loop, not one per subscriber (15)");
  }

  // --- 4. closing ---

  @Test
  void closedSubscriptionsGetNothingAndTheLastOneUnregistersTheLoopsConsumer() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(2);
    IOLoop loop1 = loops.get(0);
    IOLoop loop2 = loops.get(1);
    PubSub pubSub = pubSub();
    AtomicInteger deliveries = countDeliveries("closing");
    Recorder a = new Recorder(loop1, 1);
    Recorder c = new Recorder(loop1, 1);
    Recorder b = new Recorder(loop2, 2);
    Subscription subA = pubSub.subscribe(loop1, "closing", a);
    Subscription subC = pubSub.subscribe(loop1, "closing", c);
    Subscription subB = pubSub.subscribe(loop2, "closing", b);
    await(Future.all(subA.ready(), subB.ready(), subC.ready()));
    assertEquals(2, pubSub.consumerCount("closing"));

    runOnForeignThread(subA::close);
    assertTrue(subA.isClosed());
    drain(loops);
    assertEquals(2, pubSub.consumerCount("closing"), "loop1 still has a subscriber");
    pubSub.publish("closing", "m1");
    assertEquals(List.of("m1"), c.await());
    drain(loops);
    assertEquals(List.of(), a.received(), "closed before m1");

    runOnForeignThread(subC::unsubscribe);
    drain(loops);
    assertEquals(1, pubSub.consumerCount("closing"), "loop1's consumer is unregistered with its last subscriber");
    deliveries.set(0);
    pubSub.publish("closing", "m2");
    assertEquals(List.of("m1", "m2"), b.await());
    drain(loops);
    assertEquals(1, deliveries.get(), "m2 reached loop2's consumer only");
    assertEquals(List.of("m1"), c.received());
    assertEquals(List.of(), a.received());

    subB.close();
    subB.close(); // idempotent
    drain(loops);
    assertEquals(0, pubSub.consumerCount("closing"));
    pubSub.publish("closing", "m3"); // no consumer anywhere: nothing to deliver, nothing logged
    drain(loops);
    assertEquals(List.of("m1", "m2"), b.received());
  }

  @Test
  void aMessageAlreadyQueuedToTheLoopIsNotDeliveredAfterCloseFromAForeignThread() throws Exception {
    IOLoop loop = ioLoop();
    PubSub pubSub = pubSub();
    Recorder closing = new Recorder(loop, 1);
    Recorder staying = new Recorder(loop, 1);
    Subscription closingSub = pubSub.subscribe(loop, "queued", closing);
    await(closingSub.ready());
    await(pubSub.subscribe(loop, "queued", staying).ready());
    CountDownLatch published = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<Boolean> waited = new AtomicReference<>();
    loop.addCallback(() -> {
      pubSub.publish("queued", "late"); // queued on this loop behind this callback
      published.countDown();
      try {
        waited.set(closed.await(WAIT_SECONDS, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTrue(published.await(WAIT_SECONDS, TimeUnit.SECONDS));
    closingSub.close(); // from the test thread while the loop is busy
    closed.countDown();
    assertEquals(List.of("late"), staying.await());
    drain(List.of(loop));
    assertEquals(Boolean.TRUE, waited.get());
    assertEquals(List.of(), closing.received(), "closed while the message was queued");
  }

  @Test
  void unsubscribingDuringADeliveryIsSafe() throws Exception {
    IOLoop loop = ioLoop();
    PubSub pubSub = pubSub();
    Recorder y = new Recorder(loop, 1);
    Recorder z = new Recorder(loop, 2);
    List<Object> xGot = new ArrayList<>();
    AtomicReference<Subscription> subX = new AtomicReference<>();
    AtomicReference<Subscription> subY = new AtomicReference<>();
    Subscription[] subs = onLoop(loop, () -> {
      Subscription x = pubSub.subscribe("during", message -> {
        xGot.add(message);
        subY.get().close(); // a later subscriber of the same delivery
        subX.get().close(); // itself
      });
      subX.set(x);
      subY.set(pubSub.subscribe("during", y));
      return new Subscription[] {x, subY.get(), pubSub.subscribe("during", z)};
    });
    pubSub.publish("during", "m1");
    pubSub.publish("during", "m2");
    assertEquals(List.of("m1", "m2"), z.await());
    drain(List.of(loop));
    assertEquals(List.of("m1"), onLoop(loop, () -> List.copyOf(xGot)));
    assertEquals(List.of(), y.received(), "closed by an earlier subscriber before its turn");
    assertTrue(subs[0].isClosed());
    assertTrue(subs[1].isClosed());
    assertFalse(subs[2].isClosed());
    assertEquals(1, pubSub.consumerCount("during"));
    subs[2].close();
    drain(List.of(loop));
    assertEquals(0, pubSub.consumerCount("during"));
  }

  @Test
  void subscribeAndCloseFromForeignThreads() throws Exception {
    IOLoop loop = loopsOnDistinctThreads(1).get(0);
    PubSub pubSub = pubSub();
    Recorder recorder = new Recorder(loop, 1);
    AtomicReference<Subscription> made = new AtomicReference<>();
    runOnForeignThread(() -> made.set(pubSub.subscribe(loop, "foreign", recorder)));
    await(made.get().ready());
    assertEquals(1, pubSub.consumerCount("foreign"));
    runOnForeignThread(() -> pubSub.publish("foreign", "hi"));
    assertEquals(List.of("hi"), recorder.await());
    assertEquals(Set.of(threadOf(loop)), recorder.threads);
    runOnForeignThread(() -> made.get().close());
    drain(List.of(loop));
    assertEquals(0, pubSub.consumerCount("foreign"));

    // Closed before its loop got to register it: never registered, ready all the same.
    AtomicReference<Subscription> early = new AtomicReference<>();
    runOnForeignThread(() -> {
      Subscription subscription = pubSub.subscribe(loop, "foreign", m -> { });
      subscription.close();
      early.set(subscription);
    });
    await(early.get().ready());
    drain(List.of(loop));
    assertEquals(0, pubSub.consumerCount("foreign"));

    // try-with-resources
    Recorder scoped = new Recorder(loop, 1);
    try (Subscription subscription = pubSub.subscribe(loop, "scoped", scoped)) {
      await(subscription.ready());
      pubSub.publish("scoped", "in");
      assertEquals(List.of("in"), scoped.await());
    }
    drain(List.of(loop));
    assertEquals(0, pubSub.consumerCount("scoped"));
  }

  // --- 5. message types ---

  @Test
  void aMapIsEncodedOnceAsJsonWithPythonSeparators() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(2);
    PubSub pubSub = pubSub();
    Recorder first = new Recorder(loops.get(0), 3);
    Recorder second = new Recorder(loops.get(1), 3);
    await(pubSub.subscribe(loops.get(0), "json", first).ready());
    await(pubSub.subscribe(loops.get(1), "json", second).ready());
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of("x", "</script>", "é"));
    pubSub.publish("json", map);
    pubSub.publish("json", new JsonObject().put("c", true));
    pubSub.publish("json", new Point(1, 2));
    List<Object> got = first.await();
    assertEquals(List.of("{\"a\": 1, \"b\": [\"x\", \"<\\/script>\", \"\\u00e9\"]}", "{\"c\": true}",
        "{\"x\": 1, \"y\": 2}"), got);
    List<Object> gotToo = second.await();
    for (int i = 0; i < got.size(); i++) {
      assertSame(got.get(i), gotToo.get(i), "one String per publish, shared by every subscriber");
    }
  }

  /** A record published as JSON. */
  record Point(int x, int y) {}

  @Test
  void aBufferArrivesAsABufferAndTextAsAString() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(2);
    PubSub pubSub = pubSub();
    Recorder first = new Recorder(loops.get(0), 2);
    Recorder second = new Recorder(loops.get(1), 2);
    await(pubSub.subscribe(loops.get(0), "binary", first).ready());
    await(pubSub.subscribe(loops.get(1), "binary", second).ready());
    pubSub.publish("binary", Buffer.buffer(new byte[] {0, 1, 2, (byte) 0xff}));
    pubSub.publish("binary", "text");
    for (Recorder recorder : List.of(first, second)) {
      List<Object> got = recorder.await();
      Buffer buffer = assertInstanceOf(Buffer.class, got.get(0));
      assertEquals(Buffer.buffer(new byte[] {0, 1, 2, (byte) 0xff}), buffer);
      assertEquals("text", got.get(1));
    }
  }

  @Test
  void otherTypesAndNullsAreRefused() {
    PubSub pubSub = pubSub();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pubSub.publish("t", 42));
    assertEquals("PubSub.publish takes a String, a Buffer, a Map, a JsonObject or a record, not java.lang.Integer",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> pubSub.publish("t", List.of("a")));
    assertTrue(e.getMessage().contains("not java.util."), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> pubSub.publish("t", new byte[] {1}));
    assertTrue(e.getMessage().endsWith("not [B"), e.getMessage());
    assertEquals("topic", assertThrows(NullPointerException.class, () -> pubSub.publish(null, "m")).getMessage());
    assertEquals("message", assertThrows(NullPointerException.class, () -> pubSub.publish("t", null)).getMessage());
    assertEquals("topic",
        assertThrows(NullPointerException.class, () -> pubSub.subscribe(null, m -> { })).getMessage());
    assertEquals("callback",
        assertThrows(NullPointerException.class, () -> pubSub.subscribe("t", null)).getMessage());
    assertEquals("loop",
        assertThrows(NullPointerException.class, () -> pubSub.subscribe(null, "t", m -> { })).getMessage());
    assertEquals("vertx", assertThrows(NullPointerException.class, () -> PubSub.of(null)).getMessage());
  }

  // --- 6. a failing subscriber ---

  @Test
  void aThrowingSubscriberIsLoggedAndOthersStillGetTheMessage() throws Exception {
    List<IOLoop> loops = loopsOnDistinctThreads(2);
    PubSub pubSub = pubSub();
    AtomicInteger thrown = new AtomicInteger();
    Recorder sameLoop = new Recorder(loops.get(0), 2);
    Recorder otherLoop = new Recorder(loops.get(1), 2);
    await(pubSub.subscribe(loops.get(0), "errors", m -> {
      thrown.incrementAndGet();
      throw new IllegalStateException("subscriber failed");
    }).ready());
    await(pubSub.subscribe(loops.get(0), "errors", sameLoop).ready());
    await(pubSub.subscribe(loops.get(1), "errors", otherLoop).ready());
    try (ExpectLog expected = new ExpectLog("jornado.application", "Exception in pubsub callback for topic errors")) {
      pubSub.publish("errors", "a");
      pubSub.publish("errors", "b");
      assertEquals(List.of("a", "b"), sameLoop.await());
      assertEquals(List.of("a", "b"), otherLoop.await());
      drain(loops);
      assertEquals(2, expected.matchedCount());
      assertTrue(expected.loggedStack());
    }
    assertEquals(2, thrown.get(), "the failing subscriber stays subscribed");
  }

  @Test
  void eventBusAddressIsDocumented() {
    // Other Vert.x code (or another language on the cluster) can publish to a topic directly.
    Recorder recorder = new Recorder(ioLoop(), 1);
    await(pubSub().subscribe("raw", recorder).ready());
    EventBus eventBus = ioLoop().vertx().eventBus();
    eventBus.publish("jornado.pubsub.raw", "from the event bus");
    try {
      assertEquals(List.of("from the event bus"), recorder.await());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
