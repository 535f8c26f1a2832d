package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branches that each ran {@code --update}, merged with real git (SPEC §8.3): edits of different
 * entries merge without conflicts and check clean as merged; any conflict confined to generated
 * files is resolved by {@code --update}.
 */
class MergeTest {

  @TempDir Path dir;

  private GitRepo git;

  @BeforeEach
  void mainBranch() throws Exception {
    git = GitRepo.init(dir.resolve("repo"));
    git.write(Map.of("kube-generate.yaml", EditsTouchOnlyWhatChangesTest.SHOP));
    update();
    ok(git.git("add", "-A"));
    ok(git.git("commit", "-q", "-m", "shop"));
    ok(git.git("branch", "-M", "main"));
  }

  @Test
  void branchesEditingDifferentEntries_mergeWithoutConflicts_andCheckClean() throws Exception {
    branch("jobs", "command: [bin/jobs]", "command: [bin/jobs, --fast]");
    branch("mailer", "image: ghcr.io/example/mailer:2.0.0", "image: ghcr.io/example/mailer:2.1.0");
    branch("scale", "production: {replicas: 4}", "production: {replicas: 6}");
    ok(git.git("checkout", "-q", "main"));
    for (String branch : new String[] {"jobs", "mailer", "scale"}) {
      GitRepo.Result merge = git.git("merge", "-q", "--no-edit", branch);
      assertEquals(0, merge.code(), merge.output());
    }
    CliRunner.Result check = CliRunner.run(git.root(), "check");
    assertEquals(0, check.exit(), check.out());
    assertTrue(check.out().contains("all up to date"), check.out());
    // and nothing is left for --update to do
    assertEquals(0, CliRunner.run(git.root()).exit());
  }

  @Test
  void aConflictInGeneratedFiles_isResolvedByUpdate() throws Exception {
    // both touch the jobs Deployment: the shared image and the entry's own command
    branch("image", "image: ghcr.io/example/shop:1.0.0", "image: ghcr.io/example/shop:1.1.0");
    branch("jobs", "command: [bin/jobs]", "command: [bin/jobs, --fast]");
    ok(git.git("checkout", "-q", "image"));
    GitRepo.Result merge = git.git("merge", "-q", "--no-edit", "jobs");
    assertEquals(1, merge.code(), merge.output());
    String conflicted = Files.readString(git.root().resolve("kubernetes/qa/deployment-jobs.yaml"));
    assertTrue(conflicted.contains("<<<<<<<"), conflicted);
    // the config itself merged: the two edits are lines apart
    assertFalse(Files.readString(git.root().resolve("kube-generate.yaml")).contains("<<<<<<<"));

    CliRunner.Result check = CliRunner.run(git.root(), "check");
    assertEquals(1, check.exit(), check.out());
    assertTrue(check.out().contains("kubernetes/qa/deployment-jobs.yaml"), check.out());

    // the recipe of docs/merges.md
    CliRunner.Result update = CliRunner.run(git.root(), "--update");
    assertEquals(0, update.exit(), update.err());
    ok(git.git("add", "-A"));
    ok(git.git("commit", "-q", "--no-edit"));

    CliRunner.Result after = CliRunner.run(git.root(), "check");
    assertEquals(0, after.exit(), after.out());
    String resolved = Files.readString(git.root().resolve("kubernetes/qa/deployment-jobs.yaml"));
    assertTrue(resolved.contains("ghcr.io/example/shop:1.1.0") && resolved.contains("--fast"));
  }

  @Test
  void aConflictOverTheWholeFile_markerLinesIncluded_isStillOursToRegenerate() throws Exception {
    Path file = git.root().resolve("kubernetes/qa/deployment-mailer.yaml");
    String text = Files.readString(file);
    // both sides added the file (an add/add conflict): git wraps all of it, first line included
    Files.writeString(
        file,
        "<<<<<<< HEAD\n" + text + "=======\n" + text.replace("2.0.0", "2.0.1") + ">>>>>>> b\n");
    CliRunner.Result check = CliRunner.run(git.root(), "check");
    assertEquals(1, check.exit(), check.out());
    assertTrue(check.out().contains("hand-edited"), check.out());
    CliRunner.Result update = CliRunner.run(git.root(), "--update");
    assertEquals(0, update.exit(), update.err());
    assertEquals(text, Files.readString(file));
  }

  @Test
  void aConflictedGeneratedFileNoEntryProduces_isDeletedByUpdate() throws Exception {
    Path file = git.root().resolve("kubernetes/qa/deployment-gone.yaml");
    String text = Files.readString(git.root().resolve("kubernetes/qa/deployment-mailer.yaml"));
    Files.writeString(file, "<<<<<<< HEAD\n" + text + "=======\n>>>>>>> b\n");
    assertEquals(0, CliRunner.run(git.root(), "--update").exit());
    assertFalse(Files.exists(file));
  }

  /** A branch from main with one edit of the config, updated and committed. */
  private void branch(String name, String from, String to) throws Exception {
    ok(git.git("checkout", "-q", "-b", name, "main"));
    Path config = git.root().resolve("kube-generate.yaml");
    String text = Files.readString(config);
    assertTrue(text.contains(from), from);
    Files.writeString(config, text.replace(from, to));
    update();
    ok(git.git("commit", "-q", "-am", name));
  }

  private void update() throws IOException {
    CliRunner.Result update = CliRunner.run(git.root(), "--update");
    assertEquals(0, update.exit(), update.err());
  }

  private static void ok(GitRepo.Result result) {
    assertEquals(0, result.code(), result.output());
  }
}
