package dev.kubegenerate.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged files are not writes: what an update staged, config by config, is removed with the folders
 * made for it when the update stops, and nothing is staged after that.
 */
class StagingTest {

  @TempDir Path repo;

  private static UpdatePlan writes(String... pathsAndTexts) {
    Map<ManifestPath, String> w = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      w.put(ManifestPath.of(pathsAndTexts[i]), pathsAndTexts[i + 1]);
    }
    return new UpdatePlan(w, List.of(), Map.of(), List.of());
  }

  /** Every file and folder below the repository, by relative path, files with their text. */
  private TreeSet<String> tree() throws Exception {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> all = Files.walk(repo)) {
      for (Path p : all.toList()) {
        out.add(repo.relativize(p) + (Files.isRegularFile(p) ? " = " + Files.readString(p) : "/"));
      }
    }
    return out;
  }

  @Test
  void discard_removesStagedFilesAndTheFoldersMadeForThem() throws Exception {
    Files.createDirectories(repo.resolve("apps/a/kubernetes/qa"));
    Files.writeString(repo.resolve("apps/a/kubernetes/qa/web.yaml"), "old\n");
    TreeSet<String> before = tree();
    Staging staging = new AtomicWriter(repo, Optional.empty()).staging();
    UpdatePlan first =
        writes("apps/a/kubernetes/qa/web.yaml", "new\n", "apps/a/kubernetes/prod/web.yaml", "p\n");
    UpdatePlan second = writes("apps/b/kubernetes/qa/web.yaml", "b\n");
    assertEquals(List.of(), staging.check(first));
    staging.stage(first);
    staging.stage(second);
    assertTrue(
        Files.exists(
            staging.temporaryOf(ManifestPath.of("apps/b/kubernetes/qa/web.yaml")).resolveIn(repo)),
        "staged beside its target");

    staging.discard();

    assertEquals(before, tree(), "no staged file, no folder made for one, the old file as it was");
    InputException late =
        assertThrows(
            InputException.class, () -> staging.stage(writes("apps/c/kubernetes/x.yaml", "c\n")));
    assertTrue(late.problems().get(0).message().contains("stopped"), late.problems().toString());
    assertEquals(before, tree(), "nothing staged once discarded");
  }

  @Test
  void commit_renamesWhatWasStaged_andADiscardAfterItChangesNothing() throws Exception {
    AtomicWriter writer = new AtomicWriter(repo, Optional.empty());
    Staging staging = writer.staging();
    UpdatePlan plan = writes("apps/a/kubernetes/qa/web.yaml", "new\n");
    staging.stage(plan);

    writer.commit(
        staging, List.of(new AtomicWriter.Changes(List.copyOf(plan.writes().keySet()), List.of())));
    staging.discard();

    assertEquals(
        new TreeSet<>(
            List.of(
                "/",
                "apps/",
                "apps/a/",
                "apps/a/kubernetes/",
                "apps/a/kubernetes/qa/",
                "apps/a/kubernetes/qa/web.yaml = new\n")),
        tree());
  }
}
