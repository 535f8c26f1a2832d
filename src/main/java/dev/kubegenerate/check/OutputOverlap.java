package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Two configs may not own the same output folder, or one inside the other. */
final class OutputOverlap {

  private OutputOverlap() {}

  /**
   * One problem for each overlapping pair, on the later config of the pair, in config order.
   *
   * <p>Sorted by folder with a {@code /} appended, every folder inside another (or equal to it)
   * follows it directly, so only neighbours are compared: a thousand configs are not half a million
   * pairs (issue 13).
   */
  static List<Problem> find(List<Config> configs) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> configs.get(i).outputDir().value() + "/"));
    List<int[]> pairs = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      String outer = configs.get(order.get(k)).outputDir().value() + "/";
      for (int m = k + 1; m < order.size(); m++) {
        if (!(configs.get(order.get(m)).outputDir().value() + "/").startsWith(outer)) {
          break;
        }
        int i = order.get(k);
        int j = order.get(m);
        pairs.add(new int[] {Math.min(i, j), Math.max(i, j)});
      }
    }
    pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    List<Problem> problems = new ArrayList<>();
    for (int[] pair : pairs) {
      Config a = configs.get(pair[0]);
      Config b = configs.get(pair[1]);
      problems.add(
          Problem.of(
              b.shownAs(),
              "output folder "
                  + b.outputDir()
                  + " overlaps "
                  + a.outputDir()
                  + " of "
                  + a.shownAs()
                  + "; give each config its own outputDir"));
    }
    return problems;
  }
}
