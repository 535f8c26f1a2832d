package dev.kubegenerate.model;

import java.util.List;

/** The input cannot be used; carries every problem found, each located where possible. */
public final class InputException extends Exception {

  private final List<Problem> problems;

  public InputException(Problem problem) {
    this(List.of(problem));
  }

  public InputException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).format(), null, false, false);
    // file order, whatever order the checks that found them ran in
    this.problems =
        problems.stream()
            .sorted(
                java.util.Comparator.comparing(Problem::file)
                    .thenComparingInt(Problem::line)
                    .thenComparingInt(Problem::column))
            .toList();
  }

  /** Every problem, sorted by file, line and column. */
  public List<Problem> problems() {
    return problems;
  }
}
