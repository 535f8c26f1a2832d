package dev.kubegenerate.importing;

import dev.kubegenerate.kubernetes.FieldMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What separates a rendered object from the original it replaces, as a strategic merge patch that
 * turns the one into the other: a field the original has with another value, or that the render
 * lacks, is set; a field only the render has is removed, unless it is an addition the import keeps
 * (metadata, a value the API server would store anyway, or a template default with {@code
 * --with-defaults}), which is listed instead. Lists merged by key are patched item by item when
 * both have the same items in the same order, and replaced whole otherwise.
 */
final class Residual {

  /** Merge metadata of the object's fields ({@code containers} by {@code name}, ...). */
  @FunctionalInterface
  interface Rules {
    FieldMerge at(String pointer);
  }

  /**
   * @param patch the strategic merge patch from the render to the original; empty when none
   * @param added the pointers only the render has that are kept
   */
  record Result(Map<String, Object> patch, List<String> added) {}

  private final String kind;
  private final Rules rules;
  private final boolean keepDefaults;
  private Map<String, Object> rendered;

  /**
   * @param keepDefaults keep every field a template adds ({@code --with-defaults}), not only
   *     metadata and what the API server would store anyway
   */
  Residual(String kind, Rules rules, boolean keepDefaults) {
    this.kind = kind;
    this.rules = rules;
    this.keepDefaults = keepDefaults;
  }

  Result of(Map<String, Object> rendered, Map<String, Object> original) {
    this.rendered = rendered;
    List<String> added = new ArrayList<>();
    Map<String, Object> patch = mapPatch(rendered, original, "", added);
    return new Result(patch, added);
  }

  private Map<String, Object> mapPatch(
      Map<?, ?> rendered, Map<?, ?> original, String pointer, List<String> added) {
    Map<String, Object> patch = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : original.entrySet()) {
      String key = String.valueOf(e.getKey());
      String field = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
      Object want = e.getValue();
      Object have = rendered.get(key);
      if (want == null) {
        continue;
      }
      if (have == null) {
        patch.put(key, want);
      } else if (!Values.sameValue(have, want)) {
        Object sub = valuePatch(have, want, field, added);
        if (sub != null) {
          patch.put(key, sub);
        }
      } else if (have instanceof Map<?, ?> || have instanceof List<?>) {
        // equal by value: any differences inside are of form only
        continue;
      }
    }
    for (Map.Entry<?, ?> e : rendered.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (original.containsKey(key) && original.get(key) != null) {
        continue;
      }
      String field = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
      if (kept(field, e.getValue())) {
        added.add(field);
      } else {
        patch.put(key, null);
      }
    }
    return patch;
  }

  /** The patch of one differing value, or null when nothing needs patching. */
  private Object valuePatch(Object have, Object want, String field, List<String> added) {
    if (have instanceof Map<?, ?> h && want instanceof Map<?, ?> w) {
      Map<String, Object> sub = mapPatch(h, w, field, added);
      return sub.isEmpty() ? null : sub;
    }
    if (have instanceof List<?> h && want instanceof List<?> w) {
      return listPatch(h, w, field, added);
    }
    return want;
  }

  /**
   * A list merged by key with the same keys in the same order is patched item by item; any other
   * list is replaced, a merged one with the {@code $patch: replace} directive.
   */
  private Object listPatch(List<?> have, List<?> want, String field, List<String> added) {
    FieldMerge merge = rules.at(field);
    if (!merge.merges() || merge.mergeKey().isEmpty()) {
      return want;
    }
    String key = merge.mergeKey().get();
    List<Object> haveKeys = keys(have, key);
    List<Object> wantKeys = keys(want, key);
    if (haveKeys == null || !Objects.equals(haveKeys, wantKeys)) {
      List<Object> replace = new ArrayList<>();
      replace.add(Map.of("$patch", "replace"));
      replace.addAll(want);
      return replace;
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < want.size(); i++) {
      Map<?, ?> h = (Map<?, ?>) have.get(i);
      Map<?, ?> w = (Map<?, ?>) want.get(i);
      Map<String, Object> sub = mapPatch(h, w, field + "/" + i, added);
      if (!sub.isEmpty()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(key, w.get(key));
        item.putAll(sub);
        items.add(item);
      }
    }
    return items.isEmpty() ? null : items;
  }

  private static List<Object> keys(List<?> items, String key) {
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m) || m.get(key) == null) {
        return null;
      }
      out.add(m.get(key));
    }
    return out;
  }

  /** Whether a field only the render has may stay. */
  private boolean kept(String field, Object value) {
    if (ApiDefaults.isDefault(kind, field, value, rendered)) {
      return true;
    }
    // added metadata is allowed: an object's labels and annotations, and its pods' labels (which
    // roll the pods once; the residual says so)
    if (field.matches("/metadata/(labels|annotations)(/.*)?")
        || field.matches(
            "(/spec/template|/spec/jobTemplate/spec/template)/metadata/labels(/.*)?")) {
      return true;
    }
    return keepDefaults;
  }
}
