package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Two configs may not own the same output folder, or one inside the other. */
final class OutputOverlap {

  private OutputOverlap() {}

  /**
   * A config's output folder, all this check needs of it: a run of thousands of configs need not
   * hold each config (with its YAML nodes) to its end for it.
   *
   * @param config the config as messages name it
   * @param outputDir its output folder
   */
  record Folder(String config, ManifestPath outputDir) {

    static Folder of(Config config) {
      return new Folder(config.shownAs(), config.outputDir());
    }
  }

  /** One problem per overlapping pair, in config order. */
  static List<Problem> find(List<Folder> configs) {
    List<Problem> problems = new ArrayList<>();
    for (int[] pair : overlapping(configs.stream().map(Folder::outputDir).toList())) {
      Folder a = configs.get(pair[0]);
      Folder b = configs.get(pair[1]);
      problems.add(
          Problem.of(
              b.config(),
              "output folder "
                  + b.outputDir()
                  + " overlaps "
                  + a.outputDir()
                  + " of "
                  + a.config()
                  + "; give each config its own outputDir"));
    }
    return problems;
  }

  /**
   * The pairs {@code [i, j]}, {@code i < j}, whose folders are equal or one lies below the other,
   * ordered by i then j. Each folder is looked up with the folders it lies below instead of
   * compared with every other: a monorepo has a config per app, and comparing all pairs was half a
   * million comparisons on the main thread at 1,000 apps.
   */
  static List<int[]> overlapping(List<ManifestPath> folders) {
    Map<String, List<Integer>> byFolder = new HashMap<>();
    for (int i = 0; i < folders.size(); i++) {
      byFolder.computeIfAbsent(folders.get(i).value(), k -> new ArrayList<>()).add(i);
    }
    // as i * n + j, so that the natural order is by i then j
    TreeSet<Long> pairs = new TreeSet<>();
    long n = folders.size();
    for (int k = 0; k < folders.size(); k++) {
      String folder = folders.get(k).value();
      // each folder that this one lies below (up to each '/'), then the folder itself
      for (int end = folder.indexOf('/'); ; end = folder.indexOf('/', end + 1)) {
        String enclosing = end < 0 ? folder : folder.substring(0, end);
        for (int m : byFolder.getOrDefault(enclosing, List.of())) {
          if (m != k) {
            pairs.add(Math.min(k, m) * n + Math.max(k, m));
          }
        }
        if (end < 0) {
          break;
        }
      }
    }
    List<int[]> out = new ArrayList<>(pairs.size());
    pairs.forEach(p -> out.add(new int[] {(int) (p / n), (int) (p % n)}));
    return out;
  }
}
