package dev.kubegenerate.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What fails the check: statuses of files and rules of violations, as {@code --fail-on} and the
 * action's {@code fail-on} input name them. The one parser of those names, and the one list of them
 * that usage, errors and reports show.
 *
 * @param statuses the statuses that fail; the other findings warn
 * @param rules the violation rules that fail (see {@link Violation.Severity})
 */
public record FailOn(Set<Status> statuses, Set<Violation.Rule> rules) {

  public FailOn {
    statuses = statuses.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(statuses);
    rules = rules.isEmpty() ? EnumSet.noneOf(Violation.Rule.class) : EnumSet.copyOf(rules);
  }

  /**
   * Every finding but {@code outdated} (only kube-generate's own release caused it, SPEC §6), and
   * every rule that is an error ({@code deprecated-api} only warns).
   */
  public static FailOn defaults() {
    return new FailOn(Status.defaultFailOn(), Violation.Rule.defaultFailOn());
  }

  /**
   * Parses a comma list such as {@code stale,hand-edited,removed-api}; blanks are skipped.
   *
   * @throws IllegalArgumentException naming the unknown id and every known one
   */
  public static FailOn parse(String list) {
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    Set<Violation.Rule> rules = EnumSet.noneOf(Violation.Rule.class);
    for (String part : list.split(",")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      Optional<Status> status = Status.fromId(id);
      Optional<Violation.Rule> rule = Violation.Rule.fromId(id).filter(Violation.Rule::canFail);
      if (status.isPresent()) {
        statuses.add(status.get());
      } else if (rule.isPresent()) {
        rules.add(rule.get());
      } else {
        throw new IllegalArgumentException("unknown status or rule '" + id + "' (" + known() + ")");
      }
    }
    return new FailOn(statuses, rules);
  }

  /** Every id {@link #parse} takes, as a message lists them. */
  public static String known() {
    return "statuses: "
        + Arrays.stream(Status.values()).map(Status::id).collect(Collectors.joining(", "))
        + "; rules: "
        + Stream.of(Violation.Rule.values())
            .filter(Violation.Rule::canFail)
            .map(Violation.Rule::id)
            .collect(Collectors.joining(", "));
  }

  /**
   * The ids, as {@code --fail-on} takes them. Written out because picocli reads every option's
   * initial value as text at start-up, and a record's generated {@code toString} is bootstrapped on
   * first use (about 9 ms of a one-app check).
   */
  @Override
  public String toString() {
    StringJoiner ids = new StringJoiner(",");
    for (Status status : statuses) {
      ids.add(status.id());
    }
    for (Violation.Rule rule : rules) {
      ids.add(rule.id());
    }
    return ids.toString();
  }
}
