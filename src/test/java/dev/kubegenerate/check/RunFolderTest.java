package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.render.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a monorepo a developer runs the tool in the app's folder and the required check runs at the
 * root with {@code --all}: both write and expect the same bytes, so neither finds the other's files
 * {@code stale}.
 */
class RunFolderTest {

  @TempDir Path repo;

  private void writeMonorepo() throws IOException {
    Path shop = Files.createDirectories(repo.resolve("apps/shop"));
    Files.writeString(
        shop.resolve("kube-generate.yaml"),
        """
        app: shop
        clusters: [qa, production]
        generates:
          - worker: {name: jobs, image: example/jobs:1, overrides: {production: {replicas: 3}}}
        """);
    // manifests outside the app's folder, still inside the repository
    Path billing = Files.createDirectories(repo.resolve("apps/billing"));
    Files.writeString(
        billing.resolve("kube-generate.yaml"),
        """
        app: billing
        clusters: [qa]
        outputDir: ../../deploy/billing
        generates:
          - namespace: {}
        """);
  }

  @Test
  void updateInTheAppsFolder_thenTheCheckAtTheRoot_isClean_andTheOtherWayRound() throws Exception {
    writeMonorepo();
    assertEquals(0, CliRunner.run(repo, "-C", "apps/shop", "--update").exit());
    CliRunner.Result atRoot = CliRunner.run(repo, "--all", "check");
    assertEquals(1, atRoot.exit(), "billing is not written yet: " + atRoot.out());
    assertTrue(!atRoot.out().contains("apps/shop/kubernetes"), atRoot.out());

    Map<String, String> fromAppFolder = manifests();
    assertEquals(0, CliRunner.run(repo, "--all", "--update").exit());
    Map<String, String> fromRoot = manifests();
    assertEquals(fromAppFolder, subMap(fromRoot, "apps/shop/"));

    CliRunner.Result inApp = CliRunner.run(repo, "-C", "apps/shop", "check");
    assertEquals(0, inApp.exit(), inApp.out());
    CliRunner.Result all = CliRunner.run(repo, "--all", "check");
    assertEquals(0, all.exit(), all.out());
  }

  /**
   * Releases before per-file inputs fingerprinted the whole config, and before that a file by its
   * path from where the tool ran: at the root, {@code apps/shop/kubernetes/...}. Such a marker
   * stays valid: with the inputs unchanged and a body an earlier release rendered, the file is
   * {@code outdated} (a warning the scheduled update clears), not {@code stale}; with today's body
   * it is up to date.
   */
  @Test
  void aFileFingerprintedByAFormerReleaseAtTheRoot_isOutdated_notStale() throws Exception {
    writeMonorepo();
    assertEquals(0, CliRunner.run(repo, "--all", "--update").exit());
    String path = "apps/shop/kubernetes/production/deployment-jobs.yaml";
    Path file = repo.resolve(path);
    List<String> wholeConfig =
        Renders.wholeConfigInputs(repo, "apps/shop/kube-generate.yaml", 0, "production", path);
    String former = wholeConfig.get(1);
    assertTrue(!former.equals(wholeConfig.get(0)), "the former fingerprint differs in a subfolder");
    String body = Marker.body(Files.readString(file));
    // as an earlier release rendered it: one label more
    String older =
        body.replace(
            "\n    app.kubernetes.io/managed-by: kube-generate\n",
            "\n    app.kubernetes.io/managed-by: kube-generate\n    old: label\n");
    assertTrue(!older.equals(body));
    Files.writeString(file, Marker.wrap("kube-generate.yaml", "worker", older, former));

    CliRunner.Result r = CliRunner.run(repo, "--all", "check");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains(path) && r.out().contains("outdated"), r.out());

    // any other fingerprint is a change of the repository's inputs
    Files.writeString(file, Marker.wrap("kube-generate.yaml", "worker", older, "0".repeat(64)));
    CliRunner.Result changed = CliRunner.run(repo, "--all", "check");
    assertEquals(1, changed.exit(), changed.out());
    assertTrue(changed.out().contains("stale"), changed.out());

    // today's body under the former marker: up to date, and --update writes today's marker once
    Files.writeString(file, Marker.wrap("kube-generate.yaml", "worker", body, former));
    CliRunner.Result same = CliRunner.run(repo, "--all", "check");
    assertEquals(0, same.exit(), same.out());
    assertTrue(same.out().contains("all up to date"), same.out());
    CliRunner.Result update = CliRunner.run(repo, "--all", "--update");
    assertEquals(0, update.exit(), update.out());
    assertTrue(update.out().contains(path), update.out());
    assertTrue(
        Files.readString(file).lines().skip(1).findFirst().orElseThrow().contains(" reads="));
    CliRunner.Result again = CliRunner.run(repo, "--all", "--update");
    assertTrue(!again.out().contains(path), again.out());
  }

  private Map<String, String> manifests() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        if (!f.getFileName().toString().equals("kube-generate.yaml")) {
          out.put(repo.relativize(f).toString().replace('\\', '/'), Files.readString(f));
        }
      }
    }
    return out;
  }

  private static Map<String, String> subMap(Map<String, String> all, String prefix) {
    Map<String, String> out = new TreeMap<>();
    all.forEach(
        (path, text) -> {
          if (path.startsWith(prefix)) {
            out.put(path, text);
          }
        });
    return out;
  }
}
