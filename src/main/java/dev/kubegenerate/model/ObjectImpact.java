package dev.kubegenerate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a change does to one Kubernetes object (SPEC §8.4): created, updated (which fields)
 * or deleted, and what follows from it.
 *
 * @param cluster the cluster folder, empty when the file belongs to none
 * @param file the file that holds the object after the change (before it, when deleted)
 * @param kind e.g. {@code Deployment}
 * @param namespace {@code metadata.namespace}, empty when absent
 * @param name {@code metadata.name}
 * @param change created, updated or deleted
 * @param fields JSON pointers of the changed fields, list indexes those of the new object (of the
 *     old one for a removed item); empty for a created or deleted object
 * @param restarts whether the pods of a workload are replaced (its pod template changed)
 * @param immutable the changed fields the API server refuses to update
 * @param capacity whether the number of pods or a rollout's surge or unavailability changes
 * @param nextRun whether a CronJob's next run uses a changed job template
 */
public record ObjectImpact(
    String cluster,
    ManifestPath file,
    String kind,
    Optional<String> namespace,
    String name,
    Change change,
    List<String> fields,
    boolean restarts,
    List<String> immutable,
    boolean capacity,
    boolean nextRun) {

  public ObjectImpact {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(change, "change");
    fields = List.copyOf(fields);
    immutable = List.copyOf(immutable);
  }

  /** What happens to an object. */
  public enum Change {
    CREATED,
    UPDATED,
    DELETED;

    /** {@code created}, {@code updated} or {@code deleted}, as the reports write it. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code namespace/name}, or the name alone. */
  public String qualifiedName() {
    return namespace.map(n -> n + "/" + name).orElse(name);
  }
}
