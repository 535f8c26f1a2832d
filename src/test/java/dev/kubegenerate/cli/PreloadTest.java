package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up preload does its work, and a run beside it gives the run's own verdict. */
class PreloadTest {

  /**
   * The bundled sample renders without a problem: a template change that broke it would make the
   * preload stop at its first step, silently, and every run start cold again.
   */
  @Test
  void theBundledSampleRendersEveryFileWithTheBuiltInLibrary() throws Exception {
    int files = Preload.renderSample();
    assertTrue(files >= 10, "rendered " + files + " files");
  }

  /** The preload's own render writes nothing, and a broken config still gets its located error. */
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
    assertTrue(Files.notExists(Path.of("kube-generate-preload")), "the preload wrote its folder");
  }
}
