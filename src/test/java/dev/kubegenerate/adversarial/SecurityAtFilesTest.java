package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An argument or action input that starts with {@code @} names no file to read arguments from
 * ({@code @/proc/self/environ} would put the runner's token in a usage error).
 */
class SecurityAtFilesTest {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String TOKEN = "ghs_secretTokenValue0123456789";

  @TempDir Path repoDir;
  @TempDir Path runner;

  @Test
  void atFileInEveryInput_neverRead() throws IOException {
    HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    Path environ = runner.resolve("environ");
    Files.writeString(environ, "GITHUB_TOKEN=" + TOKEN + "\n--bogus " + TOKEN + "\n");
    for (String input : new String[] {"config", "working-directory", "templates", "fail-on"}) {
      Map<String, String> env =
          Map.of(
              "GITHUB_ACTIONS",
              "true",
              "GITHUB_OUTPUT",
              runner.resolve("outputs.txt").toString(),
              "RUNNER_TEMP",
              runner.toString(),
              "INPUT_" + input.toUpperCase(java.util.Locale.ROOT),
              "@" + environ);
      CliRunner.Result r =
          assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, env, "action"));
      assertFalse((r.out() + r.err()).contains(TOKEN), input + ": " + r.out() + r.err());
      assertEquals(2, r.exit(), input + ": " + r.out() + r.err());
    }
    CliRunner.Result r = CliRunner.run(repoDir, "@" + environ);
    assertEquals(2, r.exit(), r.err());
    assertFalse((r.out() + r.err()).contains(TOKEN), r.err());
    assertEquals(2, r.err().lines().count(), r.err());
  }
}
