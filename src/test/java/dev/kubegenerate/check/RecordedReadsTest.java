package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.render.Marker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check recomputes a file's fingerprint over the config keys its marker records (SPEC §8.6): a
 * file an earlier release rendered from other keys is {@code outdated} while the repository gives
 * those keys the same values, and {@code stale} once it changes one of them.
 */
class RecordedReadsTest {

  private static final String PATH = "kubernetes/qa/deployment-jobs.yaml";

  @TempDir Path repo;

  private String older;

  /** The jobs Deployment as a release that did not read {@code image} and wrote a label more. */
  @BeforeEach
  void writtenByAnEarlierRelease() throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), EditsTouchOnlyWhatChangesTest.SHOP);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    RenderedFile today =
        Renders.of(repo, "kube-generate.yaml").stream()
            .filter(f -> f.path().value().equals(PATH))
            .findFirst()
            .orElseThrow();
    List<String> reads = new ArrayList<>(today.inputs().reads());
    assertTrue(reads.remove("image"));
    String body = Marker.body(today.content());
    older = body.replaceFirst("\n    team: shop\n", "\n    team: shop\n    release: old\n");
    assertTrue(!older.equals(body));
    Files.writeString(
        repo.resolve(PATH),
        Marker.wrap("kube-generate.yaml", "worker", older, today.inputs().over(reads), reads));
  }

  @Test
  void sameValuesOfTheRecordedKeys_isOutdated_evenThoughTodaysRenderReadsMore() {
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out());
    assertEquals("outdated", status(check), check.out());
  }

  @Test
  void aKeyTheRenderDidNotRead_changesNothing() throws Exception {
    // the image is not among the recorded keys; the mailer's command is another entry's
    edit("image: ghcr.io/example/mailer:2.0.0", "image: ghcr.io/example/mailer:2.0.1");
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals("outdated", status(check), check.out());
  }

  @Test
  void aRecordedKeyChanged_isStale() throws Exception {
    edit("command: [bin/jobs]", "command: [bin/jobs, --fast]");
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(1, check.exit(), check.out());
    assertEquals("stale", status(check), check.out());
  }

  @Test
  void aRecordedKeySetToNull_isStale() throws Exception {
    edit("command: [bin/jobs]", "command: [bin/jobs]\n      labels: null");
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals("stale", status(check), check.out());
  }

  /** The status the text report's table gives the file. */
  private static String status(CliRunner.Result check) {
    return check
        .out()
        .lines()
        .filter(line -> line.contains(" " + PATH + " "))
        .map(line -> line.split(" +")[0])
        .findFirst()
        .orElse("none");
  }

  private void edit(String from, String to) throws Exception {
    Path config = repo.resolve("kube-generate.yaml");
    Files.writeString(config, Files.readString(config).replace(from, to));
  }
}
