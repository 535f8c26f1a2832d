package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs are checked on every core; the report must not depend on which finished first. */
class CheckerTest {

  @TempDir Path repo;

  @Test
  void check_manyConfigs_filesSortedByPathAndErrorsInConfigOrder() throws Exception {
    for (int i = 0; i < 40; i++) {
      Path dir = repo.resolve(String.format("apps/app-%02d", i));
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("kube-generate.yaml"),
          "clusters: [sandbox, production]\ngenerates:\n  - worker: {name: jobs, image: \"example/app:1\"}\n");
    }
    Files.createDirectories(repo.resolve("apps/app-13/kubernetes/sandbox"));
    Files.writeString(
        repo.resolve("apps/app-13/kubernetes/sandbox/notes.yaml"), "kind: ConfigMap\n");
    for (int i : new int[] {30, 5}) {
      // an output folder that is a link cannot be checked: an error for that config alone
      Files.createDirectories(repo.resolve("elsewhere-" + i));
      Files.createSymbolicLink(
          repo.resolve(String.format("apps/app-%02d/kubernetes", i)),
          repo.resolve("elsewhere-" + i));
    }
    Project project = new ProjectLoader(repo).load("kube-generate.yaml", true, List.of());

    Report report =
        new Checker(repo).check(project, Status.defaultFailOn(), "kube-generate --all --update");

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (i == 5 || i == 30) {
        continue;
      }
      expected.add(String.format("apps/app-%02d/kubernetes/production/deployment-jobs.yaml", i));
      if (i == 13) {
        expected.add("apps/app-13/kubernetes/sandbox/deployment-jobs.yaml");
        expected.add("apps/app-13/kubernetes/sandbox/notes.yaml");
      } else {
        expected.add(String.format("apps/app-%02d/kubernetes/sandbox/deployment-jobs.yaml", i));
      }
    }
    assertEquals(expected, report.files().stream().map(f -> f.path().value()).toList());
    assertEquals(
        Status.UNMANAGED,
        report.files().stream()
            .filter(f -> f.path().value().endsWith("notes.yaml"))
            .map(FileResult::status)
            .findFirst()
            .orElseThrow());
    assertEquals(
        List.of("apps/app-05/kubernetes", "apps/app-30/kubernetes"),
        report.errors().stream().map(Problem::file).toList());
  }
}
