package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run beside the start-up preload gives the run's own verdict. */
class PreloadTest {

  /** A run beside the preload writes nothing more, and a broken config gets its located error. */
  @Test
  void aRunBesideThePreloadWritesAndReportsOnlyItsOwn(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), "generates:\n  - nope: {}\n");
    Preload.startFor("check");
    CliRunner.Result run = CliRunner.run(repo, "check");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("kube-generate.yaml:2:5: unknown template \"nope\""), run.err());
    try (var files = Files.list(repo)) {
      assertEquals(List.of(repo.resolve("kube-generate.yaml")), files.toList());
    }
  }
}
