package io.jornado.template;

import io.jornado.util.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Methods of Python's str, dict and list that templates call. */
final class Methods {
  private static final Set<String> STR = Set.of("join", "split", "strip", "lstrip", "rstrip",
      "lower", "upper", "startswith", "endswith", "replace", "format", "capitalize", "title",
      "count", "find", "isdigit");
  private static final Set<String> DICT = Set.of("items", "keys", "values", "get");
  private static final Set<String> LIST = Set.of("append", "count", "index");

  private Methods() {}

  static boolean has(Object receiver, String name) {
    return receiver instanceof String && STR.contains(name)
        || receiver instanceof Map && DICT.contains(name)
        || receiver instanceof List && !(receiver instanceof PyTuple) && LIST.contains(name);
  }

  static Object call(Object r, String name, List<Object> a, Map<String, Object> k) {
    if (r instanceof String) {
      return str((String) r, name, a, k);
    } else if (r instanceof Map) {
      return dict((Map<?, ?>) r, name, a);
    }
    return list(cast(r), name, a);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> cast(Object r) {
    return (List<Object>) r;
  }

  private static Object list(List<Object> r, String name, List<Object> a) {
    switch (name) {
      case "append":
        r.add(Builtins.one("append", a));
        return null;
      case "count":
        return r.stream().filter(x -> Py.equal(x, a.get(0))).count();
      default:
        for (int i = 0; i < r.size(); i++) {
          if (Py.equal(r.get(i), a.get(0))) {
            return (long) i;
          }
        }
        throw new PythonError("ValueError", Py.repr(a.get(0)) + " is not in list");
    }
  }

  private static Object dict(Map<?, ?> r, String name, List<Object> a) {
    switch (name) {
      case "items": {
        List<Object> out = new ArrayList<>();
        r.forEach((key, value) -> out.add(new PyTuple(key, value)));
        return out;
      }
      case "keys":
        return new ArrayList<Object>(r.keySet());
      case "values":
        return new ArrayList<Object>(r.values());
      default:
        Object value = r.get(a.get(0));
        return value != null || r.containsKey(a.get(0)) ? value : a.size() > 1 ? a.get(1) : null;
    }
  }

  private static Object str(String s, String name, List<Object> a, Map<String, Object> k) {
    switch (name) {
      case "join": {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Object item : Py.toList(Builtins.one("join", a))) {
          if (!(item instanceof String)) {
            throw new PythonError("TypeError", "sequence item " + i
                + ": expected str instance, " + Py.typeName(item) + " found");
          }
          out.append(i++ > 0 ? s : "").append(item);
        }
        return out.toString();
      }
      case "split": return split(s, a);
      case "strip": return strip(s, a, true, true);
      case "lstrip": return strip(s, a, true, false);
      case "rstrip": return strip(s, a, false, true);
      case "lower": return s.toLowerCase();
      case "upper": return s.toUpperCase();
      case "capitalize":
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
      case "title": return title(s);
      case "isdigit": return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "startswith": return affix(s, a.get(0), true);
      case "endswith": return affix(s, a.get(0), false);
      case "count": return count(s, string(a.get(0)));
      case "find": return (long) s.indexOf(string(a.get(0)));
      case "replace": {
        String old = string(a.get(0));
        String replacement = string(a.get(1));
        long max = a.size() > 2 ? Arith.asLong(a.get(2)) : -1;
        return replace(s, old, replacement, max);
      }
      default: return StrFormat.format(s, a, k);
    }
  }

  private static String string(Object v) {
    if (!(v instanceof String)) {
      throw new PythonError("TypeError", "must be str, not " + Py.typeName(v));
    }
    return (String) v;
  }

  private static boolean affix(String s, Object arg, boolean prefix) {
    List<Object> options = arg instanceof PyTuple ? (PyTuple) arg : List.of(arg);
    for (Object o : options) {
      if (prefix ? s.startsWith(string(o)) : s.endsWith(string(o))) {
        return true;
      }
    }
    return false;
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1;
    }
    long n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  private static String replace(String s, String old, String replacement, long max) {
    if (max < 0) {
      return s.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (long n = 0; n < max; n++) {
      int i = old.isEmpty() ? (from <= s.length() ? from : -1) : s.indexOf(old, from);
      if (i < 0) {
        break;
      }
      out.append(s, from, i).append(replacement);
      if (old.isEmpty()) {
        if (i < s.length()) {
          out.append(s.charAt(i));
        }
        from = i + 1;
      } else {
        from = i + old.length();
      }
    }
    return from <= s.length() ? out.append(s.substring(from)).toString() : out.toString();
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    boolean prevCased = false;
    for (char c : s.toCharArray()) {
      out.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      prevCased = Character.isLetter(c);
    }
    return out.toString();
  }

  private static Object strip(String s, List<Object> a, boolean left, boolean right) {
    Object chars = a.isEmpty() ? null : a.get(0);
    int start = 0;
    int end = s.length();
    while (left && start < end && stripped(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && stripped(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean stripped(char c, Object chars) {
    return chars == null ? PythonText.isSpace(c) : string(chars).indexOf(c) >= 0;
  }

  private static Object split(String s, List<Object> a) {
    Object sep = a.isEmpty() ? null : a.get(0);
    long max = a.size() > 1 ? Arith.asLong(a.get(1)) : -1;
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && PythonText.isSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return out;
        }
        if (max >= 0 && out.size() >= max) {
          int end = n;
          while (end > i && PythonText.isSpace(s.charAt(end - 1))) {
            end--;
          }
          out.add(s.substring(i, end));
          return out;
        }
        int j = i;
        while (j < n && !PythonText.isSpace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    String separator = string(sep);
    if (separator.isEmpty()) {
      throw new PythonError("ValueError", "empty separator");
    }
    int from = 0;
    for (int i = s.indexOf(separator); i >= 0 && (max < 0 || out.size() < max);
        i = s.indexOf(separator, from)) {
      out.add(s.substring(from, i));
      from = i + separator.length();
    }
    out.add(s.substring(from));
    return out;
  }
}
