package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.diff.SecretMask;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.objects.Impacts;
import dev.kubegenerate.update.AtomicWriter;
import dev.kubegenerate.update.ConfigChanges;
import dev.kubegenerate.update.UpdateJournal;
import dev.kubegenerate.update.UpdatePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kube-generate [--update]}: every config through the pipeline, an {@link UpdatePlan} of
 * each derived from its verdicts, and either the plans applied all at once ({@link StagedUpdate})
 * or their diff shown.
 */
public final class UpdateRun {

  private UpdateRun() {}

  /**
   * What an update changes.
   *
   * @param configs what each config's plan writes and deletes, configs in path order
   * @param plans each config's plan with its texts, same order; in the diff mode only: an update
   *     writes the texts as it goes and keeps none
   * @param changed the verdict on every file a plan writes or deletes, in plan order: writes in
   *     render order, then deletions; in the diff mode only
   * @param finishedSteps the steps of an interrupted update this run finished first (0: none)
   * @param impact what the writes and deletions do to each object (SPEC §8.4)
   */
  public record Plans(
      List<ConfigChanges> configs,
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
      return configs.stream().allMatch(ConfigChanges::changesNothing);
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
    return plans(outcomes);
  }

  /**
   * Finishes an interrupted update, then writes and deletes what every config's plan says, all or
   * nothing.
   *
   * @param pauseBetweenSteps a pause between renames, for the test that kills a run half-way
   */
  public static Plans apply(RunRequest request, Progress progress, Duration pauseBetweenSteps)
      throws InputException {
    return StagedUpdate.run(
        request, progress, new AtomicWriter(request.root(), request.journal(), pauseBetweenSteps));
  }

  private static Plans plans(List<ConfigOutcome> outcomes) throws InputException {
    List<Problem> problems = new ArrayList<>();
    List<ConfigChanges> configs = new ArrayList<>();
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
        configs.add(ConfigChanges.of(config, plan));
        plans.add(plan);
        StagedConfig.changed(plan, outcome.files()).forEach(f -> changed.add(withDiff(f)));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Plans(configs, plans, changed, 0, Impacts.of(changed));
  }

  /**
   * A file the update writes, with its diff: the check shows none for a file whose only difference
   * is its marker lines (it is up to date), the diff mode does.
   */
  private static FileResult withDiff(FileResult file) {
    if (file.diff().isPresent() || file.status() != Status.OK) {
      return file;
    }
    var diff = TextDiff.compute(file.path(), file.committed(), file.rendered(), SecretMask::mask);
    return new FileResult(
        file.path(),
        file.status(),
        file.config(),
        file.template(),
        file.cluster(),
        file.committed(),
        file.rendered(),
        diff.differs() ? Optional.of(diff.unified()) : Optional.empty(),
        diff.lines(),
        file.annotationLine(),
        file.violations(),
        List.of());
  }
}
