package dev.kubegenerate.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether patches changed a locked part of an object: the subtrees a lock's pointer names are
 * compared before and after every patch, by effect rather than by the patches' wording, so a patch
 * that writes a locked field's own value again changes nothing, and one that replaces a parent of
 * it changes it. {@code *} in a pointer stands for any one key or list item.
 */
public final class Locks {

  private Locks() {}

  /** The first locked path whose value differs between {@code before} and {@code after}. */
  public static Optional<String> changed(Object before, Object after, String lock)
      throws PatchException {
    return changed(before, after, JsonPointer.parse(lock), 0, new ArrayList<>());
  }

  private static Optional<String> changed(
      Object before, Object after, List<String> tokens, int at, List<String> path) {
    if (at == tokens.size()) {
      return Values.same(before, after)
          ? Optional.empty()
          : Optional.of(firstDifference(before, after, path));
    }
    String token = tokens.get(at);
    Set<String> keys = new LinkedHashSet<>();
    if (token.equals("*")) {
      keys.addAll(children(before));
      keys.addAll(children(after));
    } else {
      keys.add(token);
    }
    for (String key : keys) {
      path.add(key);
      Optional<String> found = changed(child(before, key), child(after, key), tokens, at + 1, path);
      path.remove(path.size() - 1);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The pointer of the first value that differs below {@code path}, for the message. */
  private static String firstDifference(Object before, Object after, List<String> path) {
    boolean maps = before instanceof Map && after instanceof Map;
    boolean lists =
        before instanceof List<?> b && after instanceof List<?> a && a.size() == b.size();
    if (maps || lists) {
      Set<String> keys = new LinkedHashSet<>(children(before));
      keys.addAll(children(after));
      for (String key : keys) {
        Object b = child(before, key);
        Object a = child(after, key);
        if (!Values.same(b, a)) {
          List<String> deeper = new ArrayList<>(path);
          deeper.add(key);
          return firstDifference(b, a, deeper);
        }
      }
    }
    return JsonPointer.format(path);
  }

  private static List<String> children(Object node) {
    List<String> out = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> out.add(String.valueOf(k)));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(Integer.toString(i));
      }
    }
    return out;
  }

  private static Object child(Object node, String key) {
    if (node instanceof Map<?, ?> map) {
      return map.get(key);
    }
    if (node instanceof List<?> list && key.matches("[0-9]{1,9}")) {
      int i = Integer.parseInt(key);
      return i < list.size() ? list.get(i) : null;
    }
    return null;
  }
}
