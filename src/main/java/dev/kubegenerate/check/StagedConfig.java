package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.objects.ImpactPart;
import dev.kubegenerate.update.ConfigChanges;
import dev.kubegenerate.update.Staging;
import dev.kubegenerate.update.UpdatePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One config of an {@code --update} after its pipeline: its plan checked and its new files staged
 * beside their targets, and all the update keeps of it until the renames: paths, warnings and the
 * impact, not the texts.
 *
 * @param changes what the config's plan writes and deletes; empty when it has no plan
 * @param impact what the plan does to each object
 * @param temporaries the temporary files an interrupted update left in its output folder
 * @param refused why there is no plan (files that cannot be listed or replaced): the update stops
 * @param blocked what would stop the update half-way in this plan (links, folders in the way): the
 *     update stops
 * @param unstaged why its files could not be staged: the update stops
 */
record StagedConfig(
    Optional<ConfigChanges> changes,
    ImpactPart impact,
    List<ManifestPath> temporaries,
    List<Problem> refused,
    List<Problem> blocked,
    List<Problem> unstaged) {

  StagedConfig {
    temporaries = List.copyOf(temporaries);
    refused = List.copyOf(refused);
    blocked = List.copyOf(blocked);
    unstaged = List.copyOf(unstaged);
  }

  /**
   * Plans, checks and stages one config's outcome.
   *
   * @param stopping set once any config fails: later configs are still planned and checked, so
   *     every problem is told, but stage nothing more, as the update will not happen
   */
  static StagedConfig of(ConfigOutcome outcome, Staging staging, AtomicBoolean stopping) {
    ImpactPart none = ImpactPart.of(List.of());
    if (outcome.config().isEmpty() || !outcome.errors().isEmpty()) {
      stopping.set(true);
      return new StagedConfig(Optional.empty(), none, List.of(), List.of(), List.of(), List.of());
    }
    Config config = outcome.config().get();
    if (!outcome.unlisted().isEmpty()) {
      stopping.set(true);
      return new StagedConfig(
          Optional.empty(), none, outcome.temporaries(), outcome.unlisted(), List.of(), List.of());
    }
    UpdatePlan plan;
    try {
      plan = UpdatePlan.of(config, outcome.files());
    } catch (InputException e) {
      stopping.set(true);
      return new StagedConfig(
          Optional.empty(), none, outcome.temporaries(), e.problems(), List.of(), List.of());
    }
    List<Problem> blocked = staging.check(plan);
    List<Problem> unstaged = List.of();
    if (blocked.isEmpty() && !stopping.get()) {
      try {
        staging.stage(plan);
      } catch (InputException e) {
        unstaged = e.problems();
      }
    }
    if (!blocked.isEmpty() || !unstaged.isEmpty()) {
      stopping.set(true);
    }
    return new StagedConfig(
        Optional.of(ConfigChanges.of(config, plan)),
        // read while the texts are here; nobody asks for it once the update stops
        stopping.get() ? none : ImpactPart.of(changed(plan, outcome.files())),
        outcome.temporaries(),
        List.of(),
        blocked,
        unstaged);
  }

  /**
   * The verdict on every file the plan writes or deletes, in plan order: writes in render order,
   * then deletions.
   */
  static List<FileResult> changed(UpdatePlan plan, List<Classified> files) {
    Map<ManifestPath, FileResult> byPath = new HashMap<>();
    files.forEach(c -> byPath.put(c.result().path(), c.result()));
    List<FileResult> changed = new ArrayList<>();
    plan.writes().keySet().forEach(p -> changed.add(byPath.get(p)));
    plan.deletes().forEach(p -> changed.add(byPath.get(p)));
    return changed;
  }
}
