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
 */
public record Report(List<FileResult> files, List<Problem> errors, Set<Status> failOn, String fixCommand) {

  public Report {
    files = List.copyOf(files);
    errors = List.copyOf(errors);
    failOn = Set.copyOf(failOn);
  }

  /** The verdict: error when anything could not be checked, findings when a file fails. */
  public Result result() {
    if (!errors.isEmpty()) {
      return Result.ERROR;
    }
    return failures().isEmpty() ? Result.CLEAN : Result.FINDINGS;
  }

  /** Files whose status is in {@code --fail-on}. */
  public List<FileResult> failures() {
    return files.stream().filter(f -> f.status().isFinding() && failOn.contains(f.status())).toList();
  }

  /** Every finding, failing or warning. */
  public List<FileResult> findings() {
    return files.stream().filter(f -> f.status().isFinding()).toList();
  }

  /** Whether a finding fails the check or is only a warning. */
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
