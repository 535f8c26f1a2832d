package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.Cli;
import dev.kubegenerate.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM fails while the run publishes (out of memory writing the report, as a 4 GB heap did on a
 * large repository): the step outputs still say {@code result=error}, the job summary says the
 * check did not finish, and the exit code is 2.
 */
class BoundsOutOfMemoryTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path repoDir;
  @TempDir Path runnerTemp;

  /** A run in Actions whose stdout throws an OutOfMemoryError on the writes {@code failing}. */
  private int runFailing(Predicate<String> failing, String... args) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (failing.test(new String(b, off, len, StandardCharsets.UTF_8))) {
              throw new OutOfMemoryError("Java heap space");
            }
            seen.write(b, off, len);
          }
        };
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_STEP_SUMMARY", runnerTemp.resolve("summary.md").toString(),
            "GITHUB_OUTPUT", runnerTemp.resolve("outputs.txt").toString(),
            "RUNNER_TEMP", runnerTemp.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    return new Cli(
            new Terminal(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                repoDir,
                false))
        .run(args);
  }

  private void assertErrorPublished(int exit) throws IOException {
    assertEquals(2, exit);
    String outputs = Files.readString(runnerTemp.resolve("outputs.txt"));
    assertTrue(outputs.matches("(?s).*result<<(\\S+)\nerror\n\\1\n(?!.*result<<).*"), outputs);
    String summary = Files.readString(runnerTemp.resolve("summary.md"));
    assertTrue(summary.contains("kube-generate"), summary);
  }

  @Test
  void outOfMemoryOnEveryWrite_outputsAndSummaryStillWritten() throws IOException {
    HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    assertErrorPublished(assertTimeoutPreemptively(BOUND, () -> runFailing(s -> true, "check")));
  }

  @Test
  void outOfMemoryWhileAnnotating_resultIsError() throws IOException {
    HostileRepo repo = HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    repo.write("kubernetes/qa/extra.yaml", "kind: ConfigMap\n");
    // the outputs are written before the annotations: the last result must be the error
    assertErrorPublished(
        assertTimeoutPreemptively(
            BOUND, () -> runFailing(s -> s.contains("::error"), "check", "--comment=false")));
  }

  @Test
  void outOfMemoryInTheAction_outputsStillWritten() throws IOException {
    HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    assertErrorPublished(assertTimeoutPreemptively(BOUND, () -> runFailing(s -> true, "action")));
  }
}
