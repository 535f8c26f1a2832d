package dev.kubegenerate.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.check.Renders;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changes the whole-config fingerprint releases before per-file inputs wrote (SPEC §4). */
class WholeConfigInputsTest {

  private static final String BASE =
      """
      app: shop
      clusters: [qa, production]
      values: {serviceAccount: shop, labels: {team: a}}
      generates:
        - worker:
            name: jobs
            image: example/jobs:1
            env: {A: "1", B: "2"}
            overrides:
              production: {replicas: 3}
      """;

  @TempDir Path repo;

  @Test
  void inputs_orderOfParametersAndValues_doesNotMatter() throws Exception {
    assertEquals(
        inputs(BASE),
        inputs(
            """
        app: shop
        clusters: [production, qa]
        values: {labels: {team: a}, serviceAccount: shop}
        generates:
          - worker:
              overrides:
                production: {replicas: 3}
              env: {A: "1", B: "2"}
              image: example/jobs:1
              name: jobs
        """));
  }

  @Test
  void inputs_orderInsideAValue_matters_becauseTemplatesIterateOverIt() throws Exception {
    assertNotEquals(
        inputs(BASE),
        inputs(BASE.replace("env: {A: \"1\", B: \"2\"}", "env: {B: \"2\", A: \"1\"}")));
  }

  @Test
  void inputs_aParameterSetToNothing_isTheConfigsOwnChoice() throws Exception {
    // null leaves out what a default or values would write: a change the repository made
    assertNotEquals(inputs(BASE), inputs(BASE.replace("      env:", "      args:\n      env:")));
    assertEquals(
        inputs(BASE.replace("      env:", "      args: null\n      env:")),
        inputs(BASE.replace("      env:", "      args:\n      env:")));
  }

  @Test
  void inputs_aTemplateDefaultWrittenOut_isTheConfigsOwnSetting() throws Exception {
    Map<String, String> before = inputs(BASE);
    Map<String, String> after = inputs(BASE.replace("      env:", "      replicas: 1\n      env:"));
    assertNotEquals(
        before.get("kubernetes/qa/deployment-jobs.yaml"),
        after.get("kubernetes/qa/deployment-jobs.yaml"));
  }

  @Test
  void inputs_anOverrideOfAnotherCluster_leavesThisClusterAlone() throws Exception {
    Map<String, String> before = inputs(BASE);
    Map<String, String> after = inputs(BASE.replace("{replicas: 3}", "{replicas: 4}"));
    assertEquals(
        before.get("kubernetes/qa/deployment-jobs.yaml"),
        after.get("kubernetes/qa/deployment-jobs.yaml"));
    assertNotEquals(
        before.get("kubernetes/production/deployment-jobs.yaml"),
        after.get("kubernetes/production/deployment-jobs.yaml"));
  }

  @Test
  void inputs_everyPartTheRepositoryContributes_changesIt() throws Exception {
    String qa = inputs(BASE).get("kubernetes/qa/deployment-jobs.yaml");
    for (String changed :
        List.of(
            BASE.replace("app: shop", "app: store"),
            BASE.replace("team: a", "team: b"),
            BASE.replace("example/jobs:1", "example/jobs:2"),
            "kubernetesVersion: \"1.33\"\n" + BASE,
            BASE.replace("      env:", "      subdir: jobs\n      env:"),
            "outputDir: manifests\n" + BASE)) {
      Map<String, String> after = inputs(changed);
      String qaAfter =
          after.getOrDefault(
              "kubernetes/qa/deployment-jobs.yaml",
              after.getOrDefault(
                  "kubernetes/qa/jobs/deployment-jobs.yaml",
                  after.get("manifests/qa/deployment-jobs.yaml")));
      assertNotEquals(qa, qaAfter, changed);
    }
  }

  @Test
  void inputs_aValueThisTemplateDoesNotDeclare_isStillIn() throws Exception {
    // which parameters a template declares is the tool's business: a release that starts
    // reading a value must not turn the repository's files stale
    String withNamespace = BASE + "  - namespace: {}\n";
    Map<String, String> before = inputs(withNamespace);
    Map<String, String> after =
        inputs(withNamespace.replace("values: {", "values: {podSecurity: baseline, "));
    assertNotEquals(
        before.get("kubernetes/qa/deployment-jobs.yaml"),
        after.get("kubernetes/qa/deployment-jobs.yaml"));
  }

