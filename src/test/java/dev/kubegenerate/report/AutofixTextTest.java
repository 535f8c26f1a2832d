package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutofixTextTest {

  private static final String CHECKED = "0123456789abcdef0123456789abcdef01234567";
  private static final String NEW = "fedcba9876543210fedcba9876543210fedcba98";
  private static final String URL = "https://github.com/example/people/commit/" + NEW;

  private static Report failing() {
    String st = "kubernetes/qa/deployment-web.yaml";
    return ReportFixtures.report(
        Status.defaultFailOn(),
        List.of(ReportFixtures.file(st, Status.STALE, ReportFixtures.diff(st))));
  }

  @Test
  void markdown_committed_linksTheNewCommitAndKeepsTheVerdict() {
    assertEquals(
        "**Autofix:** committed the regeneration of 3 files to this pull request as"
            + " [`fedcba987654`]("
            + URL
            + "). This run checked `0123456789ab` and its verdict stands; the new commit gets a"
            + " check of its own.\n\n",
        AutofixText.markdown(
            AutofixOutcome.committed(CHECKED, NEW, Optional.of(URL), 3), ReportFixtures.FIX));
  }

  @Test
  void markdown_linkThatCouldBreakOut_shownAsTextOnly() {
    for (String url :
        List.of(
            "javascript:alert(1)",
            "https://github.com/x) [click](https://evil.example",
            "https://github.com/x\n# heading",
            "https://exa mple.com/")) {
      String md =
          AutofixText.markdown(
              AutofixOutcome.committed(CHECKED, NEW, Optional.of(url), 1), ReportFixtures.FIX);
      assertTrue(md.contains("as `fedcba987654`."), md);
      assertFalse(md.contains("]("), md);
    }
  }

  @Test
  void markdown_refused_explainsAndGivesTheFixCommand() {
    String md =
        AutofixText.markdown(
            AutofixOutcome.refused(
                Reason.NOT_THE_HEAD,
                "checked out fedcba987654, the pull request's head is 0123456789ab",
                CHECKED),
            "kube-generate -C services/people --update");

    assertEquals(
        "**Autofix did not push:** the checked-out commit is not the pull request's head commit."
            + " actions/checkout checks out a merge commit by default; for autofix give it `ref:"
            + " ${{ github.event.pull_request.head.sha }}` (checked out fedcba987654, the pull"
            + " request's head is 0123456789ab).\n\n"
            + "To fix the findings by hand, run this at the repository root and commit the"
            + " result:\n\n```sh\nkube-generate -C services/people --update\n```\n\n",
        md);
  }

  @Test
  void markdown_everyReason_saysSomethingAndTheFixCommand() {
    for (Reason r : Reason.values()) {
      String md = AutofixText.markdown(AutofixOutcome.refused(r, "", CHECKED), ReportFixtures.FIX);
      assertTrue(md.startsWith("**Autofix did not push:** "), md);
      assertTrue(md.contains("```sh\nkube-generate --update\n```"), md);
    }
  }

  @Test
  void markdown_superseded_aNewerPushWins() {
    assertEquals(
        "**Autofix did not push:** the branch moved on after `0123456789ab`, the commit this run"
            + " checked. A newer push wins; its own run checks it.\n\n"
            + "To fix the findings by hand, run this at the repository root and commit the"
            + " result:\n\n```sh\nkube-generate --update\n```\n\n",
        AutofixText.markdown(AutofixOutcome.superseded(CHECKED, ""), ReportFixtures.FIX));
  }

  @Test
  void markdown_hostileDetail_cannotAddMarkupOrMentions() {
    String md =
        AutofixText.markdown(
            AutofixOutcome.failed("GitHub said: <img src=x> @team [x](y)\n## owned", CHECKED),
            ReportFixtures.FIX);

    assertTrue(
        md.startsWith(
            "**Autofix failed** (GitHub said: \\<img src=x\\> \\@team \\[x\\]\\(y\\) \\#\\# owned)."),
        md);
    assertEquals(1, md.lines().filter(l -> l.startsWith("**")).count(), md);
  }

  @Test
  void summaryAndComment_showTheSectionAfterTheCounts() {
    AutofixOutcome committed = AutofixOutcome.committed(CHECKED, NEW, Optional.of(URL), 1);

    for (String body :
        List.of(
            StepSummary.render(failing(), ".", Optional.of(committed)),
            PullRequestComment.render(failing(), ".", Optional.of(committed)))) {
      int counts = body.indexOf("1 file checked: 1 stale.");
      int autofix = body.indexOf("**Autofix:** committed");
      int table = body.indexOf("| Status | File |");
      assertTrue(counts >= 0 && counts < autofix && autofix < table, body);
      assertTrue(body.contains("### ❌ kube-generate: 1 manifest fails the check"), body);
    }
    assertEquals(
        StepSummary.render(failing(), "."),
        StepSummary.render(failing(), ".", Optional.empty()),
        "without autofix nothing changes");
  }

  @Test
  void line_plainForTheLog() {
    assertEquals(
        "autofix committed 2 files as " + NEW + " " + URL,
        AutofixText.line(
            AutofixOutcome.committed(CHECKED, NEW, Optional.of(URL), 2), ReportFixtures.FIX));
    assertEquals(
        "autofix did not push: this pull request comes from a fork, and autofix never pushes to a"
            + " fork (the head branch is in mallory/people); run `kube-generate --update` and commit"
            + " the result",
        AutofixText.line(
            AutofixOutcome.refused(Reason.FORK, "the head branch is in mallory/people", CHECKED),
            ReportFixtures.FIX));
  }
}
