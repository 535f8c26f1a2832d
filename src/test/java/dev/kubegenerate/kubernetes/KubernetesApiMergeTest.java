package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strategic-merge metadata of the API, as a patch of a built-in kind needs it. */
class KubernetesApiMergeTest {

  private static final String POD_SPEC = "/spec/template/spec";

  private static FieldMerge byName(String key) {
    return new FieldMerge(Optional.of(key), List.of("merge"), "map", List.of(key));
  }

  @Test
  void merge_listsOfAPodTemplate_inEveryRelease() {
    for (KubernetesVersion v : KubernetesApi.supported()) {
      KubernetesApi api = KubernetesApi.of(v);
      String d = v.toString();
      assertEquals(
          Optional.of(byName("name")),
          api.merge("apps/v1", "Deployment", POD_SPEC + "/containers"),
          d);
      assertEquals(
          Optional.of(
              new FieldMerge(
                  Optional.of("containerPort"),
                  List.of("merge"),
                  "map",
                  List.of("containerPort", "protocol"))),
          api.merge("apps/v1", "Deployment", POD_SPEC + "/containers/*/ports"),
          d);
      assertEquals(
          Optional.of(byName("name")),
          api.merge("apps/v1", "StatefulSet", POD_SPEC + "/containers/0/env"),
          d);
      assertEquals(
          Optional.of(
              new FieldMerge(
                  Optional.of("name"), List.of("merge", "retainKeys"), "map", List.of("name"))),
          api.merge("batch/v1", "Job", POD_SPEC + "/volumes"),
          d);
      assertEquals(
          Optional.of(FieldMerge.NONE),
          api.merge("apps/v1", "Deployment", POD_SPEC + "/tolerations"),
          d);
      assertEquals(
          Optional.of(byName("mountPath")),
          api.merge("apps/v1", "DaemonSet", POD_SPEC + "/initContainers/-/volumeMounts"),
          d);
    }
  }

  @Test
  void merge_objectsWithRetainKeys_scalarsAndUnknownPaths() {
    KubernetesApi api = KubernetesApi.of(KubernetesApi.newest());
    FieldMerge strategy = api.merge("apps/v1", "Deployment", "/spec/strategy").orElseThrow();
    assertTrue(strategy.retainsKeys() && !strategy.merges(), strategy.toString());
    assertEquals(
        Optional.of(FieldMerge.NONE), api.merge("apps/v1", "Deployment", "/spec/replicas"));
    assertEquals(
        Optional.of(FieldMerge.NONE),
        api.merge("apps/v1", "Deployment", "/metadata/labels/app.kubernetes.io~1name"));
    assertEquals(Optional.empty(), api.merge("apps/v1", "Deployment", "/spec/replica"));
    assertEquals(Optional.empty(), api.merge("example.com/v1", "Widget", "/spec/items"));
    assertEquals(
        Optional.of(byName("name")), api.merge("io.k8s.api.core.v1.PodSpec", "containers"));
    assertEquals(
        Optional.of(
            new FieldMerge(
                Optional.of("port"), List.of("merge"), "map", List.of("port", "protocol"))),
        api.merge("v1", "Service", "/spec/ports"));
  }

  @Test
  void definitionsAndKnownKinds() {
    KubernetesApi api = KubernetesApi.of(KubernetesApi.newest());
    assertEquals(
        Optional.of("io.k8s.api.apps.v1.Deployment"), api.definitionOf("apps/v1", "Deployment"));
    assertTrue(api.servesKind("apps", "Deployment"));
    assertTrue(api.servesKind("", "ConfigMap"));
    assertFalse(api.servesKind("apps", "ConfigMap"));
    assertTrue(KubernetesApi.isBuiltInGroup("apps"));
    assertTrue(KubernetesApi.isBuiltInGroup(""));
    assertTrue(KubernetesApi.isBuiltInGroup("networking.k8s.io"));
    assertFalse(KubernetesApi.isBuiltInGroup("cert-manager.io"));
  }
}