  @Test
  void text_isTheDocumentedCanonicalJson() throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), BASE);
    var config =
        new dev.kubegenerate.config.ConfigLoader(
                repo, dev.kubegenerate.kubernetes.KubernetesApi.supported())
            .load(repo.resolve("kube-generate.yaml"))
            .config();
    var entry = config.entries().get(0);
    WholeConfigInputs fingerprint = new WholeConfigInputs(config);
    TemplateSpec worker = TemplateLibrary.builtIn().get("worker").orElseThrow();
    var path = dev.kubegenerate.model.ManifestPath.of("kubernetes/production/deployment-jobs.yaml");
    String text = fingerprint.text(entry, worker, "production", path);
    WholeConfigInputs.ForEntry forEntry = fingerprint.forEntry(entry, worker);
    assertEquals(Marker.sha256(text), forEntry.of("production", path));
    // the cluster's share is hashed once and reused: each file still hashes its own whole text
    var other = dev.kubegenerate.model.ManifestPath.of("kubernetes/production/service-jobs.yaml");
    var sandbox = dev.kubegenerate.model.ManifestPath.of("kubernetes/sandbox/service-jobs.yaml");
    assertEquals(
        Marker.sha256(fingerprint.text(entry, worker, "production", other)),
        forEntry.of("production", other));
    assertEquals(
        Marker.sha256(fingerprint.text(entry, worker, "sandbox", sandbox)),
        forEntry.of("sandbox", sandbox));
    assertEquals(Marker.sha256(text), forEntry.of("production", path));
    assertEquals(
        "{\"kube-generate-inputs\":1,\"app\":\"shop\",\"config\":\"kube-generate.yaml\","
            + "\"values\":{\"labels\":{\"team\":\"a\"},\"serviceAccount\":\"shop\"},\"template\":\"worker\",\"templateFiles\":null,"
            + "\"entry\":{\"env\":{\"A\":\"1\",\"B\":\"2\"},\"image\":\"example/jobs:1\",\"name\":\"jobs\"},"
            + "\"cluster\":\"production\",\"kubernetesVersion\":null,\"override\":{\"replicas\":3},\"path\":\"kubernetes/production/deployment-jobs.yaml\"}",
        text);
  }

  /**
   * A config in a subfolder: the path is written from the config's folder, and the former
   * fingerprint (SPEC §4, releases before this one) is the same text with the path from the root.
   */
  @Test
  void text_ofAConfigInASubfolder_hasThePathFromTheConfigsFolder() throws Exception {
    Path app = Files.createDirectories(repo.resolve("apps/shop"));
    Files.writeString(app.resolve("kube-generate.yaml"), BASE);
    var config =
        new dev.kubegenerate.config.ConfigLoader(
                repo, dev.kubegenerate.kubernetes.KubernetesApi.supported())
            .load(app.resolve("kube-generate.yaml"))
            .config();
    var entry = config.entries().get(0);
    WholeConfigInputs fingerprint = new WholeConfigInputs(config);
    TemplateSpec worker = TemplateLibrary.builtIn().get("worker").orElseThrow();
    var path =
        dev.kubegenerate.model.ManifestPath.of("apps/shop/kubernetes/qa/deployment-jobs.yaml");
    String text = fingerprint.text(entry, worker, "qa", path);
    assertTrue(text.endsWith(",\"path\":\"kubernetes/qa/deployment-jobs.yaml\"}"), text);
    WholeConfigInputs.ForEntry forEntry = fingerprint.forEntry(entry, worker);
    assertEquals(Marker.sha256(text), forEntry.of("qa", path));
    assertEquals(
        Marker.sha256(
            text.replace("\"path\":\"kubernetes/qa/", "\"path\":\"apps/shop/kubernetes/qa/")),
        forEntry.former("qa", path).value());
    // the same app at the root of its own repository: the same fingerprint
    assertEquals(inputs(BASE).get("kubernetes/qa/deployment-jobs.yaml"), forEntry.of("qa", path));
  }

  private Map<String, String> inputs(String config) throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), config);
    WholeConfigInputs whole =
        new WholeConfigInputs(
            new dev.kubegenerate.config.ConfigLoader(
                    repo, dev.kubegenerate.kubernetes.KubernetesApi.supported())
                .load(repo.resolve("kube-generate.yaml"))
                .config());
    Map<String, String> out = new TreeMap<>();
    for (RenderedFile f : Renders.of(repo, "kube-generate.yaml")) {
      FileInputs in = f.inputs();
      out.put(
          f.path().value(), whole.forEntry(in.entry(), in.template()).of(in.cluster(), f.path()));
    }
    return out;
  }
}
