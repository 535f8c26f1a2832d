package dev.kubegenerate.report;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.update.UpdatePlan;
import java.util.List;

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
   * deleted followed by {@code (deleted)}.
   */
  public static String written(List<Config> configs, List<UpdatePlan> plans) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < plans.size(); i++) {
      out.append("Generate manifests by using ").append(configs.get(i).shownAs()).append('\n');
      UpdatePlan plan = plans.get(i);
      plan.writes().keySet().forEach(p -> out.append("  ").append(p).append('\n'));
      plan.deletes().forEach(p -> out.append("  ").append(p).append(" (deleted)\n"));
    }
    return out.toString();
  }
}
