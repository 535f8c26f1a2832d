package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --update --all} stages each config's files as its render finishes, and still writes all or
 * nothing: a problem in the last of several configs, found after the others were staged, leaves no
 * staged file, no folder made for one, no journal and no written file.
 */
class StagedUpdateTest {

  private static final String[] APPS = {"a", "b", "c", "d", "e", "f"};

  @TempDir Path repo;

  private void config(String app, String clusters, String version) throws IOException {
    Files.createDirectories(repo.resolve("apps/" + app));
    Files.writeString(
        repo.resolve("apps/" + app + "/kube-generate.yaml"),
        """
        app: %s
        clusters: [%s]
        generates:
          - config-map: {name: settings, data: {VERSION: "%s"}}
          - namespace: {}
        """
            .formatted(app, clusters, version));
  }

  /** Every file (with its text) and folder of the repository, .git included. */
  private Map<String, String> tree() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(repo)) {
      for (Path p : all.toList()) {
        out.put(repo.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "/");
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a config error", "a file without the marker", "a folder in the way"})
  void aProblemInTheLastConfig_leavesNoStagedFileAndNoWrittenFile(String problem) throws Exception {
    Files.createDirectory(repo.resolve(".git"));
    for (String app : APPS) {
      config(app, "qa, production", "1");
    }
    assertEquals(0, CliRunner.run(repo, "--all", "--update").exit());
    // every config now changes its files and renders a cluster whose folder does not exist yet
    for (String app : APPS) {
      config(app, "qa, production, sandbox", "2");
    }
    Path last = repo.resolve("apps/f");
    Path settings = last.resolve("kubernetes/qa/config-map-settings.yaml");
    switch (problem) {
      case "a config error" -> Files.writeString(last.resolve("kube-generate.yaml"), "app: [\n");
      case "a file without the marker" ->
          Files.writeString(settings, "apiVersion: v1\nkind: ConfigMap\n");
      default -> {
        Files.delete(settings);
        Files.createDirectories(settings.resolve("inside"));
      }
    }
    Map<String, String> before = tree();

    CliRunner.Result r = CliRunner.run(repo, "--all", "--update");

    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith("apps/f/"), r.err());
    assertEquals(before, tree(), "nothing written, nothing staged, no folder made, no journal");
  }
}
