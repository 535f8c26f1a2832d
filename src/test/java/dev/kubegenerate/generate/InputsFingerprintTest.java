package dev.kubegenerate.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kubegenerate.check.Renders;
import dev.kubegenerate.render.Marker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-file fingerprint's text (SPEC §4, §8.6) and what its values are. */
class InputsFingerprintTest {

  private static final String CONFIG =
      """
      app: shop
      clusters: [qa, production]
      kubernetesVersion: "1.34"
      values: {labels: {team: a}, image: example/shop:1}
      generates:
        - config-map: {name: settings, data: {TZ: UTC}}
        - worker:
            name: jobs
            env: {A: "1"}
            envFromConfigMaps: [shop-settings]
            overrides:
              production: {labels: {tier: back}, env: {B: "2"}, preStopSleep: null}
            patches:
              - target: {kind: Deployment}
                merge: {spec: {minReadySeconds: 5}}
      """;

  @TempDir Path repo;

  @Test
  void text_isTheDocumentedCanonicalJson() throws Exception {
    FileInputs jobs = file("kubernetes/production/deployment-jobs.yaml").inputs();
    TreeSet<String> names =
        new TreeSet<>(
            List.of(
                "app",
                "env",
                "image",
                "labels",
                "preStopSleep",
                "replicas",
                "configMap/shop-settings",
                "configMap/shop-settings/data",
                "configMap/gone"));
    assertEquals(
        "{\"kube-generate-inputs\":2,\"config\":\"kube-generate.yaml\","
            + "\"path\":\"kubernetes/production/deployment-jobs.yaml\",\"template\":\"worker\","
            + "\"templateFiles\":null,\"cluster\":\"production\",\"kubernetesVersion\":\"1.34\","
            // values, the entry and the override merged as parameters merge: maps key by key;
            // a key the config gives nothing (replicas, configMap/gone) is left out
            + "\"set\":{\"app\":\"shop\",\"configMap/shop-settings\":true,"
            + "\"configMap/shop-settings/data\":{\"TZ\":\"UTC\"},\"env\":{\"A\":\"1\",\"B\":\"2\"},"
            + "\"image\":\"example/shop:1\",\"labels\":{\"team\":\"a\",\"tier\":\"back\"},"
            + "\"preStopSleep\":null},"
            + "\"patches\":[{\"target\":{\"kind\":\"Deployment\"},"
            + "\"merge\":{\"spec\":{\"minReadySeconds\":5}}}]}",
        jobs.text(names));
    assertEquals(Marker.sha256(jobs.text(names)), jobs.over(names));
    assertEquals(jobs.value(), jobs.over(jobs.reads()));
  }

  @Test
  void reads_ofAFileWithoutPatchesOrPods() throws Exception {
    FileInputs settings = file("kubernetes/qa/config-map-settings.yaml").inputs();
    assertEquals(
        List.of(
            "annotations",
            "app",
            "data",
            "immutable",
            "labels",
            "name",
            "namespace",
            "objectName",
            "recommendedLabels"),
        settings.reads());
    // the worker's patch is not this file's
    assertEquals(List.of(), settings.patches());
  }

  @Test
  void over_anotherKeyTheConfigGives_isAnotherFingerprint_inAnyOrderTheSame() throws Exception {
    FileInputs jobs = file("kubernetes/qa/deployment-jobs.yaml").inputs();
    List<String> reversed = new java.util.ArrayList<>(jobs.reads());
    java.util.Collections.reverse(reversed);
    assertEquals(jobs.value(), jobs.over(reversed));
    List<String> withoutImage = new java.util.ArrayList<>(jobs.reads());
    withoutImage.remove("image");
    assertNotEquals(jobs.value(), jobs.over(withoutImage), "a key the config gives");
    List<String> withoutAffinity = new java.util.ArrayList<>(jobs.reads());
    withoutAffinity.remove("affinity");
    assertEquals(jobs.value(), jobs.over(withoutAffinity), "a key the config gives nothing");
  }

  private RenderedFile file(String path) throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), CONFIG);
    return Renders.of(repo, "kube-generate.yaml").stream()
        .filter(f -> f.path().value().equals(path))
        .findFirst()
        .orElseThrow();
  }
}
