package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request commits links where the run writes ({@code --patch}, {@code --summary}, the report
 * folder) or where it works (the action's working directory), or the working folder is gone: each
 * run refuses in one line, exits 2, writes nothing through a link, reads nothing outside, and under
 * Actions still writes its step outputs.
 */
@DisabledOnOs(OS.WINDOWS)
class SecurityOutputLinksTest {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String OUTSIDE = "outside-the-repository-9c1d";

  @TempDir Path repoDir;
  @TempDir Path outside;
  @TempDir Path runnerTemp;

  @BeforeEach
  void repository() throws IOException {
    HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    Files.writeString(outside.resolve("victim.txt"), OUTSIDE);
  }

  private Map<String, String> actions() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", repoDir.toString());
    env.put("GITHUB_OUTPUT", runnerTemp.resolve("outputs.txt").toString());
    env.put("GITHUB_STEP_SUMMARY", runnerTemp.resolve("summary.md").toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    return env;
  }

  private CliRunner.Result run(Map<String, String> env, String... args) {
    return assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, env, args));
  }

  /** The run refused: exit 2, one error line, result=error, the outside untouched. */
  private void assertRefused(CliRunner.Result r, String error) throws IOException {
    assertEquals(2, r.exit(), r.out() + r.err());
    String outputs = Files.readString(runnerTemp.resolve("outputs.txt"));
    assertTrue(outputs.matches("(?s).*result<<(\\S+)\nerror\n\\1\n.*"), outputs);
    assertTrue(r.out().contains(error), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.startsWith("::error")).count(), r.out());
    assertEquals(OUTSIDE, Files.readString(outside.resolve("victim.txt")));
    try (Stream<Path> files = Files.list(outside)) {
      assertEquals(1, files.count(), "nothing new outside");
    }
    assertFalse((r.out() + r.err()).contains(OUTSIDE));
  }

  @Test
  void patchFile_aLinkOutside_refused() throws IOException {
    Files.createSymbolicLink(repoDir.resolve("fix.patch"), outside.resolve("victim.txt"));
    assertRefused(
        run(actions(), "check", "--patch", "fix.patch"),
        "--patch would write through the symbolic link fix.patch");
    // text mode: the same one line on stderr
    CliRunner.Result r = run(Map.of(), "check", "--patch", "fix.patch");
    assertEquals(2, r.exit());
    assertEquals(
        "fix.patch: --patch would write through the symbolic link fix.patch; kube-generate"
            + " writes through no link in the repository\n",
        r.err());
  }

  @Test
  void summaryFile_inALinkedFolder_refused() throws IOException {
    Files.createSymbolicLink(repoDir.resolve("out"), outside);
    assertRefused(
        run(actions(), "check", "--summary", "out/summary.md"),
        "--summary would write through the symbolic link out");
  }

  @Test
  void reportFolder_aLinkOutside_refused() throws IOException {
    Files.createSymbolicLink(repoDir.resolve(".kube-generate"), outside);
    assertRefused(run(actions(), "check"), "the JSON report would write through the symbolic link");
  }

  @Test
  void workingDirectory_aLinkOutside_refused() throws IOException {
    Files.writeString(
        outside.resolve("kube-generate.yaml"),
        "app: " + OUTSIDE + "\nclusters: [qa]\ngenerates:\n  - namespace: {}\n");
    Files.createSymbolicLink(repoDir.resolve("app"), outside);
    Map<String, String> env = actions();
    env.put("INPUT_WORKING-DIRECTORY", "app");
    CliRunner.Result r = run(env, "action");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("leads through the symbolic link app"), r.out());
    String outputs = Files.readString(runnerTemp.resolve("outputs.txt"));
    assertTrue(outputs.matches("(?s).*result<<(\\S+)\nerror\n\\1\n.*"), outputs);
    assertFalse((r.out() + r.err()).contains(OUTSIDE), r.out());
  }

  @Test
  void workingFolder_deleted_oneLineExit2WithOutputs() throws IOException {
    Path gone = runnerTemp.resolve("gone");
    Map<String, String> env = actions();
    env.put("GITHUB_WORKSPACE", gone.toString());
    CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> CliRunner.run(gone, env, "action"));
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("no longer exists"), r.out());
    String outputs = Files.readString(runnerTemp.resolve("outputs.txt"));
    assertTrue(outputs.matches("(?s).*result<<(\\S+)\nerror\n\\1\n.*"), outputs);
    // outside Actions: one line on stderr
    CliRunner.Result local = CliRunner.run(gone, Map.of(), "check");
    assertEquals(2, local.exit());
    assertEquals(1, local.err().lines().count(), local.err());
  }
}
