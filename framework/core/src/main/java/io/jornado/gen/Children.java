package io.jornado.gen;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The futures given to {@link Gen#multi} or {@link Gen#waitIterator}, each with its key: the list
 * index, or the map key in the map's iteration order. Copied once, refusing null futures.
 */
record Children<K, T>(List<K> keys, List<Future<? extends T>> futures) {

  static <T> Children<Integer, T> of(List<? extends Future<? extends T>> list) {
    Objects.requireNonNull(list, "futures");
    Children<Integer, T> children = new Children<>(new ArrayList<>(list.size()), new ArrayList<>(list.size()));
    for (int i = 0; i < list.size(); i++) {
      children.add(i, list.get(i));
    }
    return children;
  }

  static <K, T> Children<K, T> of(Map<K, ? extends Future<? extends T>> map) {
    Objects.requireNonNull(map, "futures");
    Children<K, T> children = new Children<>(new ArrayList<>(map.size()), new ArrayList<>(map.size()));
    map.forEach(children::add);
    return children;
  }

  private void add(K key, Future<? extends T> future) {
    if (future == null) {
      throw new NullPointerException("futures[" + key + "] is null");
    }
    keys.add(key);
    futures.add(future);
  }

  int size() {
    return futures.size();
  }
}
