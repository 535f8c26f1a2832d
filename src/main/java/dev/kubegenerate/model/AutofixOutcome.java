package dev.kubegenerate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What autofix did on a pull request: committed the regeneration, or why it did not. The comment
 * and the step summary render it; the check's own verdict never depends on it.
 *
 * @param kind what happened
 * @param reason why nothing was pushed, for {@link Kind#REFUSED}
 * @param detail one line of plain text saying what was found (file names, commits, GitHub's
 *     message); empty when the reason says it all
 * @param checked the pull request's head commit this run checked, empty when unknown
 * @param commit the new commit's sha, for {@link Kind#COMMITTED}
 * @param commitUrl the new commit's page, for {@link Kind#COMMITTED}
 * @param files how many files the commit wrote or deleted
 */
public record AutofixOutcome(
    Kind kind,
    Optional<Reason> reason,
    String detail,
    String checked,
    Optional<String> commit,
    Optional<String> commitUrl,
    int files) {

  /** What a run's autofix did. */
  public enum Kind {
    /** The regeneration is a new commit on the pull request's branch. */
    COMMITTED,
    /** Autofix chose not to push (see {@link Reason}). */
    REFUSED,
    /** The branch moved on after the checked commit: a newer push wins. */
    SUPERSEDED,
    /** Autofix tried and GitHub (or the run) failed. */
    FAILED
  }

  /** Why autofix did not push; each one is explained with the fix command. */
  public enum Reason {
    /** The run is not for a {@code pull_request} event. */
    NOT_A_PULL_REQUEST,
    /** The head branch lives in a fork. */
    FORK,
    /** A finding a regeneration cannot fix (hand-edited, unmanaged, invalid, ...). */
    NEEDS_A_PERSON,
    /** The branch's name is not one autofix pushes to. */
    UNSAFE_BRANCH,
    /** The working tree is not the pull request's head commit (a merge commit, another ref). */
    NOT_THE_HEAD,
    /** The head commit is itself an autofix commit. */
    AUTOFIX_HEAD,
    /** The regeneration would write outside the output folders, or into {@code .github/}. */
    OUTSIDE_OUTPUT,
    /** The regeneration is larger than autofix commits. */
    TOO_LARGE
  }

  public AutofixOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(checked, "checked");
    if ((kind == Kind.REFUSED) != reason.isPresent()) {
      throw new IllegalArgumentException("a reason is given exactly for a refusal");
    }
    if ((kind == Kind.COMMITTED) != commit.isPresent()) {
      throw new IllegalArgumentException("a commit is given exactly when one was made");
    }
    detail = detail.replaceAll("\\p{Cntrl}", " ").strip();
  }

  /** The regeneration was committed as {@code commit}. */
  public static AutofixOutcome committed(
      String checked, String commit, Optional<String> commitUrl, int files) {
    return new AutofixOutcome(
        Kind.COMMITTED, Optional.empty(), "", checked, Optional.of(commit), commitUrl, files);
  }

  /** Autofix did not push, for {@code reason}. */
  public static AutofixOutcome refused(Reason reason, String detail, String checked) {
    return new AutofixOutcome(
        Kind.REFUSED, Optional.of(reason), detail, checked, Optional.empty(), Optional.empty(), 0);
  }

  /** The branch no longer pointed at {@code checked}. */
  public static AutofixOutcome superseded(String checked, String detail) {
    return new AutofixOutcome(
        Kind.SUPERSEDED, Optional.empty(), detail, checked, Optional.empty(), Optional.empty(), 0);
  }

  /** Autofix tried and failed; {@code detail} says why. */
  public static AutofixOutcome failed(String detail, String checked) {
    return new AutofixOutcome(
        Kind.FAILED, Optional.empty(), detail, checked, Optional.empty(), Optional.empty(), 0);
  }

  /** The action's {@code autofix} output: {@code committed}, {@code refused}, ... */
  public String id() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
