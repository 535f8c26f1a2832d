package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alias bombs wherever a pull request can commit YAML: a few hundred bytes of nested aliases name
 * millions of values. Each gets a verdict with a located message within seconds: exit 1 with a
 * finding on its line, or exit 2 with one located error.
 */
class BoundsAliasTest {

  @TempDir Path root;

  private static final Duration IN_TIME = Duration.ofSeconds(10);

  /** {@code levels} anchors, each a mapping of {@code width} aliases of the one before. */
  private static String dag(String indent, int levels, int width, String bottom, String under) {
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

  private static final String CRD_HEAD =
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
                type: object
                properties:
      """;

  private HostileRepo repo(String extra) throws Exception {
    HostileRepo repo = new HostileRepo(root);
    repo.write(
        "kube-generate.yaml",
        "app: shop\nkubernetesVersion: \"1.34\"\nclusters: [qa]\n"
            + extra
            + "handwritten: [kubernetes/qa/*.yaml]\ngenerates: []\n");
    return repo;
  }

  private CliRunner.Result check() {
    return assertTimeoutPreemptively(IN_TIME, () -> CliRunner.run(root, "check"));
  }

  private static void assertFinding(CliRunner.Result r, String expected) {
    assertAll(
        () -> assertEquals(1, r.exit(), r.out() + r.err()),
        () ->
            assertTrue(
                Pattern.compile(expected, Pattern.MULTILINE).matcher(r.out()).find(),
                expected + " in\n" + r.out()));
  }

  @Test
  void committedManifest_twoAliasesPerLevel_findingOnItsLine() throws Exception {
    repo("")
        .write(
            "kubernetes/qa/config.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n"
                + dag("  ", 25, 2, "text", ""));
    assertFinding(
        check(),
        "^kubernetes/qa/config.yaml:6: invalid: data.p1: expected a string, got an object");
  }

  @Test
  void committedManifest_threeAliasesPerLevel_keyWrittenTwice() throws Exception {
    repo("")
        .write(
            "kubernetes/qa/config.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData:\n"
                + dag("  ", 16, 3, "{k: dg==, k: dg==}", ""));
    assertFinding(check(), "^kubernetes/qa/config.yaml:5: invalid: binaryData.p0.k: duplicate key");
  }

  @Test
  void committedCustomResourceDefinition_validSchemaOfAliases_checkedInTime() throws Exception {
    repo("")
        .write(
            "kubernetes/qa/crd.yaml",
            CRD_HEAD + dag("            ", 25, 2, "{type: string, minLength: x}", "properties"));
    assertFinding(
        check(),
        "^kubernetes/qa/crd.yaml:16: invalid: spec.versions\\[0].schema.openAPIV3Schema"
            + ".properties.p0.minLength: expected an integer");
  }

  @Test
  void crdInASchemasFolder_aLocatedError() throws Exception {
    HostileRepo repo = repo("schemas: [platform/crds]\n");
    repo.write(
        "platform/crds/x.yaml",
        CRD_HEAD + dag("            ", 25, 2, "{type: string}", "properties"));
    repo.write(
        "kubernetes/qa/x.yaml",
        "apiVersion: example.com/v1\nkind: X\nmetadata: {name: x}\np24: {}\n");
    CliRunner.Result r = check();
    assertAll(
        () -> assertEquals(2, r.exit(), r.out() + r.err()),
        () -> assertEquals(1, r.err().lines().count(), r.err()),
        () ->
            assertTrue(
                r.err().matches("(?s)platform/crds/x.yaml:\\d+:\\d+: .*aliases.*"), r.err()));
  }

  @Test
  void config_aLocatedError() throws Exception {
    HostileRepo repo = new HostileRepo(root);
    repo.write(
        "kube-generate.yaml",
        "app: shop\nclusters: [qa]\nvalues:\n"
            + dag("  ", 25, 2, "text", "")
            + "generates:\n  - config-map: {name: settings, data: *l24}\n");
    CliRunner.Result r = assertTimeoutPreemptively(IN_TIME, () -> CliRunner.run(root, "check"));
    assertAll(
        () -> assertEquals(2, r.exit(), r.out() + r.err()),
        () ->
            assertTrue(
                r.err().lines().allMatch(l -> l.matches("kube-generate.yaml:\\d+:\\d+: .+")),
                r.err()),
        () -> assertTrue(r.err().contains("expands to more than"), r.err()));
  }
}
