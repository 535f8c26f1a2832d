package dev.kubegenerate.github;

import static dev.kubegenerate.report.ReportFixtures.diff;
import static dev.kubegenerate.report.ReportFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.github.AutofixDecision.Checkout;
import dev.kubegenerate.github.AutofixDecision.Go;
import dev.kubegenerate.github.AutofixDecision.Scope;
import dev.kubegenerate.github.AutofixDecision.Step;
import dev.kubegenerate.github.AutofixDecision.Stop;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Kind;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.report.ReportFixtures;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutofixDecisionTest {

  static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  static final PullRequestHead PR =
      new PullRequestHead("example/people", Optional.of("example/people"), "bump-web", HEAD);
  static final Checkout AT_HEAD = new Checkout(Optional.of(HEAD), "");

  private static final String STALE = "kubernetes/qa/deployment-web.yaml";
  private static final String MISSING = "kubernetes/sandbox/namespace.yaml";
  private static final String ORPHANED = "kubernetes/qa/cronjob-old.yaml";
  private static final String OUTDATED = "kubernetes/production/service-web.yaml";

  /** A check failing on a stale, a missing and an orphaned file, with an outdated warning. */
  static Report regenerable() {
    return ReportFixtures.report(Status.defaultFailOn(), regenerableFiles());
  }

  private static List<FileResult> regenerableFiles() {
    return List.of(
        file("kubernetes/production/configmap.yaml", Status.OK, null),
        file(STALE, Status.STALE, diff(STALE)),
        file(MISSING, Status.MISSING, null),
        file(ORPHANED, Status.ORPHANED, null),
        file(OUTDATED, Status.OUTDATED, diff(OUTDATED)));
  }

  private static Report with(FileResult extra) {
    List<FileResult> files = new java.util.ArrayList<>(regenerableFiles());
    files.add(extra);
    return ReportFixtures.report(Status.defaultFailOn(), files);
  }

  private static AutofixOutcome stopped(Optional<Step<Scope>> step) {
    assertTrue(step.isPresent(), "a decision");
    assertTrue(step.get() instanceof Stop<Scope>, () -> "stopped, got " + step.get());
    return ((Stop<Scope>) step.get()).outcome();
  }

  private static Scope scope(Optional<Step<Scope>> step) {
    assertTrue(step.isPresent() && step.get() instanceof Go<Scope>, () -> "goes on: " + step);
    return ((Go<Scope>) step.get()).value();
  }

  @Test
  void decide_cleanCheck_nothingAtAll() {
    assertEquals(
        Optional.empty(), AutofixDecision.decide(ReportFixtures.clean(), Optional.of(PR), AT_HEAD));
  }

  @Test
  void decide_staleMissingOrphaned_writesAndDeletesThemButNotTheOutdatedWarning() {
    Scope scope = scope(AutofixDecision.decide(regenerable(), Optional.of(PR), AT_HEAD));

    assertEquals(Set.of(ManifestPath.of(STALE), ManifestPath.of(MISSING)), scope.writes());
    assertEquals(Set.of(ManifestPath.of(ORPHANED)), scope.deletes());
  }

  @Test
  void decide_outdatedInFailOn_writesItToo() {
    Set<Status> failOn = EnumSet.copyOf(Status.defaultFailOn());
    failOn.add(Status.OUTDATED);
    Report report = ReportFixtures.report(failOn, regenerableFiles());

    Scope scope = scope(AutofixDecision.decide(report, Optional.of(PR), AT_HEAD));

    assertTrue(scope.writes().contains(ManifestPath.of(OUTDATED)), scope::toString);
  }

  @Test
  void decide_handEditedEvenAsAWarning_needsAPerson() {
    Set<Status> failOn = EnumSet.of(Status.STALE, Status.MISSING, Status.ORPHANED);
    List<FileResult> files = new java.util.ArrayList<>(regenerableFiles());
    String edited = "kubernetes/production/deployment-web.yaml";
    files.add(file(edited, Status.HAND_EDITED, diff(edited)));

    AutofixOutcome o =
        stopped(
            AutofixDecision.decide(ReportFixtures.report(failOn, files), Optional.of(PR), AT_HEAD));

    assertEquals(Optional.of(Reason.NEEDS_A_PERSON), o.reason());
    assertEquals("hand-edited: " + edited, o.detail());
    assertEquals(HEAD, o.checked());
  }

  @Test
  void decide_unmanagedFile_needsAPerson() {
    AutofixOutcome o =
        stopped(
            AutofixDecision.decide(
                with(file("kubernetes/qa/extra.yaml", Status.UNMANAGED, null)),
                Optional.of(PR),
                AT_HEAD));
    assertEquals("unmanaged: kubernetes/qa/extra.yaml", o.detail());
  }

  @Test
  void decide_invalidOrRemovedApiOfAnySeverity_needsAPerson() {
    for (Violation v :
        List.of(
            new Violation(Violation.Rule.INVALID, Violation.Severity.WARNING, 1, 0, "", "a link"),
            new Violation(
                Violation.Rule.REMOVED_API,
                Violation.Severity.WARNING,
                1,
                0,
                "apiVersion",
                "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25"))) {
      FileResult pdb =
          file("kubernetes/qa/pdb.yaml", Status.HANDWRITTEN, null).withViolations(List.of(v));

      AutofixOutcome o = stopped(AutofixDecision.decide(with(pdb), Optional.of(PR), AT_HEAD));

      assertEquals(Optional.of(Reason.NEEDS_A_PERSON), o.reason());
      assertEquals(v.rule().id() + ": kubernetes/qa/pdb.yaml", o.detail());
    }
  }

  @Test
  void decide_deprecatedApiWarning_noPersonNeeded() {
    FileResult old =
        file("kubernetes/qa/hpa.yaml", Status.HANDWRITTEN, null)
            .withViolations(
                List.of(
                    new Violation(
                        Violation.Rule.DEPRECATED_API,
                        Violation.Severity.WARNING,
                        1,
                        0,
                        "apiVersion",
                        "deprecated")));
    scope(AutofixDecision.decide(with(old), Optional.of(PR), AT_HEAD));
  }

  @Test
  void decide_configError_needsAPerson() {
    Report broken =
        new Report(
            regenerable().files(),
            List.of(new Problem("kube-generate.yaml", 3, 5, "unknown template 'autoscal'")),
            Status.defaultFailOn(),
            ReportFixtures.FIX);

    AutofixOutcome o = stopped(AutofixDecision.decide(broken, Optional.of(PR), AT_HEAD));

    assertEquals("not checked: kube-generate.yaml:3:5: unknown template 'autoscal'", o.detail());
  }

  @Test
  void decide_notAPullRequest_refused() {
    AutofixOutcome o = stopped(AutofixDecision.decide(regenerable(), Optional.empty(), AT_HEAD));
    assertEquals(Optional.of(Reason.NOT_A_PULL_REQUEST), o.reason());
  }

  @Test
  void decide_forkOrDeletedFork_refusedBeforeAnythingElse() {
    for (Optional<String> head : List.of(Optional.of("mallory/people"), Optional.<String>empty())) {
      PullRequestHead fork = new PullRequestHead("example/people", head, "main", HEAD);

      AutofixOutcome o =
          stopped(
              AutofixDecision.decide(
                  with(file("kubernetes/qa/extra.yaml", Status.UNMANAGED, null)),
                  Optional.of(fork),
                  AT_HEAD));

      assertEquals(Optional.of(Reason.FORK), o.reason());
      assertEquals(
          "the head branch is in " + head.orElse("a deleted fork"), o.detail(), "fork: " + head);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "refs/heads/main",
        "refs/heads/refs/heads/main",
        "feature/../main",
        "..",
        "a..b",
        "fix\nmain",
        "fix\u0000",
        "fix\u007f",
        "tab\there",
        "bidi\u202eniam",
        "-main",
        "HEAD",
        "@",
        "x@{1}",
        "topic.lock",
        "a/.hidden",
        "/main",
        "main/",
        "main.",
        "a//b",
        "with space",
        "star*",
        "colon:",
        "caret^",
        "tilde~",
        "question?",
        "bracket[",
        "back\\slash",
        ""
      })
  void decide_hostileBranchName_refusedAndShownSafely(String branch) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          PullRequestHead pr =
              new PullRequestHead("example/people", Optional.of("example/people"), branch, HEAD);

          AutofixOutcome o =
              stopped(AutofixDecision.decide(regenerable(), Optional.of(pr), AT_HEAD));

          assertEquals(Optional.of(Reason.UNSAFE_BRANCH), o.reason());
          assertTrue(o.detail().chars().noneMatch(Character::isISOControl), o.detail());
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "main",
        "feature/bump-web",
        "renovate/ghcr.io-example-people-1.x",
        "dependabot/docker/web-1.2.3",
        "fix-äöü"
      })
  void decide_ordinaryBranchName_goesOn(String branch) {
    PullRequestHead pr =
        new PullRequestHead("example/people", Optional.of("example/people"), branch, HEAD);
    scope(AutofixDecision.decide(regenerable(), Optional.of(pr), AT_HEAD));
  }

  @Test
  void decide_mergeCommitCheckedOut_refusedSayingWhichIsWhich() {
    String merge = "fedcba9876543210fedcba9876543210fedcba98";

    AutofixOutcome o =
        stopped(
            AutofixDecision.decide(
                regenerable(), Optional.of(PR), new Checkout(Optional.of(merge), "")));

    assertEquals(Optional.of(Reason.NOT_THE_HEAD), o.reason());
    assertEquals("checked out fedcba987654, the pull request's head is 0123456789ab", o.detail());
  }

  @Test
  void decide_checkoutUnreadable_refusedWithTheProblem() {
    AutofixOutcome o =
        stopped(
            AutofixDecision.decide(
                regenerable(), Optional.of(PR), new Checkout(Optional.empty(), "no .git folder")));
    assertEquals(Optional.of(Reason.NOT_THE_HEAD), o.reason());
    assertEquals("no .git folder", o.detail());
  }

  @Test
  void decide_eventWithoutValidShaOrRepository_failsWithoutPushing() {
    for (PullRequestHead bad :
        List.of(
            new PullRequestHead("example/people", Optional.of("example/people"), "x", "HEAD"),
            new PullRequestHead("../..", Optional.of("../.."), "x", HEAD),
            new PullRequestHead("a/b?c", Optional.of("a/b?c"), "x", HEAD))) {
      AutofixOutcome o = stopped(AutofixDecision.decide(regenerable(), Optional.of(bad), AT_HEAD));
      assertEquals(Kind.FAILED, o.kind(), bad::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kube-generate: regenerate manifests\n\nKube-Generate-Autofix: true",
        "bump web\n\nkube-generate-autofix: true\n",
        "bump web\n\nSigned-off-by: x <x@example.com>\nKube-Generate-Autofix:true",
        // a message that only claims it stops autofix as well: never a reason to push
        "bump web\n\nKube-Generate-Autofix: false"
      })
  void headCommit_trailerClaimed_refused(String message) {
    AutofixOutcome o = AutofixDecision.headCommit(message, HEAD).orElseThrow();
    assertEquals(Optional.of(Reason.AUTOFIX_HEAD), o.reason());
  }

  @Test
  void headCommit_ordinaryMessage_goesOn() {
    assertEquals(
        Optional.empty(),
        AutofixDecision.headCommit(
            "bump web to 1.3\n\nmentions Kube-Generate-Autofix in passing", HEAD));
  }
}
