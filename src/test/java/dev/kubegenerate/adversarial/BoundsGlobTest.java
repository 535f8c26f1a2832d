package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's {@code handwritten:} globs: one made to backtrack against a long file name ends
 * in seconds, one that is not well formed is a located error.
 */
class BoundsGlobTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path repoDir;
  @TempDir Path runnerTemp;

  @Test
  void backtrackingGlob_longFileName_verdictInSeconds() throws IOException {
    HostileRepo repo = HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    String config = Files.readString(repoDir.resolve("kube-generate.yaml"));
    repo.write(
        "kube-generate.yaml", config + "handwritten: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml']\n");
    repo.write("kubernetes/qa/" + "a".repeat(240) + ".yaml", "kind: ConfigMap\n");
    HostileRepo.Outputs o = assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp));
    // the long file is unmanaged, not hand-written: a finding
    o.exits().forEach(exit -> assertEquals(1, exit, o.all()));
  }

  @Test
  void malformedGlob_locatedError() throws IOException {
    HostileRepo repo = HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    String config = Files.readString(repoDir.resolve("kube-generate.yaml"));
    repo.write("kube-generate.yaml", config + "handwritten: ['kubernetes/[a-']\n");
    CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, "check"));
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "kube-generate.yaml:6:15: handwritten: missing ']' at index 13 of `kubernetes/[a-`"),
        r.err());
  }
}
