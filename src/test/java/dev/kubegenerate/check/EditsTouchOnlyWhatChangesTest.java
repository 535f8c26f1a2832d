package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.render.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change to kube-generate.yaml rewrites exactly the files whose content changes (SPEC §8.3): a
 * file's marker covers what its render read, so a change to anything else leaves it byte-identical,
 * and no file is rewritten on its marker line alone.
 */
class EditsTouchOnlyWhatChangesTest {

  /** A small shop: 9 files per cluster, 18 in all. */
  static final String SHOP =
      """
      app: shop
      clusters: [qa, production]
      values:
        image: ghcr.io/example/shop:1.0.0
        labels: {team: shop}
        envFromConfigMaps: [shop-settings]
      generates:
        - namespace: {}
        - config-map:
            name: settings
            data: {TZ: UTC}
        - autoscale:
            name: web
            port: 3000
            overrides:
              production: {replicas: 4}
        - worker:
            name: jobs
            command: [bin/jobs]
        - worker:
            name: mailer
            image: ghcr.io/example/mailer:2.0.0
        - ingress:
            name: web
            host: shop.example.com
      """;

  @TempDir Path repo;

  private Map<String, String> before;

  @BeforeEach
  void generate() throws IOException {
    Files.writeString(repo.resolve("kube-generate.yaml"), SHOP);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    before = manifests();
    assertEquals(18, before.size());
  }

  @Test
  void imageBumpInValues_rewritesOnlyTheFilesThatHoldTheImage() throws IOException {
    Set<String> changed =
        edit("image: ghcr.io/example/shop:1.0.0", "image: ghcr.io/example/shop:1.0.1");
    assertEquals(
        Set.of(
            "kubernetes/qa/deployment-web.yaml",
            "kubernetes/production/deployment-web.yaml",
            "kubernetes/qa/deployment-jobs.yaml",
            "kubernetes/production/deployment-jobs.yaml"),
        changed);
    // the worker with its own image, the HPA, the Service and the rest: untouched
    assertBodiesChanged(changed);
    assertClean();
  }

  @Test
  void overrideOfOneCluster_leavesTheOtherClusterAlone() throws IOException {
    Set<String> changed = edit("production: {replicas: 4}", "production: {replicas: 5}");
    // the Deployment (which leaves the count to the autoscaler) and the budget read replicas
    // too, and stay the same: neither is rewritten on its marker line
    assertEquals(Set.of("kubernetes/production/horizontal-pod-autoscaler-web.yaml"), changed);
    assertBodiesChanged(changed);
    assertClean();
  }

  @Test
  void oneEntrysParameter_touchesOnlyThatEntrysFiles() throws IOException {
    Set<String> changed = edit("command: [bin/jobs]", "command: [bin/jobs, --fast]");
    assertEquals(
        Set.of("kubernetes/qa/deployment-jobs.yaml", "kubernetes/production/deployment-jobs.yaml"),
        changed);
    assertBodiesChanged(changed);
  }

  @Test
  void configMapData_rollsThePodsThatReadIt_andNothingElse() throws IOException {
    Set<String> changed = edit("data: {TZ: UTC}", "data: {TZ: Europe/Berlin}");
    Set<String> expected = new TreeSet<>();
    for (String cluster : Set.of("qa", "production")) {
      expected.add("kubernetes/" + cluster + "/config-map-settings.yaml");
      // their pods carry the ConfigMap's hash
      expected.add("kubernetes/" + cluster + "/deployment-web.yaml");
      expected.add("kubernetes/" + cluster + "/deployment-jobs.yaml");
      expected.add("kubernetes/" + cluster + "/deployment-mailer.yaml");
    }
    assertEquals(expected, changed);
    assertBodiesChanged(changed);
  }

  @Test
  void aPatchOfTheDeployment_leavesTheEntrysOtherFilesAlone() throws IOException {
    Set<String> changed =
        edit(
            "      port: 3000\n",
            "      port: 3000\n      patches:\n        - target: {kind: Deployment}\n"
                + "          merge: {spec: {minReadySeconds: 10}}\n");
    assertEquals(
        Set.of("kubernetes/qa/deployment-web.yaml", "kubernetes/production/deployment-web.yaml"),
        changed);
    assertBodiesChanged(changed);
  }

  @Test
  void aNullParameter_isAnInputOfTheFilesThatReadIt() throws IOException {
    Set<String> changed =
        edit("      name: jobs\n", "      name: jobs\n      preStopSleep: null\n");
    // the worker's default is no preStop sleep already: the file is the same, and stays so
    assertEquals(Set.of(), changed);
    assertClean();
    String marker =
        before.get("kubernetes/qa/deployment-jobs.yaml").lines().skip(1).findFirst().get();
    assertTrue(marker.contains(",preStopSleep,"), marker);
  }

  @Test
  void theMarker_recordsTheKeysTheRenderRead() {
    String hpa = secondLine("kubernetes/production/horizontal-pod-autoscaler-web.yaml");
    assertTrue(hpa.contains(" reads=annotations,app,"), hpa);
    assertTrue(!hpa.contains("image"), hpa);
    String web = secondLine("kubernetes/production/deployment-web.yaml");
    assertTrue(web.contains(",configMap/shop-settings,configMap/shop-settings/annotations,"), web);
    assertTrue(web.contains(",image,"), web);
  }

  /** Edits the config, runs --update, and returns the files whose bytes changed. */
  private Set<String> edit(String from, String to) throws IOException {
    String config = Files.readString(repo.resolve("kube-generate.yaml"));
    assertTrue(config.contains(from), from);
    Files.writeString(repo.resolve("kube-generate.yaml"), config.replace(from, to));
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    Map<String, String> after = manifests();
    assertEquals(before.keySet(), after.keySet());
    Set<String> changed = new TreeSet<>();
    after.forEach(
        (path, text) -> {
          if (!text.equals(before.get(path))) {
            changed.add(path);
          }
        });
    return changed;
  }

  /** No file was rewritten on its marker lines alone. */
  private void assertBodiesChanged(Set<String> changed) throws IOException {
    Map<String, String> after = manifests();
    for (String path : changed) {
      assertNotEquals(Marker.body(before.get(path)), Marker.body(after.get(path)), path);
    }
  }

  private void assertClean() {
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out());
  }

  private String secondLine(String path) {
    return before.get(path).lines().skip(1).findFirst().orElseThrow();
  }

  private Map<String, String> manifests() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(repo.resolve("kubernetes"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(repo.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return out;
  }
}
