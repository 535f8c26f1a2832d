package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configs load, render and classify on every core; what a run shows must not depend on which
 * finished first.
 */
class EachConfigTest {

  private List<ConfigOutcome> run(String configFile, boolean all, List<Path> templates)
      throws InputException {
    return EachConfig.run(
        new RunRequest(
            repo,
            configFile,
            all,
            new TemplateFolders(templates, List.of()),
            java.util.Optional.empty()),
        false,
        Progress.NONE);
  }

  /** The rendered text of each config's files, in config and path order. */
  private static List<List<String>> rendered(List<ConfigOutcome> outcomes) {
    return outcomes.stream()
        .map(o -> o.files().stream().map(c -> c.result().rendered().orElseThrow()).toList())
        .toList();
  }

  @TempDir Path repo;

  private static final int APPS = 40;

  private void writeApps() throws IOException {
    for (int i = 0; i < APPS; i++) {
      Path dir = repo.resolve(String.format("apps/app-%02d", i));
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("kube-generate.yaml"),
          """
          clusters: [sandbox, production]
          generates:
            - worker:
                name: jobs
                image: example/app:%d
                replicas: %d
          """
              .formatted(i, 1 + i % 5));
    }
  }

  @Test
  void load_manyConfigs_keepsPathOrderAndRendersEach() throws Exception {
    writeApps();

    List<ConfigOutcome> outcomes = run("kube-generate.yaml", true, List.of());

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < APPS; i++) {
      expected.add(String.format("apps/app-%02d/kube-generate.yaml", i));
    }
    assertEquals(expected, EachConfig.configs(outcomes).stream().map(Config::shownAs).toList());
    for (int i = 0; i < APPS; i++) {
      List<FileResult> files = outcomes.get(i).files().stream().map(Classified::result).toList();
      assertEquals(
          List.of(
              String.format("apps/app-%02d/kubernetes/sandbox/deployment-jobs.yaml", i),
              String.format("apps/app-%02d/kubernetes/production/deployment-jobs.yaml", i)),
          files.stream().map(f -> f.path().value()).toList());
      int app = i;
      files.forEach(f -> assertEquals(expected.get(app), f.config()));
      files.forEach(f -> assertEquals(Status.MISSING, f.status()));
    }
  }

  @Test
  void load_sameInputTwice_rendersTheSameBytes() throws Exception {
    writeApps();

    List<List<String>> first = rendered(run("kube-generate.yaml", true, List.of()));
    List<List<String>> second = rendered(run("kube-generate.yaml", true, List.of()));

    assertEquals(first, second);
  }

  @Test
  void load_errorsInSeveralConfigs_reportedInFileOrder() throws Exception {
    writeApps();
    for (int i : new int[] {31, 7, 19}) {
      Files.writeString(
          repo.resolve(String.format("apps/app-%02d/kube-generate.yaml", i)),
          """
          clusters: [sandbox]
          generates:
            - wroker: {}
          """);
    }

    InputException e =
        assertThrows(InputException.class, () -> run("kube-generate.yaml", true, List.of()));

    assertEquals(
        List.of(
            "apps/app-07/kube-generate.yaml",
            "apps/app-19/kube-generate.yaml",
            "apps/app-31/kube-generate.yaml"),
        e.problems().stream().map(Problem::file).toList());
    e.problems().forEach(p -> assertEquals(3, p.line()));
  }

  @Test
  void load_sameTemplateInConfigFolderAndOnCommandLine_configFolderWins() throws Exception {
    // SPEC §3: the config's templates: first, then --templates, then the tool's folders
    for (String folder : List.of("config-templates", "cli-templates")) {
      Path template = repo.resolve(folder).resolve("namespace");
      Files.createDirectories(template);
      Files.writeString(
          template.resolve("template.yaml"), "description: Namespace from " + folder + ".\n");
      Files.writeString(
          template.resolve("namespace.yaml.peb"),
          """
          apiVersion: v1
          kind: Namespace
          metadata:
            name: %s
          """
              .formatted(folder));
    }
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        """
        clusters: [sandbox]
        templates: [config-templates]
        generates:
          - namespace: {}
        """);

    String body =
        rendered(run("kube-generate.yaml", false, List.of(repo.resolve("cli-templates"))))
            .get(0)
            .get(0);
    assertTrue(body.contains("name: config-templates"), body);
  }

  @Test
  void load_overlappingOutputFolders_eachPairOnceInConfigOrder() throws IOException {
    // a: out; b: out-x (a sibling that sorts between out and out/...); c: out/deep; d: out;
    // e: out/deep/er; f: other. Problems come sorted by file, each file's in config order
    String[][] apps = {
      {"a", "out"},
      {"b", "out-x"},
      {"c", "out/deep"},
      {"d", "out"},
      {"e", "out/deep/er"},
      {"f", "other"}
    };
    for (String[] app : apps) {
      Path dir = repo.resolve("apps/" + app[0]);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("kube-generate.yaml"),
          "clusters: [qa]\noutputDir: ../../" + app[1] + "\ngenerates:\n  - namespace: {}\n");
    }
    InputException e =
        assertThrows(InputException.class, () -> run("kube-generate.yaml", true, List.of()));
    List<String> expected = new ArrayList<>();
    for (String[] pair :
        new String[][] {
          {"c", "out/deep", "a", "out"},
          {"d", "out", "a", "out"},
          {"d", "out", "c", "out/deep"},
          {"e", "out/deep/er", "a", "out"},
          {"e", "out/deep/er", "c", "out/deep"},
          {"e", "out/deep/er", "d", "out"}
        }) {
      expected.add(
          "apps/%s/kube-generate.yaml: output folder %s overlaps %s of apps/%s/kube-generate.yaml;"
                  .formatted(pair[0], pair[1], pair[3], pair[2])
              + " give each config its own outputDir");
    }
    assertEquals(expected, e.problems().stream().map(Problem::format).toList());
  }
}
