package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

  private static List<String> check(String version, boolean configured, String text) {
    return new ManifestValidator(
            KubernetesVersion.parse(version).orElseThrow(), configured, CustomResources.NONE)
        .validate(text).stream()
            .map(
                v ->
                    v.rule().id()
                        + " "
                        + v.severity().id()
                        + " "
                        + v.line()
                        + " "
                        + v.path()
                        + ": "
                        + v.message())
            .toList();
  }

  @Test
  void validate_removedApisNameTheReleaseAndTheReplacement() {
    String text =
        """
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 1}
        ---
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        """;
    assertEquals(
        List.of(
            "removed-api error 1 apiVersion: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1",
            "removed-api error 6 apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26; use autoscaling/v2"),
        check("1.34", true, text));
  }

  /**
   * A key written twice: the node tree keeps both, Kubernetes refuses the object. The same key in
   * sibling mappings is fine; {@code 1} and {@code "1"} are one JSON field.
   */
  @Test
  void validate_aKeyWrittenTwiceInOneMapping_isInvalid() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels: {team: x}
          name: b
        data:
          1: one
          "1": uno
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: x}
            - {name: b, image: x, image: z}
        """;
    assertEquals(
        List.of(
            "invalid error 6 metadata.name: duplicate key \"name\" (first on line 4):"
                + " Kubernetes refuses an object with a field written twice",
            "invalid error 9 data.1: duplicate key \"1\" (first on line 8):"
                + " Kubernetes refuses an object with a field written twice",
            "invalid error 17 spec.containers[1].image: duplicate key \"image\" (first on line 17):"
                + " Kubernetes refuses an object with a field written twice"),
        check("1.34", true, text));
  }

  @Test
  void validate_flowSchemaV1beta3_removedIn136_deprecatedIn130() {
    String text =
        """
        apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
        kind: FlowSchema
        metadata: {name: web}
        spec:
          priorityLevelConfiguration: {name: global-default}
        """;
    assertEquals(
        List.of(
            "removed-api error 1 apiVersion: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32;"
                + " use flowcontrol.apiserver.k8s.io/v1"),
        check("1.36", true, text));
    assertEquals(
        List.of(
            "deprecated-api warning 1 apiVersion: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated"
                + " and removed in Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1"),
        check("1.30", true, text));
  }

  @Test
  void validate_alphaKindThatVanishes_fromTheBundledReleasesAlone() {
    // in no lifecycle table: 1.30 serves it, 1.31 does not
    String text =
        "apiVersion: networking.k8s.io/v1alpha1\nkind: ServiceCIDR\nmetadata: {name: c}\nspec: {cidrs: [10.0.0.0/16]}\n";
    assertEquals(
        List.of(
            "deprecated-api warning 1 apiVersion: networking.k8s.io/v1alpha1 ServiceCIDR is removed in Kubernetes 1.31;"
                + " use networking.k8s.io/v1beta1"),
        check("1.30", true, text));
    assertEquals(
        List.of(
            "removed-api error 1 apiVersion: networking.k8s.io/v1alpha1 ServiceCIDR was removed in Kubernetes 1.31;"
                + " use networking.k8s.io/v1"),
        check("1.34", true, text));
    // no bundled release serves it: a removal cannot be told from a misspelling
    assertEquals(
        List.of(
            "invalid error 1 apiVersion: apps/v2 Deployment is not served by Kubernetes 1.34"
                + " nor by any release from 1.30 to 1.36; use apps/v1"),
        check("1.34", true, "apiVersion: apps/v2\nkind: Deployment\n"));
  }

  @Test
  void validate_misspeltKind_isInvalid_withTheNearestKindAndItsApiVersion() {
    assertEquals(
        List.of(
            "invalid error 2 kind: apps/v1 Deploymnet is not a kind Kubernetes 1.36 serves"
                + " (did you mean Deployment (apps/v1)?)"),
        check("1.36", true, "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n"));
    assertEquals(
        List.of(
            "invalid error 2 kind: v1 Servce is not a kind Kubernetes 1.36 serves"
                + " (did you mean Service (v1)?)"),
        check("1.36", false, "apiVersion: v1\nkind: Servce\n"));
    // the kind is right, the group is not
    assertEquals(
        List.of(
            "invalid error 1 apiVersion: apps/v1 Service is not served by Kubernetes 1.36"
                + " nor by any release from 1.30 to 1.36; use v1"),
        check("1.36", true, "apiVersion: apps/v1\nkind: Service\n"));
  }

  @Test
  void validate_apiFirstServedInALaterRelease_isInvalid() {
    assertEquals(
        List.of(
            "invalid error 1 apiVersion: resource.k8s.io/v1 ResourceClaim is not served by"
                + " Kubernetes 1.33 (first served in 1.34); use resource.k8s.io/v1beta2"),
        check(
            "1.33",
            true,
            "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: c}\n"));
  }

  /**
   * The lifecycle table says resource.k8s.io/v1beta1 is removed in 1.36, but 1.36's own API
   * document serves it (Kubernetes' sources plan the removal for 1.38): a warning that claims no
   * removal the data contradicts.
   */
  @Test
  void validate_deprecatedApiTheTableRemovesTooEarly_warnsWithoutTheRemoval() {
    String text =
        "apiVersion: resource.k8s.io/v1beta1\nkind: DeviceClass\nmetadata: {name: c}\nspec: {}\n";
    assertEquals(
        List.of(
            "deprecated-api warning 1 apiVersion: resource.k8s.io/v1beta1 DeviceClass is deprecated;"
                + " use resource.k8s.io/v1"),
        check("1.36", true, text));
    assertEquals(
        List.of(
            "deprecated-api warning 1 apiVersion: resource.k8s.io/v1beta1 DeviceClass is deprecated;"
                + " use resource.k8s.io/v1beta2"),
        check("1.33", true, text));
  }

  @Test
  void validate_unknownFieldsAndWrongTypes_onTheirLines() {
    String text =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replica: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx
                  ports:
                    - containerPort: "8080"
                  resources:
                    requests: {cpu: 1OOm}
                  env:
                    - name: PORT
                      value: 8080
        """;
    assertEquals(
        List.of(
            "invalid error 6 spec.replica: unknown field \"replica\" (did you mean replicas?)",
            "invalid error 17 spec.template.spec.containers[0].ports[0].containerPort: expected an integer, got string \"8080\"",
            "invalid error 19 spec.template.spec.containers[0].resources.requests.cpu: \"1OOm\" is not a quantity (e.g. 100m, 0.5, 256Mi, 1Gi)",
            "invalid error 22 spec.template.spec.containers[0].env[0].value: expected a string, got integer 8080; quote it"),
        check("1.34", true, text));
  }

  @Test
  void validate_requiredFieldsAndIntOrString() {
    String text =
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          maxUnavailable: [1]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - image: nginx
        """;
    assertEquals(
        List.of(
            "invalid error 5 spec.maxUnavailable: expected an integer or a string, got a list",
            "invalid error 12 spec.containers[0]: missing required field \"name\""),
        check("1.34", true, text));
  }

  @Test
  void validate_noVersionConfigured_removedApiIsAWarning() {
    List<String> found =
        check("1.36", false, "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n");
    assertEquals(1, found.size());
    assertEquals(true, found.get(0).startsWith("removed-api warning 1 apiVersion:"), found.get(0));
  }

  /** Checks within seconds, whatever the text: hostile input gets a verdict, never a hang. */
  private static List<String> checkQuickly(String text) {
    return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check("1.34", true, text));
  }

  @Test
  void validate_deepNesting_boundedVerdicts() {
    String flow = "a: " + "[".repeat(200_000);
    assertEquals(
        List.of("invalid error 1 : nested more than 128 levels deep; flatten the structure"),
        checkQuickly(flow));
    StringBuilder block = new StringBuilder("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    for (int i = 1; i < 3000; i++) {
      block.append("  ".repeat(i)).append("a:\n");
    }
    assertEquals(
        List.of("invalid error 131 : nested more than 128 levels deep; flatten the structure"),
        checkQuickly(block.toString()));
  }

  /**
   * {@code levels} anchors, each a mapping of {@code width} aliases of the one before: a few
   * hundred bytes that name width^levels values.
   */
  static String aliasDag(String indent, int levels, int width, String bottom) {
    return aliasDag(indent, levels, width, bottom, "");
  }

  /** As above, each level's mapping under the field {@code under} (none when empty). */
  static String aliasDag(String indent, int levels, int width, String bottom, String under) {
    StringBuilder b = new StringBuilder(indent).append("p0: &l0 ").append(bottom).append('\n');
    for (int i = 1; i < levels; i++) {
      b.append(indent).append('p').append(i).append(": &l").append(i).append(" {");
      b.append(under.isEmpty() ? "" : under + ": {");
      for (int j = 0; j < width; j++) {
        b.append(j == 0 ? "" : ", ").append((char) ('a' + j)).append(": *l").append(i - 1);
      }
      b.append(under.isEmpty() ? "" : "}").append("}\n");
    }
    return b.toString();
  }

  static final String CRD_HEAD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: xs.example.com}
      spec:
        group: example.com
        names: {kind: X, plural: xs}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                properties:
      """;

  /**
   * 25 levels of two aliases (50 aliases, the parser's limit; 2^25 values) in a
   * CustomResourceDefinition, whose schema type nests without end: each aliased schema is checked
   * once, so a valid one is valid at once, and a mistake at the bottom is told once, where it is
   * written.
   */
  @Test
  void validate_aliasDagInACustomResourceDefinition_checkedOnce() {
    String valid = CRD_HEAD + aliasDag("            ", 25, 2, "{type: string}", "properties");
    assertEquals(List.of(), checkQuickly(valid));
    String invalid =
        CRD_HEAD + aliasDag("            ", 25, 2, "{type: string, minLength: x}", "properties");
    assertEquals(
        List.of(
            "invalid error 15 spec.versions[0].schema.openAPIV3Schema.properties.p0.minLength:"
                + " expected an integer, got string \"x\""),
        checkQuickly(invalid));
  }

  @Test
  void validate_aliasDagWithAKeyWrittenTwice_toldOnce() {
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: b}}\nx:\n"
            + aliasDag("  ", 16, 3, "{k: v, k: w}");
    List<String> found = checkQuickly(text);
    assertEquals(
        List.of(
            "invalid error 5 x.p0.k: duplicate key \"k\" (first on line 5):"
                + " Kubernetes refuses an object with a field written twice",
            "invalid error 4 x: unknown field \"x\""),
        found.stream().map(v -> v.replaceAll(" \\(did you mean.*\\)", "")).toList());
  }

  @Test
  void validate_aliasDagInAConfigMap_boundedVerdict() {
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n"
            + aliasDag("  ", 25, 2, "text");
    List<String> found = checkQuickly(text);
    assertEquals(24, found.size(), found.toString());
    assertTrue(
        found.get(0).startsWith("invalid error 6 data.p1: expected a string, got an object"),
        found.get(0));
  }

  @Test
  void validateDefinition_locatesTheValueInItsOwnFile() throws Exception {
    var node =
        dev.kubegenerate.yaml.YamlNodes.compose(
                "resources:\n  request: {cpu: 1}\n", "kube-generate.yaml")
            .orElseThrow();
    var value = ((org.snakeyaml.engine.v2.nodes.MappingNode) node).getValue().get(0).getValueNode();
    List<Violation> found =
        KubernetesApi.of(KubernetesApi.newest())
            .validate("io.k8s.api.core.v1.ResourceRequirements", value, "resources");
    assertEquals(1, found.size());
    Violation v = found.get(0);
    assertEquals(List.of(2, 3, "resources.request"), List.of(v.line(), v.column(), v.path()));
    assertEquals("unknown field \"request\" (did you mean requests?)", v.message());
  }
}
