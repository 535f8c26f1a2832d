package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The fields the API server refuses to update: {@code kubectl apply}, Argo CD or Flux fail on such
 * a change until the object is deleted and created again. Kept by hand, from each kind's update
 * validation in the Kubernetes sources (named on every row), and checked against every release
 * kube-generate supports ({@link #CHECKED_THROUGH}); a new release reviews the rows.
 *
 * <p>A row is a field, or a subtree but some of its fields, of one kind; a change is flagged when
 * its JSON pointer falls on or under a row's field (or over it, when the field's value differs).
 * Rules that depend on feature gates off by default are left out; rules that let a field change in
 * a rare state (a suspended Job never started) are kept: the report errs on the side of warning.
 */
public final class ImmutableFields {

  /** The newest release whose validation the rows were checked against. */
  public static final String CHECKED_THROUGH = "1.36";

  private static final String CORE = "";

  private static final List<Row> ROWS =
      List.of(
          // pkg/registry/apps/deployment/strategy.go, ValidateUpdate: the selector of every
          // version but extensions/v1beta1 is immutable
          field("apps", "Deployment", "/spec/selector"),
          // pkg/registry/apps/replicaset/strategy.go, ValidateUpdate: likewise
          field("apps", "ReplicaSet", "/spec/selector"),
          // pkg/registry/apps/daemonset/strategy.go, ValidateUpdate: likewise
          field("apps", "DaemonSet", "/spec/selector"),
          // pkg/apis/apps/validation/validation.go, ValidateStatefulSetUpdate: "updates to
          // statefulset spec for fields other than 'replicas', 'ordinals', 'template',
          // 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and
          // 'minReadySeconds' are forbidden"
          allBut(
              "apps",
              "StatefulSet",
              "/spec",
              "/spec/replicas",
              "/spec/ordinals",
              "/spec/template",
              "/spec/updateStrategy",
              "/spec/revisionHistoryLimit",
              "/spec/persistentVolumeClaimRetentionPolicy",
              "/spec/minReadySeconds"),
          // pkg/apis/batch/validation/validation.go, ValidateJobSpecUpdate and
          // validatePodTemplateUpdate (the template's scheduling fields may change only while the
          // Job is suspended and has never started) and validateCompletions (an Indexed Job may
          // change completions together with parallelism)
          field("batch", "Job", "/spec/selector"),
          field("batch", "Job", "/spec/template"),
          when(
              field("batch", "Job", "/spec/completions"),
              (before, after) -> !"Indexed".equals(at(after, "/spec/completionMode"))),
          field("batch", "Job", "/spec/completionMode"),
          field("batch", "Job", "/spec/podFailurePolicy"),
          field("batch", "Job", "/spec/backoffLimitPerIndex"),
          field("batch", "Job", "/spec/managedBy"),
          field("batch", "Job", "/spec/successPolicy"),
          // pkg/apis/core/validation/validation.go, ValidatePodUpdate: "pod updates may not change
          // fields other than spec.containers[*].image, spec.initContainers[*].image,
          // spec.activeDeadlineSeconds, spec.tolerations (only additions to existing
          // tolerations), spec.terminationGracePeriodSeconds", and scheduling gates may be removed
          allBut(
              CORE,
              "Pod",
              "/spec",
              "/spec/containers/*/image",
              "/spec/initContainers/*/image",
              "/spec/activeDeadlineSeconds",
              "/spec/tolerations",
              "/spec/terminationGracePeriodSeconds",
              "/spec/schedulingGates"),
          // pkg/apis/core/validation/validation.go, ValidateServiceUpdate: the cluster IP and the
          // primary cluster IP and IP family stay (a secondary may be added or removed), unless
          // the type changes to or from ExternalName; a cluster IP left out keeps the allocated
          // one
          when(
              field(CORE, "Service", "/spec/clusterIP"),
              (before, after) ->
                  at(after, "/spec/clusterIP") != null && setWithoutExternalName(before, after)),
          when(
              field(CORE, "Service", "/spec/clusterIPs/0"),
              (before, after) ->
                  at(after, "/spec/clusterIPs/0") != null && setWithoutExternalName(before, after)),
          when(
              field(CORE, "Service", "/spec/ipFamilies/0"),
              (before, after) ->
                  at(before, "/spec/ipFamilies/0") != null
                      && setWithoutExternalName(before, after)),
          // ValidateServiceUpdate (validateLoadBalancerClassField): set once on a LoadBalancer
          when(
              field(CORE, "Service", "/spec/loadBalancerClass"),
              (before, after) ->
                  "LoadBalancer".equals(at(before, "/spec/type"))
                      && "LoadBalancer".equals(at(after, "/spec/type"))),
          // pkg/apis/core/validation/validation.go, ValidateConfigMapUpdate: "field is immutable
          // when `immutable` is set"
          when(field(CORE, "ConfigMap", "/data"), ImmutableFields::wasImmutable),
          when(field(CORE, "ConfigMap", "/binaryData"), ImmutableFields::wasImmutable),
          when(field(CORE, "ConfigMap", "/immutable"), ImmutableFields::wasImmutable),
          // pkg/apis/core/validation/validation.go, ValidateSecretUpdate: the type always; the data
          // (stringData is written into it) and the flag once `immutable` is set
          defaulted(field(CORE, "Secret", "/type"), "Opaque"),
          when(field(CORE, "Secret", "/data"), ImmutableFields::wasImmutable),
          when(field(CORE, "Secret", "/stringData"), ImmutableFields::wasImmutable),
          when(field(CORE, "Secret", "/immutable"), ImmutableFields::wasImmutable),
          // pkg/apis/core/validation/validation.go, ValidatePersistentVolumeClaimUpdate: "spec is
          // immutable after creation except resources.requests and volumeAttributesClassName for
          // bound claims", and a requested size may not shrink
          allBut(
              CORE,
              "PersistentVolumeClaim",
              "/spec",
              "/spec/resources/requests",
              "/spec/volumeAttributesClassName"),
          when(
              field(CORE, "PersistentVolumeClaim", "/spec/resources/requests/storage"),
              ImmutableFields::shrinks),
          // pkg/apis/rbac/validation/validation.go, ValidateRoleBindingUpdate and
          // ValidateClusterRoleBindingUpdate: "cannot change roleRef"
          field("rbac.authorization.k8s.io", "RoleBinding", "/roleRef"),
          field("rbac.authorization.k8s.io", "ClusterRoleBinding", "/roleRef"),
          // pkg/apis/storage/validation/validation.go, ValidateStorageClassUpdate: "updates to
          // parameters/provisioner/reclaimPolicy are forbidden", volumeBindingMode immutable
          field("storage.k8s.io", "StorageClass", "/provisioner"),
          field("storage.k8s.io", "StorageClass", "/parameters"),
          defaulted(field("storage.k8s.io", "StorageClass", "/reclaimPolicy"), "Delete"),
          defaulted(field("storage.k8s.io", "StorageClass", "/volumeBindingMode"), "Immediate"),
          // pkg/apis/scheduling/validation/validation.go, ValidatePriorityClassUpdate: value and
          // preemptionPolicy may not change
          field("scheduling.k8s.io", "PriorityClass", "/value"),
          defaulted(
              field("scheduling.k8s.io", "PriorityClass", "/preemptionPolicy"),
              "PreemptLowerPriority"),
          // pkg/apis/networking/validation/validation.go, ValidateIngressClassUpdate
          field("networking.k8s.io", "IngressClass", "/spec/controller"),
          // pkg/apis/discovery/validation/validation.go, ValidateEndpointSliceUpdate
          field("discovery.k8s.io", "EndpointSlice", "/addressType"));

  private ImmutableFields() {}

  /**
   * The changed fields among {@code changed} that the API server refuses to update.
   *
   * @param group the object's API group, empty for the core group
   * @param changed JSON pointers of the changed fields, as the object comparison gives them
   * @param before the object as applied before
   * @param after the object as it would be applied now
   */
  public static List<String> of(
      String group,
      String kind,
      List<String> changed,
      Map<String, Object> before,
      Map<String, Object> after) {
    List<String> out = new ArrayList<>();
    for (String pointer : changed) {
      for (Row row : ROWS) {
        if (row.group.equals(group) && row.kind.equals(kind) && row.flags(pointer, before, after)) {
          out.add(pointer);
          break;
        }
      }
    }
    return out;
  }

  /**
   * One rule of the table.
   *
   * @param field the field's pointer; {@code *} stands for any list index
   * @param except fields under {@code field} that may change
   * @param applies whether the rule holds for this pair of objects
   * @param absent what an absent value means (the API server's default), or null
   */
  private record Row(
      String group,
      String kind,
      String field,
      List<String> except,
      BiPredicate<Map<String, Object>, Map<String, Object>> applies,
      Object absent) {

    boolean flags(String pointer, Map<String, Object> before, Map<String, Object> after) {
      if (!applies.test(before, after)) {
        return false;
      }
      if (JsonPointer.under(pointer, field)) {
        return except.stream().noneMatch(e -> JsonPointer.under(pointer, e));
      }
      // a whole parent added, removed or replaced: the field changed if its value did
      return JsonPointer.under(field, pointer) && !field.contains("*") && differs(before, after);
    }

    private boolean differs(Map<String, Object> before, Map<String, Object> after) {
      Object a = at(before, field);
      Object b = at(after, field);
      return !Objects.equals(a == null ? absent : a, b == null ? absent : b);
    }
  }

  private static Row field(String group, String kind, String field) {
    return new Row(group, kind, field, List.of(), (a, b) -> true, null);
  }

  private static Row allBut(String group, String kind, String field, String... except) {
    return new Row(group, kind, field, List.of(except), (a, b) -> true, null);
  }

  private static Row when(Row row, BiPredicate<Map<String, Object>, Map<String, Object>> applies) {
    return new Row(row.group, row.kind, row.field, row.except, applies, row.absent);
  }

  /** A field whose absence means {@code absent}: only a change of the effective value counts. */
  private static Row defaulted(Row row, Object absent) {
    return new Row(
        row.group,
        row.kind,
        row.field,
        row.except,
        (before, after) -> {
          Object a = at(before, row.field);
          Object b = at(after, row.field);
          return !Objects.equals(a == null ? absent : a, b == null ? absent : b);
        },
        absent);
  }

  private static boolean wasImmutable(Map<String, Object> before, Map<String, Object> after) {
    return Boolean.TRUE.equals(at(before, "/immutable"));
  }

  private static boolean setWithoutExternalName(
      Map<String, Object> before, Map<String, Object> after) {
    return !"ExternalName".equals(at(before, "/spec/type"))
        && !"ExternalName".equals(at(after, "/spec/type"));
  }

  private static boolean shrinks(Map<String, Object> before, Map<String, Object> after) {
    var was = Quantity.value(at(before, "/spec/resources/requests/storage"));
    var now = Quantity.value(at(after, "/spec/resources/requests/storage"));
    return was.isPresent() && now.isPresent() && now.get().compareTo(was.get()) < 0;
  }

  /** The value at a JSON pointer without {@code *}, or null. */
  static Object at(Map<String, Object> object, String pointer) {
    Object at = object;
    for (String token : JsonPointer.tokens(pointer)) {
      if (at instanceof Map<?, ?> m) {
        at = m.get(token);
      } else if (at instanceof List<?> l && token.matches("[0-9]{1,9}")) {
        int i = Integer.parseInt(token);
        at = i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
    }
    return at;
  }
}
