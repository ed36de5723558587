package io.jornado.httputil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request arguments by name; remembers which values were not valid UTF-8. */
final class Arguments {
  static final Arguments EMPTY = new Arguments();

  final Map<String, List<String>> values = new LinkedHashMap<>();
  final Map<String, byte[]> invalid = new LinkedHashMap<>();

  void add(String name, byte[] raw) {
    String decoded = io.jornado.util.Utf8Text.decode(raw).orElse(null);
    if (decoded == null) {
      invalid.putIfAbsent(name, raw);
      decoded = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }
    values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(decoded);
  }

  static Arguments merge(Arguments first, Arguments second) {
    if (second.values.isEmpty()) {
      return first;
    }
    if (first.values.isEmpty()) {
      return second;
    }
    Arguments merged = new Arguments();
    for (Arguments a : List.of(first, second)) {
      a.values.forEach((k, v) -> merged.values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      a.invalid.forEach(merged.invalid::putIfAbsent);
    }
    return merged;
  }

  List<String> get(String name) {
    List<String> v = values.get(name);
    return v == null ? List.of() : Collections.unmodifiableList(v);
  }
}
