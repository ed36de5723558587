package io.jornado.template;

import java.util.AbstractList;

/** Python's range object: a lazy list of longs that prints as {@code range(0, 3)}. */
final class PyRange extends AbstractList<Object> {
  final long start;
  final long stop;
  final long step;
  private final int size;

  PyRange(long start, long stop, long step) {
    if (step == 0) {
      throw new PythonError("ValueError", "range() arg 3 must not be zero");
    }
    this.start = start;
    this.stop = stop;
    this.step = step;
    long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    this.size = (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= size) {
      throw new PythonError("IndexError", "range object index out of range");
    }
    return start + index * step;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
  }
}
