package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.report.PullRequestComment;
import dev.kubegenerate.report.ReportFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StickyCommentTest {

  private GitHubPeer peer;
  private StickyComment sticky;

  @BeforeEach
  void setUp() throws Exception {
    peer = new GitHubPeer();
    peer.reset("{}");
    sticky = new StickyComment(peer.comments());
  }

  @Test
  void keep_threeRuns_oneCommentCreatedUpdatedThenResolved() throws Exception {
    peer.seed(120);
    Report fewer = ReportFixtures.report(Status.defaultFailOn(),
        ReportFixtures.everyKindFiles().subList(0, 3));

    assertEquals(StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, fewer, "."));
    assertEquals(StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));

    List<JsonNode> mine = ours();
    assertEquals(1, mine.size());
    assertEquals(PullRequestComment.resolved(ReportFixtures.clean(), "."),
        mine.get(0).path("body").asText());
    assertEquals(List.of("GET", "GET", "POST", "GET", "GET", "PATCH", "GET", "GET", "PATCH"),
        methods());
    peer.assertNoViolations();
  }

  @Test
  void keep_sameReportAgain_noWrite() throws Exception {
    sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), ".");

    assertEquals(StickyComment.Outcome.UNCHANGED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(List.of("GET", "POST", "GET"), methods());
  }

  @Test
  void keep_cleanWithoutEarlierComment_postsNothing() throws Exception {
    assertEquals(StickyComment.Outcome.NOTHING_TO_SAY,
        sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));
    assertEquals(List.of("GET"), methods());
    assertEquals(0, peer.state().path("comments").size());
  }

  @Test
  void keep_twoWorkingDirectories_twoComments() throws Exception {
    sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "apps/a");
    sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "apps/b");
    sticky.keep(GitHubPeer.PR, ReportFixtures.error(), "apps/a");

    JsonNode comments = peer.state().path("comments");
    assertEquals(2, comments.size());
    assertTrue(comments.get(0).path("body").asText().startsWith(
        PullRequestComment.marker("apps/a") + "\n<sub>Working directory: apps/a</sub>\n\n"
            + "### ❌ kube-generate: the manifests could not be checked"));
    assertTrue(comments.get(1).path("body").asText().startsWith(PullRequestComment.marker("apps/b")));
  }

  @Test
  void keep_postAnswered500ButNotDone_createsOnceAfterLooking() throws Exception {
    peer.reset("{\"faults\": [{\"method\": \"POST\", \"status\": 500, \"times\": 1}]}");

    assertEquals(StickyComment.Outcome.CREATED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));

    assertEquals(1, ours().size());
    assertEquals(List.of("GET", "POST", "GET", "POST"), methods());
  }

  @Test
  void keep_postDoneButAnswerLost_updatesInsteadOfDuplicating() throws Exception {
    peer.reset("{\"faults\": [{\"method\": \"POST\", \"status\": 502, \"times\": 1,"
        + " \"commit\": true}]}");

    assertEquals(StickyComment.Outcome.UNCHANGED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));

    assertEquals(1, ours().size());
    assertEquals(List.of("GET", "POST", "GET"), methods());
  }

  private List<JsonNode> ours() throws Exception {
    List<JsonNode> mine = new ArrayList<>();
    peer.state().path("comments").forEach(c -> {
      if (c.path("body").asText().startsWith(PullRequestComment.marker("."))) {
        mine.add(c);
      }
    });
    return mine;
  }

  private List<String> methods() throws Exception {
    List<String> m = new ArrayList<>();
    peer.state().path("requests").forEach(r -> m.add(r.path("method").asText()));
    return m;
  }
}
