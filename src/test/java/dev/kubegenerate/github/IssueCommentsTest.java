package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueCommentsTest {

  private GitHubPeer peer;

  @BeforeEach
  void setUp() throws Exception {
    peer = new GitHubPeer();
    peer.reset("{}");
  }

  @Test
  void list_pastOneHundred_followsLinkPages() throws Exception {
    peer.seed(250);

    List<IssueComments.Comment> all = peer.comments().list(GitHubPeer.PR);

    assertEquals(250, all.size());
    assertEquals("other comment 0", all.get(0).body());
    assertEquals("other comment 249", all.get(249).body());
    List<String> paths = new ArrayList<>();
    peer.state().path("requests").forEach(r -> paths.add(r.path("path").asText()));
    assertEquals(
        List.of(
            "/repos/example/people/issues/7/comments?per_page=100",
            "/repos/example/people/issues/7/comments?per_page=100&page=2",
            "/repos/example/people/issues/7/comments?per_page=100&page=3"),
        paths);
    peer.assertNoViolations();
  }

  @Test
  void createThenUpdate_sameComment() throws Exception {
    IssueComments api = peer.comments();

    IssueComments.Comment made = api.create(GitHubPeer.PR, "first\nbody");
    api.update(GitHubPeer.PR, made.id(), "second body");

    JsonNode comments = peer.state().path("comments");
    assertEquals(1, comments.size());
    assertEquals(made.id(), comments.get(0).path("id").asLong());
    assertEquals("second body", comments.get(0).path("body").asText());
    JsonNode post = peer.state().path("requests").get(0);
    assertEquals("POST", post.path("method").asText());
    assertEquals("{\"body\":\"first\\nbody\"}", post.path("body").asText());
    assertEquals("Bearer " + GitHubPeer.TOKEN.value(), post.path("authorization").asText());
    assertEquals("application/vnd.github+json", post.path("accept").asText());
    assertEquals("2022-11-28", post.path("apiVersion").asText());
    peer.assertNoViolations();
  }

  @Test
  void create_forkToken_explains403() throws Exception {
    peer.reset("{\"forbidden\": [\"example/people\"]}");

    GitHubApiException e =
        assertThrows(GitHubApiException.class, () -> peer.comments().create(GitHubPeer.PR, "body"));

    assertEquals(
        "the token may not write pull-request comments (403: Resource not accessible by"
            + " integration); a pull request from a fork gets a read-only token, and the workflow"
            + " needs 'permissions: pull-requests: write'",
        e.getMessage());
    assertEquals(1, peer.state().path("requests").size(), "a 403 is not repeated");
    peer.assertNoViolations();
  }

  @Test
  void list_500ThenSuccess_repeats() throws Exception {
    peer.reset("{\"faults\": [{\"method\": \"GET\", \"status\": 500, \"times\": 1}]}");
    peer.seed(1);

    assertEquals(1, peer.comments().list(GitHubPeer.PR).size());
    assertEquals(2, peer.state().path("requests").size());
  }

  @Test
  void update_5xxEveryTime_givesUpAfterTwoRepeats() throws Exception {
    IssueComments.Comment made = peer.comments().create(GitHubPeer.PR, "body");
    peer.reset(
        "{\"faults\": [{\"method\": \"PATCH\", \"status\": 502, \"times\": 9,"
            + " \"message\": \"Bad Gateway\"}]}");

    GitHubApiException e =
        assertThrows(
            GitHubApiException.class,
            () -> peer.comments().update(GitHubPeer.PR, made.id(), "new"));

    assertEquals("GitHub answered 502 to PATCH: Bad Gateway", e.getMessage());
    assertEquals(3, peer.state().path("requests").size());
  }

  @Test
  void create_500_notRepeated() throws Exception {
    peer.reset("{\"faults\": [{\"method\": \"POST\", \"status\": 500, \"times\": 1}]}");

    GitHubApiException e =
        assertThrows(GitHubApiException.class, () -> peer.comments().create(GitHubPeer.PR, "body"));

    assertEquals("GitHub answered 500 to POST: Server Error", e.getMessage());
    assertEquals(1, peer.state().path("requests").size());
  }

  @Test
  void create_rateLimited_saysSo() throws Exception {
    peer.reset(
        "{\"faults\": [{\"method\": \"POST\", \"status\": 403, \"times\": 1, \"message\":"
            + " \"API rate limit exceeded\", \"headers\": {\"x-ratelimit-remaining\": \"0\","
            + " \"retry-after\": \"60\"}}]}");

    GitHubApiException e =
        assertThrows(GitHubApiException.class, () -> peer.comments().create(GitHubPeer.PR, "body"));

    assertEquals("GitHub's API rate limit is used up (403); retry after 60 s", e.getMessage());
  }

  @Test
  void list_timeouts_repeatedThenReported() {
    List<HttpTransport.Request> sent = new ArrayList<>();
    HttpTransport slow =
        request -> {
          sent.add(request);
          throw new HttpTimeoutException("request timed out");
        };
    IssueComments api =
        new IssueComments(
            slow, URI.create("https://api.github.com"), GitHubPeer.TOKEN, GitHubPeer.noPause(2));

    GitHubApiException e = assertThrows(GitHubApiException.class, () -> api.list(GitHubPeer.PR));

    assertEquals("GET timed out without an answer from GitHub", e.getMessage());
    assertEquals(3, sent.size());
    assertThrows(GitHubApiException.class, () -> api.create(GitHubPeer.PR, "b"));
    assertEquals(4, sent.size(), "a POST that timed out is not sent again here");
  }

  @Test
  void list_linkToAnotherHost_notFollowed() throws Exception {
    List<URI> asked = new ArrayList<>();
    HttpTransport t =
        request -> {
          asked.add(request.uri());
          return new HttpTransport.Response(
              200,
              Map.of("link", List.of("<https://evil.example/steal?page=2>; rel=\"next\"")),
              "[]");
        };
    IssueComments api =
        new IssueComments(
            t,
            URI.create("https://ghe.example.com/api/v3"),
            GitHubPeer.TOKEN,
            GitHubPeer.noPause(0));

    assertEquals(List.of(), api.list(GitHubPeer.PR));
    assertEquals(
        List.of(
            URI.create(
                "https://ghe.example.com/api/v3/repos/example/people/issues/7/comments?per_page=100")),
        asked);
  }

  @Test
  void failure_messageNeverHoldsTheToken() {
    String token = GitHubPeer.TOKEN.value();
    HttpTransport t =
        request ->
            new HttpTransport.Response(
                401, Map.of(), "{\"message\": \"Bad credentials for " + token + "\"}");
    IssueComments api =
        new IssueComments(
            t, URI.create("https://api.github.com"), GitHubPeer.TOKEN, GitHubPeer.noPause(0));

    GitHubApiException e = assertThrows(GitHubApiException.class, () -> api.list(GitHubPeer.PR));

    assertEquals("GitHub rejected the token (401: Bad credentials for ***)", e.getMessage());
    assertEquals(Optional.empty(), Optional.of(e.getMessage()).filter(m -> m.contains(token)));
  }
}
