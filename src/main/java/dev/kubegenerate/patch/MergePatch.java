package dev.kubegenerate.patch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch: maps merge key by key, null deletes, anything else (lists included)
 * replaces. What a strategic merge patch does to a custom resource, whose fields carry no merge
 * metadata, as {@code kubectl patch --type merge} and kustomize do.
 */
public final class MergePatch {

  private MergePatch() {}

  /** {@code target} with {@code patch} merged in; neither input is changed. */
  public static Object apply(Object target, Object patch) {
    if (!(patch instanceof Map<?, ?> changes)) {
      return Values.copy(patch);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (target instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), Values.copy(v)));
    }
    for (Map.Entry<?, ?> e : changes.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() == null) {
        out.remove(key);
      } else {
        out.put(key, apply(out.get(key), e.getValue()));
      }
    }
    return out;
  }
}
