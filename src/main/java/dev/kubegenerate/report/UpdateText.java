package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.update.ConfigChanges;
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
  public static String written(List<ConfigChanges> configs, List<ObjectImpact> impact) {
    StringBuilder out = new StringBuilder();
    Map<ManifestPath, List<ObjectImpact>> byPath = ImpactText.byFile(impact);
    for (ConfigChanges plan : configs) {
      out.append("Generate manifests by using ").append(plan.config()).append('\n');
      plan.writes().forEach(p -> out.append("  ").append(p).append('\n').append(lines(byPath, p)));
      plan.deletes()
          .forEach(p -> out.append("  ").append(p).append(" (deleted)\n").append(lines(byPath, p)));
    }
    return out.toString();
  }

  private static String lines(Map<ManifestPath, List<ObjectImpact>> byPath, ManifestPath path) {
    return ImpactText.lines(byPath.getOrDefault(path, List.of()), "    ");
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
