package io.jornado.queues;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;

/** Where a {@link Queue} keeps its items, which decides the order they come out in. */
interface ItemStore<T> {
  void add(T item);

  T take();

  int size();

  /** The items in the order they are stored, for {@code toString}. */
  List<T> snapshot();

  static <T> ItemStore<T> fifo() {
    return new DequeStore<>(false);
  }

  static <T> ItemStore<T> lifo() {
    return new DequeStore<>(true);
  }

  static <T> ItemStore<T> heap(Comparator<? super T> order) {
    return new HeapStore<>(order);
  }

  /** First in first out, or last in first out. */
  final class DequeStore<T> implements ItemStore<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final boolean lastFirst;

    DequeStore(boolean lastFirst) {
      this.lastFirst = lastFirst;
    }

    @Override
    public void add(T item) {
      items.addLast(item);
    }

    @Override
    public T take() {
      return lastFirst ? items.removeLast() : items.removeFirst();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public List<T> snapshot() {
      return List.copyOf(items);
    }
  }

  /** Smallest first, as Python's heapq. */
  final class HeapStore<T> implements ItemStore<T> {
    private final java.util.PriorityQueue<T> items;

    HeapStore(Comparator<? super T> order) {
      items = new java.util.PriorityQueue<>(order);
    }

    @Override
    public void add(T item) {
      items.add(item);
    }

    @Override
    public T take() {
      return items.remove();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public List<T> snapshot() {
      return List.copyOf(items);
    }
  }
}
