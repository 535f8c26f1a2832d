package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import dev.kubegenerate.check.Project;
import dev.kubegenerate.check.UpdatePlan;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.github.Regeneration;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place autofix learns what {@code --update} would write: the update's own plans. */
final class Regenerations {

  private Regenerations() {}

  /** What {@code kube-generate --update} would write and delete for {@code run}. */
  static Regeneration of(ProjectRun run) throws InputException {
    Project project = run.load(Progress.NONE);
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    List<ManifestPath> deletes = new ArrayList<>();
    for (UpdatePlan plan : UpdatePlan.all(run.root(), project)) {
      writes.putAll(plan.writes());
      deletes.addAll(plan.deletes());
    }
    return new Regeneration(
        writes, deletes, project.configs().stream().map(Config::outputDir).toList());
  }
}
