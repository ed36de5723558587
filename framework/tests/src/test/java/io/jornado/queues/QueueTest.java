package io.jornado.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jornado.ioloop.IOLoop;
import io.jornado.testing.AsyncTestCase;
import io.jornado.util.TimeoutError;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Queue}, {@link PriorityQueue} and {@link LifoQueue}. Tornado:
 * tornado/test/queues_test.py.
 */
class QueueTest extends AsyncTestCase {
  private static final Duration SHORT = Duration.ofMillis(50);

  /** The three kinds of queue, for the join tests Tornado runs on each. */
  private static final List<IntFunction<Queue<Integer>>> KINDS =
      List.of(Queue::new, PriorityQueue::new, LifoQueue::new);

  @Test
  void toStringNamesWhatIsNotEmpty() {
    Queue<String> q = new Queue<>(1);
    assertEquals("<Queue maxsize=1>", q.toString());
    q.get();
    assertEquals("<Queue maxsize=1 getters[1]>", q.toString());
    q.put("a");
    q.put("b");
    q.put("c");
    assertEquals("<Queue maxsize=1 queue=[b] putters[1] tasks=2>", q.toString());
  }

  @Test
  void itemsComeOutInTheOrderPut() {
    Queue<Integer> q = new Queue<>();
    for (int i : new int[] {1, 3, 2}) {
      q.putNowait(i);
    }
    assertEquals(List.of(1, 3, 2), List.of(q.getNowait(), q.getNowait(), q.getNowait()));
  }

