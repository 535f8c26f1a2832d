package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.UpdateRun;
import dev.kubegenerate.github.Regeneration;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.update.ConfigChanges;
import dev.kubegenerate.update.UpdatePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place autofix learns what {@code --update} would write: the update's own plans. */
final class Regenerations {

  private Regenerations() {}

  /**
   * What {@code kube-generate --update} would write and delete for {@code run}, writing nothing.
   */
  static Regeneration of(ProjectRun run) throws InputException {
    UpdateRun.Plans plans = UpdateRun.plan(run.request(), Progress.NONE);
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    List<ManifestPath> deletes = new ArrayList<>();
    for (UpdatePlan plan : plans.plans()) {
      writes.putAll(plan.writes());
      deletes.addAll(plan.deletes());
    }
    return new Regeneration(
        writes, deletes, plans.configs().stream().map(ConfigChanges::outputDir).toList());
  }
}
