package dev.kubegenerate.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kubegenerate.cli.Cli;
import dev.kubegenerate.cli.Terminal;
import dev.kubegenerate.model.KubernetesVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template's example renders objects that every supported Kubernetes version serves
 * and accepts: no removed or deprecated API, nothing its schema rejects.
 */
class BuiltInTemplatesPerVersionTest {

  static Stream<Arguments> templatesAndVersions() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> templates = Files.list(Path.of("templates"))) {
      for (Path t :
          templates
              .filter(t -> Files.isRegularFile(t.resolve("template.yaml")))
              .sorted()
              .toList()) {
        for (KubernetesVersion v : KubernetesApi.supported()) {
          out.add(Arguments.of(t.getFileName().toString(), v.toString()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} for {1}")
  @MethodSource("templatesAndVersions")
  void example_rendersValidObjects(String template, String version, @TempDir Path repo)
      throws IOException {
    String example = example(template);
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        "app: people\nkubernetesVersion: \""
            + version
            + "\"\nclusters: [sandbox, qa, production]\ngenerates:\n"
            + example);
    assertEquals(
        List.of(0, ""), run(repo, "--update"), template + " for " + version + ": --update");
    List<Path> generated;
    try (Stream<Path> files = Files.walk(repo.resolve("kubernetes"))) {
      generated = files.filter(Files::isRegularFile).toList();
    }
    assertFalse(generated.isEmpty(), template + ": the example rendered nothing");
    ManifestValidator validator =
        new ManifestValidator(KubernetesVersion.of(version), true, CustomResources.NONE);
    for (Path file : generated) {
      // custom resources (service-monitor, external-secret, http-route) have no schema here: one
      // notice, no more
      assertEquals(
          List.of(),
          validator.validate(Files.readString(file)).stream()
              .filter(v -> v.rule() != dev.kubegenerate.model.Violation.Rule.NO_SCHEMA)
              .toList(),
          file.toString());
    }
    assertEquals(List.of(0, ""), run(repo, "check"), template + " for " + version + ": check");
  }

  /** The {@code example:} of the template's declarations: entries of {@code generates}, as text. */
  private static String example(String template) throws IOException {
    Map<?, ?> spec =
        (Map<?, ?>)
            new org.snakeyaml.engine.v2.api.Load(
                    org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("templates", template, "template.yaml")));
    return (String) spec.get("example");
  }

  private static List<Object> run(Path repo, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new Cli(
                new Terminal(
                    new PrintStream(out, true, UTF_8),
                    new PrintStream(err, true, UTF_8),
                    Map.of(),
                    repo,
                    false))
            .run(args);
    return List.of(exit, err.toString(UTF_8));
  }
}
