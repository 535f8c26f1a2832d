package dev.kubegenerate.patch;

import java.util.List;
import java.util.Map;

/**
 * RFC 6902 JSON Patch on a document read as Java values (maps, lists, strings, numbers, booleans,
 * null): {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code test},
 * applied in order to a copy. An operation that names a missing member, an index out of range or a
 * failing test stops the patch with the operation's index, as the RFC asks.
 */
public final class JsonPatch {

  private JsonPatch() {}

  /**
   * {@code document} with every operation of {@code operations} applied; the input is not changed.
   */
  public static Object apply(Object document, List<?> operations) throws PatchException {
    Object[] root = {Values.copy(document)};
    for (int i = 0; i < operations.size(); i++) {
      if (!(operations.get(i) instanceof Map<?, ?> op)) {
        throw new PatchException(i, "each JSON patch operation is a map with op and path");
      }
      try {
        apply(root, op);
      } catch (PatchException e) {
        throw new PatchException(i, e.getMessage());
      }
    }
    return root[0];
  }

  private static void apply(Object[] root, Map<?, ?> op) throws PatchException {
    String name = text(op, "op");
    List<String> path = JsonPointer.parse(text(op, "path"));
    switch (name) {
      case "add" -> add(root, path, Values.copy(value(op)));
      case "remove" -> remove(root, path);
      case "replace" -> {
        if (path.isEmpty()) {
          root[0] = Values.copy(value(op));
          return;
        }
        get(root[0], path); // must exist
        set(root[0], path, Values.copy(value(op)));
      }
      case "move" -> {
        List<String> from = JsonPointer.parse(text(op, "from"));
        if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
          throw new PatchException("cannot move " + text(op, "from") + " into itself");
        }
        Object moved = get(root[0], from);
        remove(root, from);
        add(root, path, moved);
      }
      case "copy" ->
          add(root, path, Values.copy(get(root[0], JsonPointer.parse(text(op, "from")))));
      case "test" -> {
        Object actual = get(root[0], path);
        if (!Values.same(actual, value(op))) {
          throw new PatchException(
              "test failed: " + text(op, "path") + " is not the value the operation gives");
        }
      }
      default ->
          throw new PatchException(
              "unknown op \"" + name + "\"; use add, remove, replace, move, copy or test");
    }
  }

  private static String text(Map<?, ?> op, String key) throws PatchException {
    if (!(op.get(key) instanceof String s)) {
      throw new PatchException("the operation needs " + key + " (a string)");
    }
    return s;
  }

  private static Object value(Map<?, ?> op) throws PatchException {
    if (!op.containsKey("value")) {
      throw new PatchException("the operation " + op.get("op") + " needs a value");
    }
    return op.get("value");
  }

  /** The value at {@code path}; a missing member or index is an error naming it. */
  static Object get(Object document, List<String> path) throws PatchException {
    Object at = document;
    for (int i = 0; i < path.size(); i++) {
      String token = path.get(i);
      if (at instanceof Map<?, ?> map && map.containsKey(token)) {
        at = map.get(token);
      } else if (at instanceof List<?> list) {
        at = list.get(index(list, token, false, path, i));
      } else {
        throw new PatchException(JsonPointer.format(path.subList(0, i + 1)) + " does not exist");
      }
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  private static void add(Object[] root, List<String> path, Object value) throws PatchException {
    if (path.isEmpty()) {
      root[0] = value;
      return;
    }
    Object parent = get(root[0], path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(last, value);
    } else if (parent instanceof List<?> list) {
      ((List<Object>) list).add(index(list, last, true, path, path.size() - 1), value);
    } else {
      throw new PatchException(
          JsonPointer.format(path.subList(0, path.size() - 1)) + " is not a map or a list");
    }
  }

  /** Replaces an existing value where it stands: a map keeps its keys' order. */
  @SuppressWarnings("unchecked")
  private static void set(Object document, List<String> path, Object value) throws PatchException {
    Object parent = get(document, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(last, value);
    } else if (parent instanceof List<?> list) {
      ((List<Object>) list).set(index(list, last, false, path, path.size() - 1), value);
    }
  }

  private static void remove(Object[] root, List<String> path) throws PatchException {
    if (path.isEmpty()) {
      throw new PatchException("cannot remove the whole object");
    }
    Object parent = get(root[0], path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
      map.remove(last);
    } else if (parent instanceof List<?> list) {
      list.remove(index(list, last, false, path, path.size() - 1));
    } else {
      throw new PatchException(JsonPointer.format(path) + " does not exist");
    }
  }

  /** A list index as RFC 6902 reads it: digits without a leading zero, or {@code -} to append. */
  private static int index(List<?> list, String token, boolean adding, List<String> path, int at)
      throws PatchException {
    if (adding && token.equals("-")) {
      return list.size();
    }
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      throw new PatchException(
          JsonPointer.format(path.subList(0, at + 1)) + ": \"" + token + "\" is not a list index");
    }
    int i = Integer.parseInt(token);
    if (i > list.size() || (!adding && i == list.size())) {
      throw new PatchException(
          JsonPointer.format(path.subList(0, at + 1))
              + " does not exist: the list has "
              + list.size()
              + " items");
    }
    return i;
  }
}
