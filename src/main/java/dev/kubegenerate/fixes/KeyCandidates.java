package dev.kubegenerate.fixes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The parameters that may have produced an edited value: among the keys the file's render read,
 * those whose value for the entry and cluster holds the rendered value (equal to it, a whole list
 * or map included, or a part of it such as an image's tag, or it a part of theirs), each with the
 * value that would produce the committed one instead. Only a guess: an experiment decides.
 */
final class KeyCandidates {

  /** Candidates tried per edited field. */
  static final int MAX_PER_FIELD = 4;

  /** Values looked at inside one parameter's value. */
  private static final int MAX_LEAVES = 500;

  private KeyCandidates() {}

  /**
   * A parameter and where in its value the edited value comes from.
   *
   * @param name the parameter
   * @param path the keys and indexes below its value to the part that changes, none for the whole
   * @param to the new value of that part
   * @param exact whether that part equals the rendered value (not a part of it)
   */
  record Candidate(String name, List<Object> path, Object to, boolean exact) {}

  /**
   * The likeliest candidates first: an exact value before a part of one, then by how close to the
   * cluster the parameter is set ({@code order}), then by name.
   *
   * @param params the entry's parameters for the cluster
   * @param reads the keys the file's render read
   * @param order the level each parameter is set at, lower first; absent for a template default
   */
  static List<Candidate> of(
      Object from,
      Object to,
      Map<String, Object> params,
      List<String> reads,
      Map<String, Integer> order) {
    List<Candidate> out = new ArrayList<>();
    for (String name : reads) {
      if (!params.containsKey(name) || params.get(name) == null) {
        continue;
      }
      int[] budget = {MAX_LEAVES};
      walk(name, params.get(name), new ArrayList<>(), from, to, out, budget);
    }
    out.sort(
        Comparator.comparing((Candidate c) -> !c.exact())
            .thenComparing(c -> order.getOrDefault(c.name(), 9))
            .thenComparing(Candidate::name));
    return out.size() > MAX_PER_FIELD ? List.copyOf(out.subList(0, MAX_PER_FIELD)) : out;
  }

  private static void walk(
      String name,
      Object value,
      List<Object> path,
      Object from,
      Object to,
      List<Candidate> out,
      int[] budget) {
    if (--budget[0] < 0 || path.size() > 8) {
      return;
    }
    if ((value instanceof Map || value instanceof List) && Values.same(value, from)) {
      // a whole list or map passed through, such as a command
      out.add(new Candidate(name, List.copyOf(path), to, true));
      return;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        path.add(String.valueOf(e.getKey()));
        walk(name, e.getValue(), path, from, to, out, budget);
        path.remove(path.size() - 1);
      }
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        path.add(i);
        walk(name, l.get(i), path, from, to, out, budget);
        path.remove(path.size() - 1);
      }
    } else if (value != null) {
      Object changed = changed(value, from, to);
      if (changed != null) {
        out.add(new Candidate(name, List.copyOf(path), changed, text(value).equals(text(from))));
      }
    }
  }

  /**
   * What a part of a parameter becomes when the value rendered from it goes from {@code from} to
   * {@code to}; null when the part does not hold the rendered value nor it the part.
   */
  static Object changed(Object part, Object from, Object to) {
    if (from instanceof Map || from instanceof List || to instanceof Map || to instanceof List) {
      return null; // a part of a whole value: only the whole value, above, matches it
    }
    String p = text(part);
    String f = text(from);
    String t = text(to);
    if (p.equals(f)) {
      return part instanceof String ? t : to;
    }
    if (!(part instanceof String) || !(from instanceof String) || !(to instanceof String)) {
      return null;
    }
    int at = f.indexOf(p);
    if (p.length() >= 2 && at >= 0 && f.indexOf(p, at + 1) < 0) {
      // the part is inside the value (an image's tag in the image): the rest must stay
      String prefix = f.substring(0, at);
      String suffix = f.substring(at + p.length());
      if (t.length() > prefix.length() + suffix.length()
          && t.startsWith(prefix)
          && t.endsWith(suffix)) {
        return t.substring(prefix.length(), t.length() - suffix.length());
      }
      return null;
    }
    at = p.indexOf(f);
    if (f.length() >= 2 && at >= 0 && p.indexOf(f, at + 1) < 0) {
      // the value is inside the part (a version label taken from the image)
      return p.substring(0, at) + t + p.substring(at + f.length());
    }
    return null;
  }

  private static String text(Object v) {
    return v instanceof String s ? s : Values.canonical(v);
  }
}
