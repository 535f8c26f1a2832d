package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The organisation's action that users copy (examples/org-action): its example app is clean with
 * its templates, and its action and image stay in step with kube-generate's.
 */
class OrgActionTest {

  private static final Path ORG = Path.of("examples/org-action");

  /**
   * The organisation's worker locks the pods' security contexts: a team's patch that would turn
   * them off is refused at its line, while the example's patch beside them applies.
   */
  @Test
  void lockedSecurityContext_refusesAPatchThatTouchesIt() throws IOException {
    Path repo = Files.createTempDirectory("kube-generate-org");
    try {
      Files.writeString(
          repo.resolve("kube-generate.yaml"),
          """
          app: payments
          clusters: [staging]
          generates:
            - worker:
                name: ledger
                image: ghcr.io/example/payments:3.2.1
                patches:
                  - target: {kind: Deployment}
                    merge: {spec: {template: {spec: {securityContext: {runAsNonRoot: false}}}}}
          """);
      Map<String, String> env =
          Map.of("KUBE_GENERATE_TEMPLATES", ORG.resolve("templates").toAbsolutePath().toString());
      CliRunner.Result r = CliRunner.run(repo, env, "--update");
      assertEquals(2, r.exit());
      assertEquals(
          "kube-generate.yaml:8:11: patch 1 changes"
              + " /spec/template/spec/securityContext/runAsNonRoot of Deployment payments-ledger,"
              + " which template worker locks (/spec/template/spec/securityContext); the platform"
              + " team that owns the template decides it\n",
          r.err());
    } finally {
      try (var files = Files.walk(repo)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void example_isCleanWithTheOrganisationsTemplates_overridingAndAdding() throws IOException {
    Map<String, String> env =
        Map.of("KUBE_GENERATE_TEMPLATES", ORG.resolve("templates").toAbsolutePath().toString());
    CliRunner.Result r = CliRunner.run(ORG.resolve("example"), env, "check", "--format", "json");

    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    Set<String> templates = new TreeSet<>();
    for (JsonNode f : report.get("files")) {
      assertEquals("ok", f.get("status").textValue(), f.toString());
      templates.add(f.get("template").textValue());
    }
    assertEquals(Set.of("namespace", "network-policy", "worker"), templates);
    // the namespace comes from the organisation's template, which replaces the built-in one
    assertTrue(
        Files.readString(ORG.resolve("example/kubernetes/production/namespace.yaml"))
            .contains("example.org/team: payments"));
  }

  @Test
  void example_withoutTheOrganisationsTemplates_cannotBeChecked() {
    CliRunner.Result r = CliRunner.run(ORG.resolve("example"), Map.of(), "check");
    assertEquals(2, r.exit(), r.out());
    // the built-in network-policy stands in for the organisation's, whose parameters it lacks
    assertTrue(r.err().contains("value \"team\" is not a parameter of any template"), r.err());
  }

  @Test
  void actionYml_kubeGeneratesInputsAndOutputs_theOrganisationsImage() throws IOException {
    Map<String, Object> ours = ActionYmlTest.load(Path.of("action.yml"));
    Map<String, Object> org = ActionYmlTest.load(ORG.resolve("action.yml"));
    assertEquals(ours.get("inputs"), org.get("inputs"));
    assertEquals(ours.get("outputs"), org.get("outputs"));
    String image = (String) ActionYmlTest.map(org.get("runs")).get("image");
    assertTrue(
        image.matches("docker://ghcr\\.io/example-org/kube-generate-check:\\d+\\.\\d+\\.\\d+"),
        image);
  }

  @Test
  void dockerfile_buildsOnThisReleasesImage_andPointsKubeGenerateTemplatesAtTheCopiedTemplates()
      throws IOException {
    String ours =
        (String)
            ActionYmlTest.map(ActionYmlTest.load(Path.of("action.yml")).get("runs")).get("image");
    String dockerfile = Files.readString(ORG.resolve("Dockerfile"));
    assertTrue(
        dockerfile.contains(
            "ARG KUBE_GENERATE_IMAGE=" + ours.substring("docker://".length()) + "\n"),
        dockerfile);
    assertTrue(dockerfile.contains("FROM ${KUBE_GENERATE_IMAGE}\n"), dockerfile);
    var copy = java.util.regex.Pattern.compile("(?m)^COPY templates (\\S+)$").matcher(dockerfile);
    assertTrue(copy.find(), dockerfile);
    assertTrue(
        dockerfile.contains("ENV KUBE_GENERATE_TEMPLATES=" + copy.group(1) + "\n"), dockerfile);
  }
}
