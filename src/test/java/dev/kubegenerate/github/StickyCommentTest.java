package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    Report fewer =
        ReportFixtures.report(
            Status.defaultFailOn(), ReportFixtures.everyKindFiles().subList(0, 3));

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, fewer, "."));
    assertEquals(
        StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));

    List<JsonNode> mine = ours();
    assertEquals(1, mine.size());
    assertEquals(
        PullRequestComment.resolved(ReportFixtures.clean(), "."),
        mine.get(0).path("body").asText());
    assertEquals(
        List.of("GET", "GET", "POST", "GET", "GET", "PATCH", "GET", "GET", "PATCH"), methods());
    peer.assertNoViolations();
  }

  @Test
  void keep_sameReportAgain_noWrite() throws Exception {
    sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), ".");

    assertEquals(
        StickyComment.Outcome.UNCHANGED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(List.of("GET", "POST", "GET"), methods());
  }

  @Test
  void keep_cleanWithoutEarlierComment_postsNothing() throws Exception {
    assertEquals(
        StickyComment.Outcome.NOTHING_TO_SAY,
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
    assertTrue(
        comments
            .get(0)
            .path("body")
            .asText()
            .startsWith(
                PullRequestComment.marker("apps/a")
                    + "\n<sub>Working directory: apps/a</sub>\n\n"
                    + "### ❌ kube-generate: the manifests could not be checked"));
    assertTrue(
        comments.get(1).path("body").asText().startsWith(PullRequestComment.marker("apps/b")));
  }

  @Test
  void keep_postAnswered500ButNotDone_createsOnceAfterLooking() throws Exception {
    peer.reset("{\"faults\": [{\"method\": \"POST\", \"status\": 500, \"times\": 1}]}");

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));

    assertEquals(1, ours().size());
    assertEquals(List.of("GET", "POST", "GET", "POST"), methods());
  }

  @Test
  void keep_postDoneButAnswerLost_updatesInsteadOfDuplicating() throws Exception {
    peer.reset(
        "{\"faults\": [{\"method\": \"POST\", \"status\": 502, \"times\": 1,"
            + " \"commit\": true}]}");

    assertEquals(
        StickyComment.Outcome.UNCHANGED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));

    assertEquals(1, ours().size());
    assertEquals(List.of("GET", "POST", "GET"), methods());
  }

  private List<JsonNode> ours() throws Exception {
    List<JsonNode> mine = new ArrayList<>();
    peer.state()
        .path("comments")
        .forEach(
            c -> {
              if (c.path("body").asText().startsWith(PullRequestComment.marker("."))) {
                mine.add(c);
              }
            });
    return mine;
  }

  /** The comment requests, without the identity look-ups ({@code GET /user}) of each run. */
  private List<String> methods() throws Exception {
    List<String> m = new ArrayList<>();
    peer.state()
        .path("requests")
        .forEach(
            r -> {
              String path = r.path("path").asText();
              if (!path.equals("/user") && !path.equals("/graphql")) {
                m.add(r.path("method").asText());
              }
            });
    return m;
  }

  // only the token's own comments count: anybody can copy the hidden marker into theirs

  private void seedWithMarker(String author) throws Exception {
    peer.post(
        "/_control/seed",
        "{\"issue\": \"example/people/7\", \"count\": 1, \"author\": \""
            + author
            + "\", \"bodyPrefix\": \""
            + PullRequestComment.marker(".")
            + "\\nlooks like yours\"}");
  }

  @Test
  void keep_strangersCommentWithTheMarker_neverEditedNeverBlocksOurs() throws Exception {
    seedWithMarker("stranger");

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(
        StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));

    JsonNode comments = peer.state().path("comments");
    assertEquals(2, comments.size());
    assertEquals("stranger", comments.get(0).path("author").asText());
    assertTrue(comments.get(0).path("body").asText().endsWith("looks like yours 0"));
    assertEquals(
        PullRequestComment.resolved(ReportFixtures.clean(), "."),
        comments.get(1).path("body").asText());
    peer.assertNoViolations();
  }

  @Test
  void keep_cleanWithOnlyAStrangersMarker_saysNothing() throws Exception {
    seedWithMarker("stranger");

    assertEquals(
        StickyComment.Outcome.NOTHING_TO_SAY,
        sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));
    assertEquals(List.of("GET"), methods());
  }

  @Test
  void keep_personalToken_itsUsersCommentOnlyNotTheBots() throws Exception {
    peer.reset("{\"token\": \"person\"}");
    seedWithMarker("bot");

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(
        StickyComment.Outcome.UNCHANGED,
        sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));

    JsonNode comments = peer.state().path("comments");
    assertEquals(2, comments.size());
    assertEquals("owner", comments.get(1).path("author").asText());
    assertTrue(comments.get(0).path("body").asText().endsWith("looks like yours 0"));
    peer.assertNoViolations();
  }

  @Test
  void keep_appToken_anotherAppsCommentWithTheMarker_neverTaken() throws Exception {
    // the attack: any App's bot copies the marker; taken as ours, its PATCH was refused (403)
    // and our comment was never posted
    peer.reset("{\"token\": \"app\"}");
    seedWithMarker("otherApp");

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals(
        StickyComment.Outcome.UPDATED, sticky.keep(GitHubPeer.PR, ReportFixtures.clean(), "."));

    JsonNode comments = peer.state().path("comments");
    assertEquals(2, comments.size());
    assertEquals("otherApp", comments.get(0).path("author").asText());
    assertTrue(comments.get(0).path("body").asText().endsWith("looks like yours 0"));
    assertEquals("app", comments.get(1).path("author").asText());
    peer.assertNoViolations();
  }

  @Test
  void keep_actionsToken_anotherAppsCommentWithTheMarker_neverTaken() throws Exception {
    seedWithMarker("otherApp");

    assertEquals(
        StickyComment.Outcome.CREATED, sticky.keep(GitHubPeer.PR, ReportFixtures.everyKind(), "."));
    assertEquals("bot", peer.state().path("comments").get(1).path("author").asText());
  }

  @Test
  void ours_onlyTheTokensOwnLogin() {
    var actions = StickyComment.ours("github-actions[bot]");
    assertTrue(actions.test(new IssueComments.Comment(1, "", "github-actions[bot]", true, "")));
    assertFalse(actions.test(new IssueComments.Comment(1, "", "kube-bot[bot]", true, "kube-bot")));
    assertFalse(actions.test(new IssueComments.Comment(1, "", "github-actions[bot]", false, "")));
    var app = StickyComment.ours("kube-bot[bot]");
    assertTrue(app.test(new IssueComments.Comment(1, "", "kube-bot[bot]", true, "kube-bot")));
    assertFalse(app.test(new IssueComments.Comment(1, "", "other[bot]", true, "other")));
    var person = StickyComment.ours("octo-person");
    assertTrue(person.test(new IssueComments.Comment(1, "", "octo-person", false, "")));
    assertFalse(
        person.test(
            new IssueComments.Comment(1, "", "github-actions[bot]", true, "github-actions")));
  }

  @Test
  void graphqlOf_besideTheRestApi() {
    assertEquals(
        java.net.URI.create("https://api.github.com/graphql"),
        IssueComments.graphqlOf(java.net.URI.create("https://api.github.com")));
    assertEquals(
        java.net.URI.create("https://ghe.example.com/api/graphql"),
        IssueComments.graphqlOf(java.net.URI.create("https://ghe.example.com/api/v3/")));
  }
}