  @Test
  void maxsizeBoundsTheQueue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Queue<>(-1));
    assertEquals("maxsize can't be negative, not -1", e.getMessage());
    Queue<Integer> q = new Queue<>(2);
    assertTrue(q.empty());
    assertFalse(q.full());
    assertEquals(2, q.maxsize());
    assertTrue(q.put(0).isComplete());
    assertTrue(q.put(1).isComplete());
    assertFalse(q.empty());
    assertTrue(q.full());
    Future<Void> put2 = q.put(2);
    assertFalse(put2.isComplete());
    assertEquals(0, await(q.get()));
    assertTrue(put2.isComplete());
    assertTrue(q.full());
    assertEquals(2, q.qsize());
  }

  @Test
  void unboundedQueueIsNeverFull() {
    Queue<Integer> q = new Queue<>();
    for (int i = 0; i < 1000; i++) {
      q.putNowait(i);
    }
    assertFalse(q.full());
    assertEquals(1000, q.qsize());
  }

  @Test
  void getAndGetNowait() {
    Queue<Integer> q = new Queue<>();
    q.putNowait(0);
    assertEquals(0, await(q.get()));
    q.putNowait(1);
    assertEquals(1, q.getNowait());
    QueueEmpty empty = assertThrows(QueueEmpty.class, q::getNowait);
    assertEquals("Queue empty", empty.getMessage());
  }

  @Test
  void getWithPuttersWaitingAdmitsTheOldestPutter() {
    Queue<Integer> q = new Queue<>(1);
    q.putNowait(0);
    Future<Void> put = q.put(1);
    assertEquals(0, await(q.get()));
    assertNull(await(put));
    assertEquals(1, q.getNowait());
  }

  @Test
  void getWaitsForLaterPuts() {
    Queue<Integer> q = new Queue<>();
    q.put(0);
    ioLoop().callLater(Duration.ofMillis(10), () -> q.putNowait(1));
    assertEquals(0, await(q.get(Duration.ofSeconds(5))));
    assertEquals(1, await(q.get(Duration.ofSeconds(5))));
  }

  @Test
  void getTimesOutAndTheNextGetterTakesTheItem() {
    Queue<Integer> q = new Queue<>();
    Future<Integer> timed = q.get(SHORT);
    Future<Integer> get = q.get();
    TimeoutError error = assertThrows(TimeoutError.class, () -> await(timed));
    assertEquals("Timeout", error.getMessage());
    q.putNowait(0);
    assertEquals(0, await(get));
  }

  @Test
  void getUntilAnInstantTimesOut() {
    Queue<Integer> q = new Queue<>();
    assertThrows(TimeoutError.class, () -> await(q.get(Instant.now().plus(SHORT))));
  }

  @Test
  void putBeforeTheGetTimesOutWins() {
    Queue<Integer> q = new Queue<>();
    Future<Integer> get = q.get(Duration.ofSeconds(5));
    q.put(0);
    assertEquals(0, await(get));
  }

  @Test
  void timedOutPuttersLeaveTheLineAndTheirItemsAreNotPut() {
    Queue<Integer> q = new Queue<>(1);
    List<Future<Void>> putters = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      putters.add(q.put(i, SHORT));
    }
    Future<Void> put = q.put(10);
    assertTrue(putters.get(0).isComplete());
    for (Future<Void> putter : putters.subList(1, 10)) {
      assertThrows(TimeoutError.class, () -> await(putter));
    }
    assertEquals("<Queue maxsize=1 queue=[0] putters[1] tasks=1>", q.toString());
    assertFalse(put.isComplete());
    assertEquals(0, await(q.get()));
    assertEquals(10, await(q.get()));
    assertTrue(put.isComplete());
    assertTrue(q.empty());
  }

  @Test
  void timedOutGettersLeaveTheLineAndTakeNoItem() {
    Queue<Integer> q = new Queue<>();
    List<Future<Integer>> getters = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      getters.add(q.get(SHORT));
    }
    Future<Integer> get = q.get();
    for (Future<Integer> getter : getters) {
      assertThrows(TimeoutError.class, () -> await(getter));
    }
    assertEquals("<Queue maxsize=0 getters[1]>", q.toString());
    q.putNowait(0);
    assertEquals(0, await(get));
    assertTrue(getters.stream().allMatch(Future::failed));
  }

  @Test
  void zeroTimeoutMeansNoTimeoutForGetAndPutAsTornado65() {
    Queue<Integer> q = new Queue<>(1);
    Future<Integer> get = q.get(Duration.ZERO);
    assertThrows(TimeoutError.class, () -> await(q.get(SHORT)));
    assertFalse(get.isComplete());
    q.putNowait(1);
    assertEquals(1, await(get));
    q.putNowait(2);
    Future<Void> put = q.put(3, Duration.ZERO);
    assertThrows(TimeoutError.class, () -> await(q.put(4, SHORT)));
    assertFalse(put.isComplete());
    assertEquals(2, q.getNowait());
    await(put);
    assertEquals(3, q.getNowait());
  }

  @Test
  void putAndPutNowait() {
    Queue<Integer> q = new Queue<>(1);
    q.put(0);
    QueueFull full = assertThrows(QueueFull.class, () -> q.putNowait(1));
    assertEquals("Queue full (maxsize=1)", full.getMessage());
    assertEquals(0, q.getNowait());
    assertThrows(NullPointerException.class, () -> q.putNowait(null));
  }

  @Test
  void putWithGettersWaitingHandsTheItemToTheOldestGetter() {
    Queue<Integer> q = new Queue<>();
    Future<Integer> get0 = q.get();
    Future<Integer> get1 = q.get();
    await(q.put(0));
    assertEquals(0, await(get0));
    assertFalse(get1.isComplete());
    q.putNowait(1);
    assertEquals(1, await(get1));
    assertTrue(q.empty());
    assertEquals("<Queue maxsize=0 tasks=2>", q.toString());
  }

  @Test
  void puttersWaitForRoomInTurn() {
    Queue<Integer> q = new Queue<>(1);
    q.putNowait(0);
    List<Future<Void>> puts = List.of(q.put(1), q.put(2));
    assertTrue(puts.stream().noneMatch(Future::isComplete));
    ioLoop().callLater(Duration.ofMillis(10), q::get);
    ioLoop().callLater(Duration.ofMillis(20), q::get);
    await(Future.all(puts));
    assertEquals(2, q.getNowait());
  }

  @Test
  void putTimesOutAndItsItemIsNeverPut() {
    Queue<Integer> q = new Queue<>(1);
    q.putNowait(0);
    Future<Void> timed = q.put(1, SHORT);
    Future<Void> put = q.put(2);
    assertThrows(TimeoutError.class, () -> await(timed));
    assertEquals(0, q.getNowait());
    assertEquals(2, await(q.get()));
    await(put);
  }

  @Test
  void taskDoneMoreThanPutFails() {
    for (IntFunction<Queue<Integer>> kind : KINDS) {
      Queue<Integer> q = kind.apply(0);
      IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
      assertEquals("task_done() called too many times", e.getMessage());
    }
  }

  @Test
  void joinCompletesWhenWorkersHaveMarkedEveryItemDone() {
    for (IntFunction<Queue<Integer>> kind : KINDS) {
      Queue<Integer> q = kind.apply(0);
      for (int i = 0; i < 100; i++) {
        q.putNowait(i);
      }
      AtomicInteger sum = new AtomicInteger();
      Future<Void> joined = ioLoop().runSync(() -> {
        worker(q, sum);
        worker(q, sum);
        return Future.succeededFuture(q.join());
      });
      await(joined);
      assertEquals(4950, sum.get());
    }
  }

  /** Takes items forever, adding them up; each is marked done on a later loop turn. */
  private void worker(Queue<Integer> q, AtomicInteger sum) {
    q.get().onSuccess(item -> {
      sum.addAndGet(item);
      q.taskDone();
      ioLoop().addCallback(() -> worker(q, sum));
    });
  }

  @Test
  void joinWaitsForTaskDoneNotForGet() {
    for (IntFunction<Queue<Integer>> kind : KINDS) {
      Queue<Integer> q = kind.apply(0);
      q.putNowait(0);
      Future<Void> join = q.join();
      assertFalse(join.isComplete());
      await(q.get());
      assertFalse(join.isComplete());
      q.taskDone();
      assertTrue(join.isComplete());
      await(q.join());
    }
  }

  @Test
  void joinTimesOut() {
    for (IntFunction<Queue<Integer>> kind : KINDS) {
      Queue<Integer> q = kind.apply(0);
      q.put(0);
      TimeoutError error = assertThrows(TimeoutError.class, () -> await(q.join(SHORT)));
      assertEquals("Timeout", error.getMessage());
      assertThrows(TimeoutError.class, () -> await(q.join(Instant.now().plus(SHORT))));
      assertThrows(TimeoutError.class, () -> await(q.join(Duration.ZERO)), "zero times out at once, as Tornado 6.5");
    }
  }

  @Test
  void priorityQueueGivesTheSmallestFirst() {
    PriorityQueue<Map.Entry<Integer, String>> q =
        new PriorityQueue<>(2, Map.Entry.comparingByKey());
    q.putNowait(Map.entry(1, "a"));
    q.putNowait(Map.entry(0, "b"));
    assertTrue(q.full());
    q.put(Map.entry(3, "c"));
    q.put(Map.entry(2, "d"));
    assertEquals(Map.entry(0, "b"), q.getNowait());
    assertEquals(Map.entry(1, "a"), await(q.get()));
    assertEquals(Map.entry(2, "d"), q.getNowait());
    assertEquals(Map.entry(3, "c"), await(q.get()));
    assertTrue(q.empty());
  }

  @Test
  void priorityQueueInNaturalOrderAndByComparator() {
    PriorityQueue<Integer> natural = new PriorityQueue<>();
    PriorityQueue<Integer> reversed = new PriorityQueue<>(Comparator.reverseOrder());
    for (int i : new int[] {5, 1, 3}) {
      natural.putNowait(i);
      reversed.putNowait(i);
    }
    assertEquals(List.of(1, 3, 5), List.of(natural.getNowait(), natural.getNowait(), natural.getNowait()));
    assertEquals(List.of(5, 3, 1), List.of(reversed.getNowait(), reversed.getNowait(), reversed.getNowait()));
  }

  @Test
  void lifoQueueGivesTheNewestFirstAndAdmitsPuttersFirst() {
    LifoQueue<Integer> q = new LifoQueue<>(2);
    q.putNowait(1);
    q.putNowait(0);
    assertTrue(q.full());
    q.put(3);
    q.put(2);
    assertEquals(3, q.getNowait());
    assertEquals(2, await(q.get()));
    assertEquals(0, q.getNowait());
    assertEquals(1, await(q.get()));
    assertTrue(q.empty());
  }

  @Test
  void producerAndConsumerOnOneLoop() {
    Queue<Integer> q = new Queue<>(3);
    List<Integer> history = new CopyOnWriteArrayList<>();
    Future<Void> done = ioLoop().runSync(() -> {
      consume(q, history);
      return Future.succeededFuture(produce(q, 0, 10).compose(v -> q.join()));
    });
    await(done);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), history);
  }

  private static Future<Void> produce(Queue<Integer> q, int next, int end) {
    return next == end ? Future.succeededFuture() : q.put(next).compose(v -> produce(q, next + 1, end));
  }

  private static void consume(Queue<Integer> q, List<Integer> history) {
    q.get().onSuccess(item -> {
      history.add(item);
      q.taskDone();
      consume(q, history);
    });
  }

  @Test
  void producerOnOneLoopAndConsumerOnAnotherShareAQueue() {
    Queue<Integer> q = new Queue<>(5);
    IOLoop consumerLoop = IOLoop.create();
    try {
      int count = 200;
      List<Integer> consumed = new CopyOnWriteArrayList<>();
      List<Boolean> consumerOnItsLoop = new CopyOnWriteArrayList<>();
      List<Boolean> producerOnItsLoop = new CopyOnWriteArrayList<>();
      consumerLoop.addCallback(() -> consumeOnLoop(q, consumerLoop, consumed, consumerOnItsLoop));
      Future<Void> produced = ioLoop().runSync(() -> Future.succeededFuture(
          produceOnLoop(q, ioLoop(), 0, count, producerOnItsLoop).compose(v -> q.join())));
      await(produced);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        expected.add(i);
      }
      assertEquals(expected, consumed);
      assertFalse(consumerOnItsLoop.contains(false), "every get completed on the consumer's loop");
      assertFalse(producerOnItsLoop.contains(false), "every put completed on the producer's loop");
      assertEquals(count, producerOnItsLoop.size());
    } finally {
      await(consumerLoop.close());
    }
  }

  private static Future<Void> produceOnLoop(Queue<Integer> q, IOLoop loop, int next, int end, List<Boolean> onLoop) {
    if (next == end) {
      return Future.succeededFuture();
    }
    return q.put(next).compose(v -> {
      onLoop.add(loop.inLoop());
      return produceOnLoop(q, loop, next + 1, end, onLoop);
    });
  }

  private static void consumeOnLoop(Queue<Integer> q, IOLoop loop, List<Integer> consumed, List<Boolean> onLoop) {
    q.get().onSuccess(item -> {
      onLoop.add(loop.inLoop());
      consumed.add(item);
      q.taskDone();
      consumeOnLoop(q, loop, consumed, onLoop);
    });
  }
}
