package io.jornado.template;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/** Python's tuple: an immutable list that prints as {@code (1, 2)} and {@code (1,)}. */
final class PyTuple extends AbstractList<Object> {
  private final Object[] items;

  PyTuple(Object... items) {
    this.items = items;
  }

  static PyTuple of(List<?> items) {
    return new PyTuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  List<Object> asList() {
    return Arrays.asList(items);
  }
}
