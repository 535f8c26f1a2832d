package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configs are checked on every core as the search finds them; the report must not depend on which
 * finished first, nor on whether a config is checked alone or with {@code --all}.
 */
class CheckRunTest {

  private static Report check(Path repo, String config, boolean all) {
    return CheckRun.run(RunRequest.of(repo, config, all), FailOn.defaults(), "fix", Progress.NONE);
  }

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
    Report report = check(repo, "kube-generate.yaml", true);

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

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void check_all_listsEachOutputFolderAsACheckOfThatConfigAlone() throws Exception {
    // --all lists output folders from its search for configs, which skips hidden and build
    // folders and follows no link; every verdict must be the one a walk of the folder gives
    for (String app : List.of("apps/a", "apps/b")) {
      Files.createDirectories(repo.resolve(app + "/kubernetes/sandbox"));
      Files.writeString(
          repo.resolve(app + "/kube-generate.yaml"),
          "clusters: [sandbox]\ngenerates:\n  - worker: {name: jobs, image: \"example/app:1\"}\n");
    }
    Path out = repo.resolve("apps/a/kubernetes/sandbox");
    for (String name :
        List.of("build/notes.yaml", ".hidden/notes.yaml", "node_modules/x.json", "target/t.yml")) {
      Files.createDirectories(out.resolve(name).getParent());
      Files.writeString(out.resolve(name), "kind: ConfigMap\n");
    }
    // apps/b's folder has no skipped folder: its listing comes from the search alone
    Path linked = repo.resolve("apps/b/kubernetes/sandbox");
    Files.writeString(linked.resolve(".deployment-jobs.yaml.4711.kube-generate.tmp"), "partial");
    Files.createSymbolicLink(linked.resolve("link.yaml"), Path.of("../../kube-generate.yaml"));
    Process mk = new ProcessBuilder("mkfifo", linked.resolve("pipe.yaml").toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
    Files.createDirectories(repo.resolve("elsewhere"));
    Files.writeString(repo.resolve("elsewhere/deployment-jobs.yaml"), "kind: ConfigMap\n");
    Files.createSymbolicLink(
        repo.resolve("apps/b/kubernetes/sandbox.yaml"), Path.of("../../../elsewhere"));
    Files.createSymbolicLink(
        repo.resolve("apps/b/kubernetes/linked"), Path.of("../../../elsewhere"));

    Report all = check(repo, "kube-generate.yaml", true);
    List<String> alone = new ArrayList<>();
    List<Problem> aloneErrors = new ArrayList<>();
    for (String app : List.of("apps/a", "apps/b")) {
      Report one = check(repo, app + "/kube-generate.yaml", false);
      one.files().forEach(f -> alone.add(f.path() + " " + f.status()));
      aloneErrors.addAll(one.errors());
    }

    List<String> verdicts = all.files().stream().map(f -> f.path() + " " + f.status()).toList();
    assertEquals(alone, verdicts);
    assertEquals(aloneErrors, all.errors());
    assertEquals(
        List.of(
            "apps/a/kubernetes/sandbox/.hidden/notes.yaml UNMANAGED",
            "apps/a/kubernetes/sandbox/build/notes.yaml UNMANAGED",
            "apps/a/kubernetes/sandbox/deployment-jobs.yaml MISSING",
            "apps/a/kubernetes/sandbox/node_modules/x.json UNMANAGED",
            "apps/a/kubernetes/sandbox/target/t.yml UNMANAGED",
            "apps/b/kubernetes/sandbox.yaml UNMANAGED",
            "apps/b/kubernetes/sandbox/deployment-jobs.yaml MISSING",
            "apps/b/kubernetes/sandbox/link.yaml UNMANAGED",
            "apps/b/kubernetes/sandbox/pipe.yaml UNMANAGED"),
        verdicts);
    assertEquals(
        List.of("apps/b/kubernetes/sandbox/.deployment-jobs.yaml.4711.kube-generate.tmp"),
        all.errors().stream().map(Problem::file).toList());
  }
}
