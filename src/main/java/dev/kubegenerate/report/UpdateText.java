package dev.kubegenerate.report;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.update.UpdatePlan;
import java.util.List;
import java.util.Map;

/** What {@code kube-generate} prints: the diff of what {@code --update} would change, or did. */
public final class UpdateText {

  private UpdateText() {}

  /** The unified diff of every file an update would write or delete, Secret values masked. */
  public static String diffs(List<FileResult> changed) {
    StringBuilder out = new StringBuilder();
    for (FileResult file : changed) {
      file.diff().ifPresent(out::append);
    }
    return out.toString();
  }

  /**
   * {@code Generate manifests by using <config>} per config, then each path written, and each path
   * deleted followed by {@code (deleted)}; after each path, a line per object it changes.
   */
  public static String written(
      List<Config> configs, List<UpdatePlan> plans, List<ObjectImpact> impact) {
    StringBuilder out = new StringBuilder();
    // grouped once: a release rewrites thousands of files, each with its objects
    Map<ManifestPath, List<ObjectImpact>> byFile = ImpactText.byFile(impact);
    for (int i = 0; i < plans.size(); i++) {
      out.append("Generate manifests by using ").append(configs.get(i).shownAs()).append('\n');
      UpdatePlan plan = plans.get(i);
      for (ManifestPath p : plan.writes().keySet()) {
        out.append("  ").append(p).append('\n');
        out.append(ImpactText.lines(byFile.getOrDefault(p, List.of()), "    "));
      }
      for (ManifestPath p : plan.deletes()) {
        out.append("  ").append(p).append(" (deleted)\n");
        out.append(ImpactText.lines(byFile.getOrDefault(p, List.of()), "    "));
      }
    }
    return out.toString();
  }

  /**
   * What the diff mode says after the diff, on the error stream: the objects each file would
   * change, then how to write them.
   */
  public static String outOfDate(List<ObjectImpact> impact, String fixCommand) {
    return (impact.isEmpty() ? "" : "Objects that change:\n" + ImpactText.underPaths(impact))
        + "Manifests are out of date; run `"
        + fixCommand
        + "` to write them.\n";
  }
}
