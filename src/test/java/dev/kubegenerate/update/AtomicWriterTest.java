package dev.kubegenerate.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --update} writes all or nothing, and never through a symbolic link. */
class AtomicWriterTest {

  @TempDir Path repo;
  @TempDir Path outside;

  private static UpdatePlan writes(String... pathsAndTexts) {
    Map<ManifestPath, String> w = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      w.put(ManifestPath.of(pathsAndTexts[i]), pathsAndTexts[i + 1]);
    }
    return new UpdatePlan(w, List.of(), Map.of(), List.of());
  }

  @Test
  void apply_writesEveryFileAndLeavesNoTemporaryFile() throws Exception {
    new AtomicWriter(repo, java.util.Optional.empty())
        .apply(
            List.of(writes("kubernetes/qa/a.yaml", "a: 1\n", "kubernetes/prod/b.yaml", "b: 2\n")));
    assertEquals("a: 1\n", Files.readString(repo.resolve("kubernetes/qa/a.yaml")));
    assertEquals("b: 2\n", Files.readString(repo.resolve("kubernetes/prod/b.yaml")));
    try (Stream<Path> s = Files.walk(repo)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void apply_refusesASymlinkLeavingTheRepositoryAndWritesNothing() throws Exception {
    Files.createDirectories(repo.resolve("kubernetes"));
    Files.createSymbolicLink(repo.resolve("kubernetes/prod"), outside);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new AtomicWriter(repo, java.util.Optional.empty())
                    .apply(
                        List.of(
                            writes(
                                "kubernetes/qa/a.yaml",
                                "a: 1\n",
                                "kubernetes/prod/b.yaml",
                                "b: 2\n"))));
    assertEquals(
        "kubernetes/prod/b.yaml: refusing to write through the symbolic link kubernetes/prod; nothing was changed",
        e.problems().get(0).format());
    assertFalse(
        Files.exists(repo.resolve("kubernetes/qa")),
        "the first file must not have been written either");
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void apply_refusesToReplaceASymlinkedFile() throws Exception {
    Files.createDirectories(repo.resolve("kubernetes/qa"));
    Path target = outside.resolve("passwd");
    Files.writeString(target, "root:x:0:0\n");
    Files.createSymbolicLink(repo.resolve("kubernetes/qa/a.yaml"), target);
    assertThrows(
        InputException.class,
        () ->
            new AtomicWriter(repo, java.util.Optional.empty())
                .apply(List.of(writes("kubernetes/qa/a.yaml", "a: 1\n"))));
    assertEquals("root:x:0:0\n", Files.readString(target));
  }

  @Test
  void apply_failureWhileStagingLeavesTheTreeUntouched() throws Exception {
    Files.createDirectories(repo.resolve("kubernetes"));
    // a regular file where a folder is needed makes the second write fail
    Files.writeString(repo.resolve("kubernetes/prod"), "not a folder");
    Files.createDirectories(repo.resolve("kubernetes/qa"));
    Files.writeString(repo.resolve("kubernetes/qa/a.yaml"), "old\n");
    assertThrows(
        InputException.class,
        () ->
            new AtomicWriter(repo, java.util.Optional.empty())
                .apply(
                    List.of(
                        writes(
                            "kubernetes/qa/a.yaml", "new\n", "kubernetes/prod/b.yaml", "b: 2\n"))));
    assertEquals("old\n", Files.readString(repo.resolve("kubernetes/qa/a.yaml")));
    try (Stream<Path> s = Files.list(repo.resolve("kubernetes/qa"))) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void apply_asRoot_givesNewFilesAndFoldersTheOwnerAndGroupOfTheFolderWorkedIn() throws Exception {
    // the action's container runs as root in a workspace owned by the runner's user
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "root".equals(Files.getOwner(Files.createTempFile(outside, "who", "")).getName()),
        "only root can give files away");
    var lookup = repo.getFileSystem().getUserPrincipalLookupService();
    Files.getFileAttributeView(repo, java.nio.file.attribute.PosixFileAttributeView.class)
        .setOwner(lookup.lookupPrincipalByName("1234"));
    Files.getFileAttributeView(repo, java.nio.file.attribute.PosixFileAttributeView.class)
        .setGroup(lookup.lookupPrincipalByGroupName("2345"));
    Files.createDirectories(repo.resolve("kubernetes/qa"));
    Files.writeString(repo.resolve("kubernetes/qa/a.yaml"), "a: 0\n");

    new AtomicWriter(repo, java.util.Optional.empty())
        .apply(
            List.of(writes("kubernetes/qa/a.yaml", "a: 1\n", "kubernetes/prod/b.yaml", "b: 2\n")));

    for (String p : List.of("kubernetes/qa/a.yaml", "kubernetes/prod", "kubernetes/prod/b.yaml")) {
      assertEquals(1234, Files.getAttribute(repo.resolve(p), "unix:uid"), p);
      assertEquals(2345, Files.getAttribute(repo.resolve(p), "unix:gid"), p);
    }
  }
}
