package dev.kubegenerate.generate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config keys a file's render read, sorted, and the text the marker lists them as. Every app of
 * a monorepo that uses a template reads the same keys in its files: one instance per set of keys is
 * kept for the process, so a thousand apps sort and join them once.
 */
final class ReadSet {

  /** Sets kept; past this a set is made afresh (a template whose reads differ every time). */
  static final int MAX_KEPT = 4096;

  private static final Map<Set<String>, ReadSet> KEPT = new ConcurrentHashMap<>();

  static final ReadSet EMPTY = new ReadSet(Set.of());

  private final Set<String> set;
  private final List<String> names;
  private final String joined;
  private final List<String> configMaps;
  private final int hash;

  private ReadSet(Set<String> set) {
    this.set = set;
    this.names = set.stream().sorted().toList();
    this.joined = String.join(",", names);
    this.configMaps =
        names.stream().filter(n -> n.startsWith(InputsFingerprint.CONFIG_MAP)).toList();
    this.hash = set.hashCode();
  }

  /** The set of {@code names}, shared with every equal set met before. */
  static ReadSet of(Collection<String> names) {
    Set<String> set = names instanceof Set<String> s ? s : new HashSet<>(names);
    ReadSet kept = KEPT.get(set);
    if (kept != null) {
      return kept;
    }
    ReadSet made = new ReadSet(Set.copyOf(set));
    if (KEPT.size() < MAX_KEPT) {
      KEPT.putIfAbsent(made.set, made);
    }
    return made;
  }

  /** The names, sorted. */
  List<String> names() {
    return names;
  }

  /** The names as the marker's {@code reads=} lists them: comma-separated, sorted. */
  String joined() {
    return joined;
  }

  /** The {@code configMap/...} names among them, sorted. */
  List<String> configMaps() {
    return configMaps;
  }

  boolean contains(String name) {
    return set.contains(name);
  }

  int size() {
    return names.size();
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof ReadSet r && r.hash == hash && r.set.equals(set);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
