package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.objects.Impacts;
import dev.kubegenerate.update.AtomicWriter;
import dev.kubegenerate.update.UpdateJournal;
import dev.kubegenerate.update.UpdatePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kube-generate [--update]}: every config through the pipeline, an {@link UpdatePlan} of
 * each derived from its verdicts, and either the plans applied all at once or their diff shown.
 */
public final class UpdateRun {

  private UpdateRun() {}

  /**
   * What an update changes.
   *
   * @param configs the configs, in path order
   * @param plans each config's plan, same order
   * @param changed the verdict on every file a plan writes or deletes, in plan order: writes in
   *     render order, then deletions
   * @param finishedSteps the steps of an interrupted update this run finished first (0: none)
   * @param impact what the writes and deletions do to each object (SPEC §8.4)
   */
  public record Plans(
      List<Config> configs,
      List<UpdatePlan> plans,
      List<FileResult> changed,
      int finishedSteps,
      List<ObjectImpact> impact) {

    public Plans {
      configs = List.copyOf(configs);
      plans = List.copyOf(plans);
      changed = List.copyOf(changed);
      impact = List.copyOf(impact);
    }

    /** Whether nothing is to be written or deleted. */
    public boolean changesNothing() {
      return plans.stream().allMatch(UpdatePlan::changesNothing);
    }
  }

  /**
   * What {@code --update} would change, writing nothing: the diff mode. A tree between two updates
   * (a journal, or temporary files one left) is refused: {@code --update} finishes it.
   */
  public static Plans plan(RunRequest request, Progress progress) throws InputException {
    List<ConfigOutcome> outcomes = EachConfig.run(request, false, progress);
    List<ManifestPath> outputDirs =
        EachConfig.configs(outcomes).stream().map(Config::outputDir).toList();
    List<Problem> leftovers =
        new UpdateJournal(request.root(), request.journal()).leftovers(outputDirs);
    if (!leftovers.isEmpty()) {
      throw new InputException(leftovers);
    }
    return plans(outcomes, 0);
  }

  /**
   * Finishes an interrupted update, then writes and deletes what every config's plan says, all or
   * nothing.
   *
   * @param pauseBetweenSteps a pause between renames, for the test that kills a run half-way
   */
  public static Plans apply(RunRequest request, Progress progress, Duration pauseBetweenSteps)
      throws InputException {
    List<ConfigOutcome> outcomes = EachConfig.run(request, false, progress);
    // the configs' output folders bound what an interrupted update's journal may touch
    List<ManifestPath> outputDirs =
        EachConfig.configs(outcomes).stream().map(Config::outputDir).toList();
    AtomicWriter writer = new AtomicWriter(request.root(), request.journal(), pauseBetweenSteps);
    int finished = writer.finishInterrupted(outputDirs);
    if (finished > 0) {
      // the journal's steps changed committed files: classify them again (rare: after a kill)
      outcomes = EachConfig.run(request, false, Progress.NONE);
    }
    Plans plans = plans(outcomes, finished);
    writer.apply(plans.plans());
    return plans;
  }

  private static Plans plans(List<ConfigOutcome> outcomes, int finishedSteps)
      throws InputException {
    List<Problem> problems = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    List<UpdatePlan> plans = new ArrayList<>();
    List<FileResult> changed = new ArrayList<>();
    for (ConfigOutcome outcome : outcomes) {
      Config config = outcome.config().orElseThrow();
      if (!outcome.unlisted().isEmpty()) {
        problems.addAll(outcome.unlisted());
        continue;
      }
      try {
        UpdatePlan plan = UpdatePlan.of(config, outcome.files());
        configs.add(config);
        plans.add(plan);
        Map<ManifestPath, FileResult> byPath = new HashMap<>();
        outcome.files().forEach(c -> byPath.put(c.result().path(), c.result()));
        plan.writes().keySet().forEach(p -> changed.add(withDiff(byPath.get(p))));
        plan.deletes().forEach(p -> changed.add(byPath.get(p)));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Plans(configs, plans, changed, finishedSteps, Impacts.of(changed));
  }

  /**
   * A file the update writes, with its diff: the check shows none for a file whose only difference
   * is its marker lines (it is up to date), the diff mode does.
   */
  private static FileResult withDiff(FileResult file) {
    if (file.diff().isPresent() || file.status() != dev.kubegenerate.model.Status.OK) {
      return file;
    }
    var diff =
        dev.kubegenerate.diff.TextDiff.compute(
            file.path(), file.committed(), file.rendered(), dev.kubegenerate.diff.SecretMask::mask);
    return new FileResult(
        file.path(),
        file.status(),
        file.config(),
        file.template(),
        file.cluster(),
        file.committed(),
        file.rendered(),
        diff.differs() ? java.util.Optional.of(diff.unified()) : java.util.Optional.empty(),
        diff.lines(),
        file.annotationLine(),
        file.violations());
  }
}
