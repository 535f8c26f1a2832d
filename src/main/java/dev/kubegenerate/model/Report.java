package dev.kubegenerate.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable result of one check run; every output format is a pure function of it.
 *
 * @param files every manifest file, sorted by path
 * @param errors why the input could not be checked; non-empty means result {@code error}
 * @param failOn the statuses that fail the check, the rest only warn
 * @param fixCommand the one command that fixes every finding
 * @param failOnRules the violation rules that fail the check (see {@link Violation.Severity})
 * @param impact what regenerating the {@code stale} and {@code outdated} files would do to each
 *     object (SPEC §8.4): what merging the regeneration changes in the clusters
 */
public record Report(
    List<FileResult> files,
    List<Problem> errors,
    Set<Status> failOn,
    String fixCommand,
    Set<Violation.Rule> failOnRules,
    List<ObjectImpact> impact) {

  public Report {
    files = List.copyOf(files);
    errors = List.copyOf(errors);
    failOn = Set.copyOf(failOn);
    failOnRules = Set.copyOf(failOnRules);
    impact = List.copyOf(impact);
  }

  /** A report without impact. */
  public Report(
      List<FileResult> files,
      List<Problem> errors,
      Set<Status> failOn,
      String fixCommand,
      Set<Violation.Rule> failOnRules) {
    this(files, errors, failOn, fixCommand, failOnRules, List.of());
  }

  /** The same report with the impact of regenerating its files. */
  public Report withImpact(List<ObjectImpact> other) {
    return new Report(files, errors, failOn, fixCommand, failOnRules, other);
  }

  /** A report failing on the default rules. */
  public Report(
      List<FileResult> files, List<Problem> errors, Set<Status> failOn, String fixCommand) {
    this(files, errors, failOn, fixCommand, defaultFailOnRules());
  }

  /**
   * The rules that fail the check unless {@code --fail-on} says otherwise: not {@code
   * deprecated-api}.
   */
  public static Set<Violation.Rule> defaultFailOnRules() {
    return Violation.Rule.defaultFailOn();
  }

  /** A report failing on what {@code failOn} names. */
  public Report(List<FileResult> files, List<Problem> errors, FailOn failOn, String fixCommand) {
    this(files, errors, failOn.statuses(), fixCommand, failOn.rules());
  }

  /**
   * Whether a violation fails the check: an error of a rule in {@code --fail-on}, or a warning of a
   * rule that warns ({@code deprecated-api}, {@code prestop-grace}, {@code pdb-blocks-drain}) when
   * it is named there; a removed API of a config without a Kubernetes version stays a warning, and
   * a notice never fails.
   */
  public boolean fails(Violation v) {
    return switch (v.severity()) {
      case ERROR -> failOnRules.contains(v.rule());
      case WARNING -> v.rule().warns() && failOnRules.contains(v.rule());
      case NOTICE -> false;
    };
  }

  /** Every violation that is a finding (not a notice), failing or warning, file by file. */
  public List<Flagged> violations() {
    List<Flagged> out = new java.util.ArrayList<>();
    for (FileResult f : files) {
      for (Violation v : f.violations()) {
        if (v.severity() != Violation.Severity.NOTICE) {
          out.add(new Flagged(f, v));
        }
      }
    }
    return out;
  }

  /** Every notice (custom resources without a schema). */
  public List<Flagged> notices() {
    List<Flagged> out = new java.util.ArrayList<>();
    for (FileResult f : files) {
      f.violations().stream()
          .filter(v -> v.severity() == Violation.Severity.NOTICE)
          .forEach(v -> out.add(new Flagged(f, v)));
    }
    return out;
  }

  /** Whether anything is reported at all: a finding status or a violation (notices aside). */
  public boolean hasFindings() {
    return !findings().isEmpty() || !violations().isEmpty();
  }

  /**
   * How many files have a finding status or a violation (notices aside): the action's {@code
   * findings} output.
   */
  public int findingFiles() {
    return (int)
        files.stream()
            .filter(
                f ->
                    f.status().isFinding()
                        || f.violations().stream()
                            .anyMatch(v -> v.severity() != Violation.Severity.NOTICE))
            .count();
  }

  /** A violation and the file it is in. */
  public record Flagged(FileResult file, Violation violation) {}

  /** How many files have at least one violation of each rule that is a finding, in report order. */
  public Map<Violation.Rule, Integer> ruleCounts() {
    Map<Violation.Rule, Integer> counts = new EnumMap<>(Violation.Rule.class);
    for (Violation.Rule r :
        List.of(
            Violation.Rule.INVALID, Violation.Rule.REMOVED_API, Violation.Rule.DEPRECATED_API)) {
      counts.put(
          r,
          (int)
              files.stream()
                  .filter(f -> f.violations().stream().anyMatch(v -> v.rule() == r))
                  .count());
    }
    return counts;
  }

  /** The verdict: error when anything could not be checked, findings when a file fails. */
  public Result result() {
    if (!errors.isEmpty()) {
      return Result.ERROR;
    }
    return failures().isEmpty() ? Result.CLEAN : Result.FINDINGS;
  }

  /** Files whose status is in {@code --fail-on}, or with a violation that fails. */
  public List<FileResult> failures() {
    return files.stream()
        .filter(f -> fails(f) || f.violations().stream().anyMatch(this::fails))
        .toList();
  }

  /** Every finding, failing or warning. */
  public List<FileResult> findings() {
    return files.stream().filter(f -> f.status().isFinding()).toList();
  }

  /**
   * Whether a file's status fails the check or is only a warning (violations: {@link
   * #fails(Violation)}).
   */
  public boolean fails(FileResult file) {
    return file.status().isFinding() && failOn.contains(file.status());
  }

  /** How many files have each status; every status present, in report order. */
  public Map<Status, Integer> counts() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    files.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
    return counts;
  }
}
