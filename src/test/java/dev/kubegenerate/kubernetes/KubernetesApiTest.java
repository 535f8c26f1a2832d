package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesApiTest {

  /** The types template parameters declare with {@code kubernetesType:} (templates v2). */
  static final List<String> PARAMETER_TYPES =
      List.of(
          "io.k8s.api.core.v1.ResourceRequirements",
          "io.k8s.api.core.v1.Probe",
          "io.k8s.api.core.v1.Volume",
          "io.k8s.api.core.v1.VolumeMount",
          "io.k8s.api.core.v1.Container",
          "io.k8s.api.core.v1.Toleration",
          "io.k8s.api.core.v1.Affinity",
          "io.k8s.api.core.v1.TopologySpreadConstraint",
          "io.k8s.api.core.v1.SecurityContext",
          "io.k8s.api.core.v1.PodSecurityContext",
          "io.k8s.api.core.v1.EnvFromSource",
          "io.k8s.api.core.v1.EnvVar",
          "io.k8s.api.core.v1.ServicePort",
          "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior",
          "io.k8s.api.autoscaling.v2.MetricSpec",
          "io.k8s.api.networking.v1.IngressTLS",
          "io.k8s.api.networking.v1.IngressRule");

  @Test
  void supported_isEveryReleaseFrom130To136() {
    assertEquals("1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36", KubernetesApi.supportedList());
    assertEquals(KubernetesVersion.of("1.36"), KubernetesApi.newest());
    assertTrue(
        KubernetesApi.source(KubernetesVersion.of("1.32")).startsWith("derived from 1.31"),
        KubernetesApi.source(KubernetesVersion.of("1.32")));
  }

  @Test
  void everySupportedRelease_hasTheParameterTypes() {
    for (KubernetesVersion v : KubernetesApi.supported()) {
      for (String type : PARAMETER_TYPES) {
        assertTrue(KubernetesApi.of(v).hasDefinition(type), v + " lacks " + type);
      }
    }
  }

  @Test
  void release132_servesWhatBothNeighboursServe_exceptWhatTheTableRemovedIn132() {
    KubernetesApi api = KubernetesApi.of(KubernetesVersion.of("1.32"));
    assertTrue(api.serves("apps/v1", "Deployment"));
    // served by 1.31, removed in 1.32 by the lifecycle table
    assertTrue(
        KubernetesApi.of(KubernetesVersion.of("1.31"))
            .serves("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"));
    assertTrue(!api.serves("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"));
  }
}
