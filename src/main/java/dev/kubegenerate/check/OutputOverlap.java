package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** Two configs may not own the same output folder, or one inside the other. */
final class OutputOverlap {

  private OutputOverlap() {}

  static List<Problem> find(List<Config> configs) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      for (int j = i + 1; j < configs.size(); j++) {
        Config a = configs.get(i);
        Config b = configs.get(j);
        if (a.outputDir().startsWith(b.outputDir()) || b.outputDir().startsWith(a.outputDir())) {
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
      }
    }
    return problems;
  }
}
