package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.ManifestPath;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Overlapping output folders, found by looking folders up, against comparing every pair. */
class OutputOverlapTest {

  /** Folders from few segments, so that equal, nested and look-alike ({@code a-b}) ones occur. */
  @Provide
  Arbitrary<List<ManifestPath>> folders() {
    Arbitrary<String> folder =
        Arbitraries.of("a", "b", "a-b", "ab", "a.b")
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(segments -> String.join("/", segments));
    return folder.map(ManifestPath::of).list().ofMaxSize(12);
  }

  @Property(tries = 1000)
  void overlapping_findsEveryPairThatComparingAllPairsFinds(
      @ForAll("folders") List<ManifestPath> folders) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      for (int j = i + 1; j < folders.size(); j++) {
        if (folders.get(i).startsWith(folders.get(j))
            || folders.get(j).startsWith(folders.get(i))) {
          expected.add(i + "," + j);
        }
      }
    }
    assertEquals(
        expected, OutputOverlap.overlapping(folders).stream().map(p -> p[0] + "," + p[1]).toList());
  }

  @Test
  void overlapping_equalAndNestedFoldersButNotLookAlikes() {
    List<ManifestPath> folders =
        List.of(
            ManifestPath.of("apps/web/kubernetes"),
            ManifestPath.of("apps/web-api/kubernetes"),
            ManifestPath.of("apps/web"),
            ManifestPath.of("apps/web/kubernetes"));
    assertEquals(
        List.of("0,2", "0,3", "2,3"),
        OutputOverlap.overlapping(folders).stream().map(p -> p[0] + "," + p[1]).toList());
  }
}
