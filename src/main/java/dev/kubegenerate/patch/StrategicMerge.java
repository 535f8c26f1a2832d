package dev.kubegenerate.patch;

import dev.kubegenerate.kubernetes.FieldMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strategic merge patch, as the API server, {@code kubectl patch} and kustomize apply one: maps
 * merge key by key and {@code null} deletes; a list whose field has a patch merge key (containers
 * by {@code name}, ports by {@code containerPort}, volumes by {@code name}) merges item by item, an
 * item of the patch merging into the item with the same key or, when there is none, going after the
 * existing ones; any other list is replaced. Directives: {@code $patch: replace} (this map or list
 * is the patch's), {@code $patch: delete} (remove this item, or the whole object), {@code
 * $retainKeys}, {@code $deleteFromPrimitiveList/<field>}; {@code $setElementOrder/<field>} is
 * accepted and ignored. A field whose strategy is {@code retainKeys} (a Deployment's {@code
 * strategy}, a volume) keeps only the keys the patch gives, as {@code kubectl apply} makes it.
 */
public final class StrategicMerge {

  /** The merge metadata of a field, by its pointer from the object's root, {@code *} per item. */
  @FunctionalInterface
  public interface Rules {
    FieldMerge at(String pointer);
  }

  private static final String PATCH = "$patch";

  private final Rules rules;

  public StrategicMerge(Rules rules) {
    this.rules = rules;
  }

  /**
   * {@code object} with {@code patch} merged in; empty when the patch deletes the whole object. The
   * input is not changed.
   */
  public Optional<Object> apply(Object object, Map<?, ?> patch) throws PatchException {
    return Optional.ofNullable(mergeMap(object, patch, ""));
  }

  /** The merged map, or null when the patch deletes it. */
  private Object mergeMap(Object original, Map<?, ?> patch, String pointer) throws PatchException {
    Object directive = patch.get(PATCH);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive)) {
      return strip(patch);
    }
    if (directive != null && !"merge".equals(directive)) {
      throw new PatchException(
          at(pointer) + "unknown $patch \"" + directive + "\"; use merge, replace or delete");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (original instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), Values.copy(v)));
    }
    for (Map.Entry<?, ?> e : patch.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      if (key.startsWith("$")) {
        directive(out, key, value, pointer);
        continue;
      }
      String field = JsonPointer.append(pointer, key);
      if (value == null) {
        out.remove(key);
      } else if (value instanceof Map<?, ?> nested) {
        Object merged = mergeMap(out.get(key), nested, field);
        if (merged == null) {
          out.remove(key);
        } else {
          out.put(key, merged);
        }
      } else if (value instanceof List<?> list) {
        out.put(key, mergeList(out.get(key), list, field));
      } else {
        out.put(key, value);
      }
    }
    if (patch.get("$retainKeys") instanceof List<?> keep) {
      out.keySet().removeIf(k -> !keep.contains(k));
    }
    return out;
  }

  private static void directive(Map<String, Object> out, String key, Object value, String pointer)
      throws PatchException {
    if (key.equals(PATCH) || key.equals("$retainKeys") || key.startsWith("$setElementOrder/")) {
      return;
    }
    if (key.startsWith("$deleteFromPrimitiveList/") && value instanceof List<?> remove) {
      String field = key.substring("$deleteFromPrimitiveList/".length());
      if (out.get(field) instanceof List<?> list) {
        List<Object> kept = new ArrayList<>(list);
        kept.removeIf(item -> remove.stream().anyMatch(r -> Values.same(r, item)));
        out.put(field, kept);
      }
      return;
    }
    throw new PatchException(at(pointer) + "unknown directive " + key);
  }

  private List<Object> mergeList(Object original, List<?> patch, String field)
      throws PatchException {
    FieldMerge merge = rules.at(field);
    boolean replace =
        patch.stream().anyMatch(i -> i instanceof Map<?, ?> m && "replace".equals(m.get(PATCH)));
    if (replace || !merge.merges() || !(original instanceof List<?> existing)) {
      List<Object> out = new ArrayList<>();
      for (Object item : patch) {
        if (!(item instanceof Map<?, ?> m && m.containsKey(PATCH) && m.size() == 1)) {
          out.add(strip(item));
        }
      }
      return out;
    }
    if (merge.mergeKey().isEmpty()) {
      // a list of values merged as a set (finalizers)
      List<Object> left = new ArrayList<>();
      for (Object item : patch) {
        if (left.stream().noneMatch(o -> Values.same(o, item))) {
          left.add(Values.copy(item));
        }
      }
      List<Object> right = new ArrayList<>();
      for (Object item : existing) {
        if (left.stream().noneMatch(o -> Values.same(o, item))) {
          right.add(Values.copy(item));
        }
      }
      return ordered(left, right, new ArrayList<>(existing), item -> item);
    }
    String key = merge.mergeKey().get();
    List<Object> server = new ArrayList<>();
    existing.forEach(item -> server.add(Values.copy(item)));
    List<Object> left = new ArrayList<>();
    for (Object item : patch) {
      if (!(item instanceof Map<?, ?> p) || !p.containsKey(key)) {
        throw new PatchException(
            at(field)
                + "items of "
                + field
                + " merge by "
                + key
                + ", which each item of the patch must give");
      }
      int match = indexOf(server, key, p.get(key));
      if ("delete".equals(p.get(PATCH))) {
        if (match >= 0) {
          server.remove(match);
        }
        continue;
      }
      left.add(match >= 0 ? mergeMap(server.remove(match), p, field + "/*") : strip(p));
    }
    List<Object> order = new ArrayList<>();
    existing.forEach(item -> order.add(item instanceof Map<?, ?> m ? m.get(key) : null));
    return ordered(left, server, order, item -> item instanceof Map<?, ?> m ? m.get(key) : null);
  }

  private static int indexOf(List<Object> items, String key, Object value) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Map<?, ?> o && Values.same(o.get(key), value)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The order the API machinery gives a merged list: the patch's items in patch order and the items
   * only the original has in their order, merged by where each stood in the original; an item the
   * original did not have goes before the next one it did.
   *
   * @param order the identity of each item of the original, in its order
   */
  private static List<Object> ordered(
      List<Object> patched,
      List<Object> serverOnly,
      List<Object> order,
      java.util.function.Function<Object, Object> identity) {
    List<Object> out = new ArrayList<>(patched.size() + serverOnly.size());
    int i = 0;
    int j = 0;
    while (i < patched.size() || j < serverOnly.size()) {
      if (i >= patched.size()) {
        out.add(serverOnly.get(j++));
      } else if (j >= serverOnly.size()) {
        out.add(patched.get(i++));
      } else {
        int left = position(order, identity.apply(patched.get(i)));
        int right = position(order, identity.apply(serverOnly.get(j)));
        if (left >= 0 && right >= 0 && right < left) {
          out.add(serverOnly.get(j++));
        } else {
          out.add(patched.get(i++));
        }
      }
    }
    return out;
  }

  private static int position(List<Object> order, Object identity) {
    for (int i = 0; i < order.size(); i++) {
      if (Values.same(order.get(i), identity)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of a patch value without its directives. */
  private static Object strip(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!String.valueOf(k).startsWith("$")) {
              out.put(String.valueOf(k), strip(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(strip(v)));
      return out;
    }
    return value;
  }

  private static String at(String pointer) {
    return pointer.isEmpty() ? "" : pointer + ": ";
  }
}
