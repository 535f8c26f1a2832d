package dev.kubegenerate.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings that prevent outages (SPEC §8.6), at {@code --update} and in the check, each with
 * the config line that fixes it; HPA bounds the API server refuses are {@code invalid}.
 */
class OutageWarningsTest {

  private static final String CONFIG =
      """
      app: shop
      clusters: [qa]
      generates:
        - web:
            name: api
            image: ghcr.io/example/shop:1.0.0
            replicas: 2
            preStopSleep: 30
            disruptionBudget: false
        - pod-disruption-budget:
            name: api
            minAvailable: 2
        - autoscale:
            name: web
            image: ghcr.io/example/shop:1.0.0
            replicas: 3
        - pod-disruption-budget:
            name: web
            minAvailable: 2
      """;

  @TempDir Path repo;

  @Test
  void update_warnsWithTheConfigLine_andTheCheckReportsTheRules() throws Exception {
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        CONFIG.replace(
            "      replicas: 3\n", "      replicas: 3\n      disruptionBudget: false\n"));
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    List<String> warnings = update.err().lines().toList();
    assertEquals(2, warnings.size(), update.err());
    assertTrue(
        warnings.get(0).startsWith("kubernetes/qa/deployment-api.yaml:")
            && warnings.get(0).contains(": warning: the preStop hook sleeps 30 s")
            && warnings.get(0).endsWith("(kube-generate.yaml line 8) (prestop-grace)"),
        warnings.get(0));
    // the web Deployment's 2 pods under minAvailable 2; the autoscaled one runs at least 3
    assertTrue(
        warnings.get(1).startsWith("kubernetes/qa/pod-disruption-budget-api.yaml:13: warning:")
            && warnings.get(1).contains("(minAvailable: 2) allows no pod to be evicted at the 2")
            && warnings.get(1).endsWith("(kube-generate.yaml line 12) (pdb-blocks-drain)"),
        warnings.get(1));

    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out()); // warnings by default
    assertTrue(check.out().contains("1 prestop-grace, 1 pdb-blocks-drain"), check.out());
    assertEquals(1, CliRunner.run(repo, "check", "--fail-on", "pdb-blocks-drain").exit());
    assertEquals(1, CliRunner.run(repo, "check", "--fail-on", "prestop-grace").exit());
  }

  @Test
  void aBudgetOverAnAutoscaledApp_countsTheAutoscalersMinimum() throws Exception {
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        CONFIG.replace(
            "      replicas: 3\n", "      replicas: 2\n      disruptionBudget: false\n"));
    CliRunner.Result update = CliRunner.run(repo, "--update");
    // the Deployment leaves its count to the autoscaler, which runs at least replicas: 2
    assertTrue(
        update.err().contains("pod-disruption-budget-web.yaml:13: warning:")
            && update.err().contains("Deployment shop-web runs 2"),
        update.err());
  }

  @Test
  void autoscalerBoundsTheApiServerRefuses_areInvalid_andNothingIsWritten() throws Exception {
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        CONFIG.replace("      replicas: 3\n", "      replicas: 3\n      maxReplicas: 2\n"));
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(2, update.exit());
    assertTrue(update.err().contains("minReplicas (3) is above maxReplicas (2)"), update.err());
    assertTrue(!Files.exists(repo.resolve("kubernetes")));
  }
}
