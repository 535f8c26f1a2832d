package dev.kubegenerate.objects;

import dev.kubegenerate.kubernetes.ImmutableFields;
import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a change does to the cluster (SPEC §8.4, §8.6): whether a workload's pods are replaced,
 * whether the API server refuses it ({@link ImmutableFields}), whether capacity changes, whether a
 * CronJob's next run differs.
 */
public final class Impact {

  /** The workloads whose pods a changed pod template replaces (a rollout). */
  private static final List<String> ROLLED_OUT = List.of("Deployment", "StatefulSet", "DaemonSet");

  /**
   * Per kind, the fields that set how many pods run or may be down during a rollout: replicas, the
   * rollout's surge and unavailability, an autoscaler's bounds.
   */
  private static final Map<String, List<String>> CAPACITY =
      Map.of(
          "apps/Deployment", List.of("/spec/replicas", "/spec/strategy"),
          "apps/ReplicaSet", List.of("/spec/replicas"),
          "apps/StatefulSet",
              List.of("/spec/replicas", "/spec/updateStrategy/rollingUpdate/maxUnavailable"),
          "apps/DaemonSet", List.of("/spec/updateStrategy/rollingUpdate"),
          "autoscaling/HorizontalPodAutoscaler", List.of("/spec/minReplicas", "/spec/maxReplicas"));

  private Impact() {}

  /** The impact of one object's change. */
  public static ObjectImpact of(ObjectChange change) {
    ObjectId id = change.id();
    ManifestObject object = change.after().or(change::before).orElseThrow();
    List<String> fields = change.fields();
    boolean updated = change.change() == Change.UPDATED;
    boolean apps = id.group().equals("apps");
    boolean restarts =
        updated
            && apps
            && ROLLED_OUT.contains(id.kind())
            && touches(fields, "/spec/template")
            && !"OnDelete".equals(updateStrategy(change.after().orElseThrow()));
    boolean nextRun =
        updated
            && id.group().equals("batch")
            && id.kind().equals("CronJob")
            && touches(fields, "/spec/jobTemplate");
    boolean capacity =
        updated
            && CAPACITY.getOrDefault(id.group() + "/" + id.kind(), List.of()).stream()
                .anyMatch(p -> touches(fields, p));
    List<String> immutable =
        updated
            ? ImmutableFields.of(
                id.group(),
                id.kind(),
                fields,
                change.before().orElseThrow().body(),
                change.after().orElseThrow().body())
            : List.of();
    return new ObjectImpact(
        id.cluster(),
        ManifestPath.of(object.file()),
        id.kind(),
        id.namespace().isEmpty() ? Optional.empty() : Optional.of(id.namespace()),
        id.name(),
        change.change(),
        fields,
        restarts,
        immutable,
        capacity,
        nextRun);
  }

  /** Whether a changed field is {@code pointer}, lies under it, or holds it (a parent replaced). */
  private static boolean touches(List<String> fields, String pointer) {
    return fields.stream()
        .anyMatch(f -> JsonPointer.under(f, pointer) || JsonPointer.under(pointer, f));
  }

  // StatefulSets and DaemonSets with OnDelete replace a pod only when someone deletes it
  private static String updateStrategy(ManifestObject workload) {
    return workload.body().get("spec") instanceof Map<?, ?> spec
            && spec.get("updateStrategy") instanceof Map<?, ?> strategy
            && strategy.get("type") instanceof String type
        ? type
        : "";
  }
}
