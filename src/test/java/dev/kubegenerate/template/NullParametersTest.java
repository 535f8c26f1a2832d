package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.fast.JsonLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code null} means "not set" for every parameter of every built-in template: the entry of the
 * template's own example with one parameter set to null renders objects Kubernetes accepts, and the
 * output leaves out what that parameter writes.
 */
class NullParametersTest {

  @TempDir Path repo;

  /** Every nullable parameter of every built-in template that an entry may leave out. */
  static Stream<Arguments> nullableParameters() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (TemplateSpec spec : TemplateLibrary.builtIn().all().values()) {
      for (ParameterSpec p : spec.parameters()) {
        if (p.nullable() && !p.required()) {
          out.add(Arguments.of(spec.name(), p.name()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}.{1}: null")
  @MethodSource("nullableParameters")
  void exampleWithOneParameterNull_rendersValidObjectsAndChecksClean(String template, String name)
      throws Exception {
    write(template, nulled(name));

    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), template + "." + name + ": null\n" + update.err());
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out() + check.err());
  }

  /** What a parameter writes, and that null leaves it out where a default would write it. */
  @ParameterizedTest(name = "{0}.{1}: null leaves out {2}")
  @CsvSource({
    "autoscale, preStopSleep, 'preStop:'",
    "autoscale, namespace, 'namespace:'",
    "autoscale, probes, 'Probe:'",
    "autoscale, resources, 'resources:'",
    "autoscale, podSecurityContext, 'seccompProfile:'",
    "autoscale, securityContext, 'allowPrivilegeEscalation:'",
    "autoscale, topologySpread, 'topologySpreadConstraints:'",
    "autoscale, disruptionBudget, 'kind: PodDisruptionBudget'",
    "autoscale, recommendedLabels, 'app.kubernetes.io/managed-by'",
    "autoscale, targetCPUUtilization, 'name: cpu'",
    "worker, strategy, 'strategy:'",
    "worker, automountServiceAccountToken, 'automountServiceAccountToken:'",
    "web, replicas, 'replicas:'",
    "autoscale, serviceType, 'type: ClusterIP'",
    "stateful-set, clusterIP, 'clusterIP:'",
    "cronjob, suspend, 'suspend:'",
  })
  void parameterSetToNull_leavesOutWhatItWrites(String template, String name, String written)
      throws Exception {
    write(template, Map.of());
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertTrue(rendered().contains(written), template + " writes " + written + " by default");

    write(template, nulled(name));
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    assertFalse(rendered().contains(written), template + "." + name + ": null still writes it");
  }

  @ParameterizedTest(name = "values.{0} unset by the entry")
  @CsvSource({"preStopSleep, 'preStop:'", "resources, 'resources:'"})
  void entryNull_unsetsAValue(String name, String written) throws Exception {
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        """
        app: shop
        clusters: [qa]
        values: {preStopSleep: 9, resources: {requests: {cpu: 50m}}}
        generates:
          - worker: {name: jobs, image: "example/jobs:1"}
          - worker: {name: mail, image: "example/mail:1", %s: null}
        """
            .formatted(name));
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertTrue(read("kubernetes/qa/deployment-jobs.yaml").contains(written));
    assertFalse(read("kubernetes/qa/deployment-mail.yaml").contains(written));
  }

  /** {@code name: null}. */
  private static Map<String, Object> nulled(String name) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(name, null);
    return out;
  }

  /** A config of the template's example entry, with {@code more} laid over its parameters. */
  private void write(String template, Map<String, Object> more) throws Exception {
    TemplateSpec spec = TemplateLibrary.builtIn().get(template).orElseThrow();
    Object example = new Load(LoadSettings.builder().build()).loadFromString(spec.example());
    @SuppressWarnings("unchecked")
    Map<String, Object> entry =
        new LinkedHashMap<>(
            (Map<String, Object>) ((Map<?, ?>) ((List<?>) example).get(0)).get(template));
    entry.remove("overrides");
    entry.remove("clusters");
    entry.putAll(more);
    String config =
        "app: people\nclusters: [sandbox]\ngenerates:\n  - "
            + template
            + ": "
            + JsonLiteral.canonical(entry)
            + "\n";
    Files.writeString(repo.resolve("kube-generate.yaml"), config);
  }

  private String rendered() throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(repo.resolve("kubernetes"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.append(Files.readString(f));
      }
    }
    return out.toString();
  }

  private String read(String path) throws IOException {
    return Files.readString(repo.resolve(path));
  }
}
