package dev.kubegenerate.github;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether autofix may commit, and what: pure functions of the report, the pull request's event, the
 * checked-out commit, the head commit's message and the regeneration. Every "no" is an outcome that
 * says why; doubt is a "no".
 */
public final class AutofixDecision {

  /** The trailer of every autofix commit; a head commit carrying it is never fixed again. */
  public static final String TRAILER = "Kube-Generate-Autofix: true";

  private static final Set<Status> REGENERATED =
      EnumSet.of(Status.STALE, Status.OUTDATED, Status.MISSING, Status.ORPHANED);
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  // the key anywhere at a line's start, with any value: a message that only claims it still stops
  private static final Pattern TRAILER_LINE =
      Pattern.compile("(?im)^[ \\t]*kube-generate-autofix[ \\t]*:");
  private static final int LISTED = 5;

  private AutofixDecision() {}

  /** The next step: stop with an outcome, or go on with a value. */
  public sealed interface Step<T> permits Stop, Go {}

  /** Autofix ends here with {@code outcome}. */
  public record Stop<T>(AutofixOutcome outcome) implements Step<T> {}

  /** Autofix goes on with {@code value}. */
  public record Go<T>(T value) implements Step<T> {}

  /**
   * The files autofix fixes: those of failing findings a regeneration fixes.
   *
   * @param writes stale, missing and failing outdated files
   * @param deletes orphaned files
   */
  public record Scope(Set<ManifestPath> writes, Set<ManifestPath> deletes) {
    public Scope {
      writes = Set.copyOf(writes);
      deletes = Set.copyOf(deletes);
    }
  }

  /**
   * What the working tree has checked out.
   *
   * @param commit the sha of the checked-out commit, when it could be read
   * @param problem why it could not be read, when it could not
   */
  public record Checkout(Optional<String> commit, String problem) {}

  /**
   * The first decision, before anything is asked of GitHub: empty when the check does not fail (no
   * autofix, nothing to say), else the files to fix or why not.
   */
  public static Optional<Step<Scope>> decide(
      Report report, Optional<PullRequestHead> event, Checkout checkout) {
    if (report.result() == Result.CLEAN) {
      return Optional.empty();
    }
    String checked =
        event.map(PullRequestHead::sha).filter(s -> SHA.matcher(s).matches()).orElse("");
    if (event.isEmpty()) {
      return stop(AutofixOutcome.refused(Reason.NOT_A_PULL_REQUEST, "", ""));
    }
    PullRequestHead pr = event.get();
    if (pr.fork()) {
      return stop(
          AutofixOutcome.refused(
              Reason.FORK,
              "the head branch is in " + pr.headRepository().orElse("a deleted fork"),
              checked));
    }
    List<String> people = needsPerson(report);
    if (!people.isEmpty()) {
      return stop(AutofixOutcome.refused(Reason.NEEDS_A_PERSON, list(people), checked));
    }
    if (!validRepository(pr.repository()) || checked.isEmpty()) {
      return stop(
          AutofixOutcome.failed("the event names no valid repository and head commit", checked));
    }
    Optional<String> unsafe = BranchName.problem(pr.branch());
    if (unsafe.isPresent()) {
      return stop(
          AutofixOutcome.refused(
              Reason.UNSAFE_BRANCH, BranchName.shown(pr.branch()) + ": " + unsafe.get(), checked));
    }
    if (checkout.commit().isEmpty()) {
      return stop(AutofixOutcome.refused(Reason.NOT_THE_HEAD, checkout.problem(), checked));
    }
    String at = checkout.commit().get().toLowerCase(Locale.ROOT);
    if (!at.equals(checked)) {
      return stop(
          AutofixOutcome.refused(
              Reason.NOT_THE_HEAD,
              "checked out " + shortSha(at) + ", the pull request's head is " + shortSha(checked),
              checked));
    }
    Set<ManifestPath> writes = new TreeSet<>();
    Set<ManifestPath> deletes = new TreeSet<>();
    for (FileResult f : report.failures()) {
      (f.status() == Status.ORPHANED ? deletes : writes).add(f.path());
    }
    return Optional.of(new Go<>(new Scope(writes, deletes)));
  }

  /** Whether the head commit's message stops autofix: it is an autofix commit (or claims to be). */
  public static Optional<AutofixOutcome> headCommit(String message, String checked) {
    return TRAILER_LINE.matcher(message).find()
        ? Optional.of(AutofixOutcome.refused(Reason.AUTOFIX_HEAD, "", checked))
        : Optional.empty();
  }

  /** Files no regeneration fixes, or that a regeneration would overwrite: "status: path". */
  static List<String> needsPerson(Report report) {
    List<String> out = new ArrayList<>();
    report.errors().forEach(p -> out.add("not checked: " + ApiFailures.safe(p.format())));
    for (FileResult f : report.files()) {
      // whatever --fail-on says: a regeneration would overwrite a hand edit or hide the rest
      if (f.status() == Status.HAND_EDITED || f.status() == Status.UNMANAGED) {
        out.add(f.status().id() + ": " + f.path());
      } else if (report.fails(f) && !REGENERATED.contains(f.status())) {
        out.add(f.status().id() + ": " + f.path());
      }
      for (Violation v : f.violations()) {
        boolean serious =
            v.rule() == Violation.Rule.INVALID || v.rule() == Violation.Rule.REMOVED_API;
        if (v.severity() != Violation.Severity.NOTICE && (serious || report.fails(v))) {
          out.add(v.rule().id() + ": " + f.path());
          break;
        }
      }
    }
    return out;
  }

  private static boolean validRepository(String repository) {
    if (!REPOSITORY.matcher(repository).matches()) {
      return false;
    }
    for (String part : repository.split("/")) {
      if (part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String list(List<String> items) {
    String shown = String.join("; ", items.subList(0, Math.min(LISTED, items.size())));
    return items.size() > LISTED ? shown + "; and " + (items.size() - LISTED) + " more" : shown;
  }

  static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static <T> Optional<Step<T>> stop(AutofixOutcome outcome) {
    return Optional.of(new Stop<>(outcome));
  }
}
