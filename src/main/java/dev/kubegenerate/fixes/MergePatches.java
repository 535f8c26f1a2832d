package dev.kubegenerate.fixes;

import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.objects.ApiMergeKeys;
import dev.kubegenerate.objects.ManifestObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategic merge patch that turns a rendered object into the committed one at some fields:
 * maps down to each field, {@code null} for a removed one; a list merged by key as the items it
 * changes (each with its key), a removed item as {@code $patch: delete}, and when an item is added,
 * every committed item's key in order, so the merge keeps the committed order; any other list
 * whole.
 */
final class MergePatches {

  private MergePatches() {}

  /** The patch for {@code edits}, all of one object. */
  static Map<String, Object> of(List<FieldEdit> edits) {
    Map<String, Object> patch = new LinkedHashMap<>();
    for (FieldEdit e : edits) {
      put(
          patch,
          e.committed().body(),
          e.rendered().body(),
          JsonPointer.tokens(e.pointer()),
          0,
          "",
          e.committed());
    }
    return patch;
  }

  @SuppressWarnings("unchecked")
  private static void put(
      Map<String, Object> patch,
      Object committed,
      Object rendered,
      List<String> tokens,
      int i,
      String pattern,
      ManifestObject object) {
    String key = tokens.get(i);
    Object c = Values.step(committed, key);
    Object r = Values.step(rendered, key);
    String here = pattern + JsonPointer.append("", key);
    Object next = c != null ? c : r;
    if (i == tokens.size() - 1 || !(next instanceof Map || next instanceof List)) {
      patch.put(key, c == null ? null : Values.copy(c)); // null deletes
      return;
    }
    if (next instanceof Map) {
      Object sub = patch.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
      if (sub instanceof Map<?, ?>) {
        put((Map<String, Object>) sub, c, r, tokens, i + 1, here, object);
      }
      return;
    }
    List<String> keys = ApiMergeKeys.NEWEST.of(object.apiVersion(), object.id().kind(), here);
    if (keys.isEmpty() || !(c instanceof List<?>)) {
      patch.put(key, c == null ? null : Values.copy(c)); // replaced whole
      return;
    }
    Object existing = patch.get(key);
    List<Object> items = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    patch.put(key, items);
    String token = tokens.get(i + 1);
    boolean last = i + 1 == tokens.size() - 1;
    Object item = Values.step(c, token);
    Object match = item == null ? null : FileEdits.byKey(r, item, keys);
    Object renderedItem = Values.step(r, token);
    Object renderedMatch = renderedItem == null ? null : FileEdits.byKey(c, renderedItem, keys);
    if (!((List<?>) c).stream().allMatch(x -> x instanceof Map)
        || r instanceof List<?> l && !l.stream().allMatch(x -> x instanceof Map)) {
      patch.put(key, Values.copy(c)); // not a list of objects after all: as committed
    } else if (last && item != null && match == null) {
      everyKey(items, (List<?>) c, keys);
      Object at = FileEdits.byKey(items, item, keys);
      if (at instanceof Map<?, ?>) {
        ((Map<String, Object>) at).putAll((Map<String, Object>) Values.copy(item));
      } else {
        patch.put(key, Values.copy(c)); // an item without its key: the list as committed
      }
    } else if (last && renderedItem != null && renderedMatch == null) {
      Map<String, Object> delete = keyOf((Map<?, ?>) renderedItem, keys);
      delete.put("$patch", "delete");
      items.add(delete);
    } else if (item instanceof Map<?, ?> && match != null && !last) {
      Object at = FileEdits.byKey(items, item, keys);
      if (at == null) {
        at = keyOf((Map<?, ?>) item, keys);
        items.add(at);
      }
      put((Map<String, Object>) at, item, match, tokens, i + 2, here + "/*", object);
    } else {
      patch.put(key, Values.copy(c)); // a reordered list: as committed
    }
  }

  /** Adds each committed item's key, in committed order, to a patch's list that lacks it. */
  private static void everyKey(List<Object> items, List<?> committed, List<String> keys) {
    List<Object> ordered = new ArrayList<>();
    for (Object item : committed) {
      Object at = FileEdits.byKey(items, item, keys);
      ordered.add(at != null ? at : keyOf((Map<?, ?>) item, keys));
    }
    for (Object item : items) {
      if (!ordered.contains(item)) {
        ordered.add(item); // deletions
      }
    }
    items.clear();
    items.addAll(ordered);
  }

  private static Map<String, Object> keyOf(Map<?, ?> item, List<String> keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k, item.get(k)));
    return out;
  }
}
