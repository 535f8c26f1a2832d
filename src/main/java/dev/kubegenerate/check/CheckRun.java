package dev.kubegenerate.check;

import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.FailOn;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.objects.Impacts;
import dev.kubegenerate.update.UpdateJournal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kube-generate check}: every config through the pipeline, every committed file validated,
 * and one report of every file of every output folder.
 */
public final class CheckRun {

  private CheckRun() {}

  /**
   * The report of a run; input that could not be checked at all is a report with errors only.
   *
   * @param fixCommand the command that fixes every finding, as the reports show it
   */
  public static Report run(
      RunRequest request, FailOn failOn, String fixCommand, Progress progress) {
    List<ConfigOutcome> outcomes;
    try {
      outcomes = EachConfig.run(request, true, progress);
    } catch (dev.kubegenerate.model.InputException e) {
      return failed(e.problems(), failOn, fixCommand);
    }
    List<FileResult> files = new ArrayList<>();
    List<ManifestPath> temporaries = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    for (ConfigOutcome outcome : outcomes) {
      outcome.files().stream().map(Classified::result).forEach(files::add);
      temporaries.addAll(outcome.temporaries());
      errors.addAll(outcome.unlisted());
    }
    errors.addAll(new UpdateJournal(request.root(), request.journal()).leftoversFound(temporaries));
    files.sort(Comparator.comparing(FileResult::path));
    return new Report(noticeOncePerKind(files), errors, failOn, fixCommand);
  }

  /**
   * The report with what merging the regeneration of its {@code stale} and {@code outdated} files
   * would do, object by object (SPEC §8.4): the files the scheduled update or the fix rewrites
   * without a person's judgement (hand edits are the person's to explain).
   */
  public static Report withImpact(Report report) {
    List<FileResult> regenerated =
        report.files().stream()
            .filter(f -> f.status() == Status.STALE || f.status() == Status.OUTDATED)
            .toList();
    return regenerated.isEmpty() ? report : report.withImpact(Impacts.of(regenerated));
  }

  /** A report for input that could not be checked at all. */
  public static Report failed(List<Problem> errors, FailOn failOn, String fixCommand) {
    return new Report(List.of(), errors, failOn, fixCommand);
  }

  /** A custom resource kind without a schema is told once, on the first file that uses it. */
  private static List<FileResult> noticeOncePerKind(List<FileResult> files) {
    Set<String> told = new HashSet<>();
    List<FileResult> out = new ArrayList<>(files.size());
    for (FileResult f : files) {
      if (f.violations().isEmpty()) {
        out.add(f);
        continue;
      }
      List<Violation> kept =
          f.violations().stream()
              .filter(v -> v.rule() != Violation.Rule.NO_SCHEMA || told.add(v.message()))
              .toList();
      out.add(kept.size() == f.violations().size() ? f : f.withViolations(kept));
    }
    return out;
  }
}
