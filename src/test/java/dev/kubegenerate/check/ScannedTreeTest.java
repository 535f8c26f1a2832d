package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder is listed from the search only when the search has walked all of it. */
class ScannedTreeTest {

  private static final Path ROOT = Path.of("/repo").toAbsolutePath();

  @TempDir Path dir;

  private BasicFileAttributes regular() throws Exception {
    Path f = Files.writeString(dir.resolve("f.yaml"), "x: 1\n");
    return Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static Optional<List<String>> below(ScannedTree tree, String folder) {
    return tree.below(ROOT, ManifestPath.of(folder)).map(m -> List.copyOf(m.keySet()));
  }

  @Test
  void below_onlyAFolderWalkedWhole_withNothingOfItsLookAlikes() throws Exception {
    ScannedTree tree = ScannedTree.empty(ROOT);
    BasicFileAttributes file = regular();
    tree.file("out/a.yaml", "a.yaml", file);
    tree.file("out/qa/b.yml", "b.yml", file);
    tree.file("out/README.md", "README.md", file);
    tree.file("out/.c.yaml.12.kube-generate.tmp", ".c.yaml.12.kube-generate.tmp", file);
    // siblings whose names start like the folder's: '-' and '.' sort before '/', '0' after
    tree.file("out-x/d.yaml", "d.yaml", file);
    tree.file("out.d/e.yaml", "e.yaml", file);
    tree.file("out0/f.yaml", "f.yaml", file);
    // not walked yet: the search may still be adding files below it
    assertEquals(Optional.empty(), below(tree, "out"));
    tree.walked("out/qa");
    tree.walked("out");
    assertEquals(
        Optional.of(List.of("out/.c.yaml.12.kube-generate.tmp", "out/a.yaml", "out/qa/b.yml")),
        below(tree, "out"));
    assertEquals(Optional.of(List.of("out/qa/b.yml")), below(tree, "out/qa"));
    assertEquals(Optional.empty(), below(tree, "out-x"));
  }

  @Test
  void below_aFolderWithASkippedOneInside_isWalkedFromDisk() throws Exception {
    ScannedTree tree = ScannedTree.empty(ROOT);
    tree.file("out/qa/a.yaml", "a.yaml", regular());
    tree.skipped("out/qa/build");
    tree.walked("out/qa");
    tree.walked("out");
    tree.walked("other");
    assertEquals(Optional.empty(), below(tree, "out"));
    assertEquals(Optional.empty(), below(tree, "out/qa"));
    assertEquals(Optional.of(List.of()), below(tree, "other"));
  }

  @Test
  void below_anotherRoot_isWalkedFromDisk() throws Exception {
    ScannedTree tree = ScannedTree.empty(ROOT);
    tree.file("out/a.yaml", "a.yaml", regular());
    tree.walked("out");
    assertEquals(Optional.empty(), tree.below(ROOT.resolve("apps"), ManifestPath.of("out")));
  }

  @Test
  void below_pastTheLimit_foldersLeftAfterwardAreWalkedFromDisk() throws Exception {
    ScannedTree tree = ScannedTree.empty(ROOT);
    BasicFileAttributes file = regular();
    tree.file("early/a.yaml", "a.yaml", file);
    tree.walked("early");
    for (int i = 0; i < ScannedTree.MAX_ENTRIES; i++) {
      tree.file("late/f" + i + ".yaml", "f" + i + ".yaml", file);
    }
    tree.walked("late");
    assertEquals(Optional.of(List.of("early/a.yaml")), below(tree, "early"));
    assertEquals(Optional.empty(), below(tree, "late"));
  }

  @Test
  void below_none_knowsNothing() throws Exception {
    ScannedTree tree = ScannedTree.none();
    tree.file("out/a.yaml", "a.yaml", regular());
    tree.walked("out");
    assertEquals(Optional.empty(), below(tree, "out"));
  }
}
