package dev.kubegenerate.fixes;

import dev.kubegenerate.render.CanonicalYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate written at one level of the config: the value the parameter gets there, and how a
 * person sets it. Maps merge key by key across {@code values}, the entry and an override, so only
 * the changed part of a map is written ({@code resources.requests.cpu: 500m}); a list is written
 * whole, as a list replaces.
 *
 * @param name the parameter
 * @param value its whole new value at that level, for the experiment
 * @param shownKey the key a person sets below the level, e.g. {@code resources.requests.cpu}
 * @param shownValue the value a person writes there
 */
record KeyChange(String name, Object value, String shownKey, Object shownValue) {

  /**
   * @param resolved the parameter's value for the cluster, which the candidate's path leads into
   * @param written what the level itself sets for the parameter, if anything
   */
  static KeyChange of(
      KeyCandidates.Candidate candidate, Object resolved, Optional<Object> written) {
    Object change = minimal(resolved, candidate.path(), 0, candidate.to());
    Object value =
        written.isPresent() && written.get() instanceof Map && change instanceof Map
            ? Values.merged(written.get(), change)
            : change;
    // shown as dotted keys while the change is one key of a map, each key plain and dot-free
    StringBuilder key = new StringBuilder(candidate.name());
    Object shown = change;
    while (shown instanceof Map<?, ?> m
        && m.size() == 1
        && dotFree(String.valueOf(m.keySet().iterator().next()))) {
      Map.Entry<?, ?> only = m.entrySet().iterator().next();
      key.append('.').append(only.getKey());
      shown = only.getValue();
    }
    return new KeyChange(candidate.name(), value, key.toString(), shown);
  }

  /**
   * The least that changes {@code path} of {@code value} to {@code to}: maps down to the change,
   * and from the first list on, the whole list with the change inside it.
   */
  private static Object minimal(Object value, List<Object> path, int i, Object to) {
    if (i == path.size()) {
      return to;
    }
    if (value instanceof Map<?, ?> m) {
      String key = String.valueOf(path.get(i));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(key, minimal(m.get(key), path, i + 1, to));
      return out;
    }
    return whole(value, path, i, to);
  }

  private static Object whole(Object value, List<Object> path, int i, Object to) {
    if (i == path.size()) {
      return to;
    }
    if (value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) Values.copy(m);
      String key = String.valueOf(path.get(i));
      out.put(key, whole(m.get(key), path, i + 1, to));
      return out;
    }
    List<Object> out = new ArrayList<>((List<?>) value);
    int index = (Integer) path.get(i);
    out.set(index, whole(out.get(index), path, i + 1, to));
    return out;
  }

  private static boolean dotFree(String key) {
    return key.indexOf('.') < 0 && CanonicalYaml.isPlainString(key);
  }
}
