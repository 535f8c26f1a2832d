package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.TestPeers;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Kind;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autofix against the real peers: the head commit read through Prism (GitHub's REST description),
 * the commit made at the fake's /graphql (GitHub's published GraphQL schema).
 */
class AutofixTest {

  private static final String HEAD = AutofixDecisionTest.HEAD;
  private static final Token APP_TOKEN = new Token("ghs_appInstallationToken0123456789");
  private static final String BRANCH = "example/people:bump-web";

  @TempDir Path workspace;
  @TempDir Path runner;
  private Path root;
  private final Map<String, String> vars = new HashMap<>();
  private final AtomicInteger regenerations = new AtomicInteger();
  private GitHubPeer peer;

  @BeforeEach
  void setUp() throws Exception {
    peer = new GitHubPeer();
    Files.createDirectories(workspace.resolve(".git"));
    Files.writeString(workspace.resolve(".git/HEAD"), HEAD + "\n");
    root = Files.createDirectories(workspace.resolve("services/people"));
    vars.putAll(
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_WORKSPACE", workspace.toString(),
            "GITHUB_API_URL", peer.api.toString(),
            "GITHUB_GRAPHQL_URL", TestPeers.githubFake() + "/graphql",
            "INPUT_GITHUB-TOKEN", GitHubPeer.TOKEN.value(),
            "INPUT_AUTOFIX-TOKEN", APP_TOKEN.value()));
    event("example/people");
  }

  private void event(String headRepository) throws Exception {
    Path event =
        Files.writeString(
            runner.resolve("event.json"),
            "{\"number\": 7, \"pull_request\": {\"number\": 7, \"head\": {\"ref\": \"bump-web\","
                + " \"sha\": \""
                + HEAD
                + "\", \"repo\": {\"full_name\": \""
                + headRepository
                + "\"}}}, \"repository\": {\"full_name\": \"example/people\"}}");
    vars.put("GITHUB_EVENT_PATH", event.toString());
  }

  private void reset(String headMessage, String branchHead, String extra) throws Exception {
    peer.reset(
        "{\"commits\": [{\"repository\": \"example/people\", \"sha\": \""
            + HEAD
            + "\", \"message\": "
            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(headMessage)
            + "}], \"branches\": {\""
            + BRANCH
            + "\": \""
            + branchHead
            + "\"}"
            + extra
            + "}");
  }

  private Regeneration regeneration() {
    regenerations.incrementAndGet();
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    writes.put(ManifestPath.of("kubernetes/qa/deployment-web.yaml"), "kind: Deployment # 1.3\n");
    writes.put(ManifestPath.of("kubernetes/sandbox/namespace.yaml"), "kind: Namespace\n");
    writes.put(ManifestPath.of("kubernetes/production/service-web.yaml"), "kind: Service\n");
    return new Regeneration(
        writes,
        List.of(ManifestPath.of("kubernetes/qa/cronjob-old.yaml")),
        List.of(ManifestPath.of("kubernetes")));
  }

  private Optional<AutofixOutcome> run(Report report) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            new Autofix(
                    peer.transport(), GitHubPeer.noPause(2), Deadline.in(Duration.ofSeconds(30)))
                .run(report, ActionsEnvironment.from(vars), root, this::regeneration));
  }

  private List<JsonNode> requests(String pathPrefix) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    peer.state()
        .path("requests")
        .forEach(
            r -> {
              if (r.path("path").asText().startsWith(pathPrefix)) {
                out.add(r);
              }
            });
    return out;
  }

  @Test
  void run_regenerableFindings_oneCommitOfTheFailingFilesWithTheAppToken() throws Exception {
    reset("bump web to 1.3", HEAD, "");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    JsonNode made = peer.state().path("made");
    assertEquals(1, made.size(), made::toString);
    String oid = made.get(0).path("oid").asText();
    assertEquals(
        AutofixOutcome.committed(
            HEAD, oid, Optional.of("https://github.com/example/people/commit/" + oid), 3),
        outcome);
    assertEquals(
        "kube-generate: regenerate manifests\n\nWhat `kube-generate --update` writes, committed by"
            + " the pull request's check.\n\nKube-Generate-Autofix: true",
        made.get(0).path("message").asText());
    Map<String, String> written = new LinkedHashMap<>();
    made.get(0)
        .path("fileChanges")
        .path("additions")
        .forEach(
            a ->
                written.put(
                    a.path("path").asText(),
                    new String(
                        Base64.getDecoder().decode(a.path("contents").asText()),
                        StandardCharsets.UTF_8)));
    assertEquals(
        Map.of(
            "services/people/kubernetes/qa/deployment-web.yaml", "kind: Deployment # 1.3\n",
            "services/people/kubernetes/sandbox/namespace.yaml", "kind: Namespace\n"),
        written,
        "repository-root paths; the outdated warning's file stays as it is");
    assertEquals(
        "services/people/kubernetes/qa/cronjob-old.yaml",
        made.get(0).path("fileChanges").path("deletions").get(0).path("path").asText());
    assertEquals("bump-web", made.get(0).path("branch").asText());
    assertEquals(HEAD, made.get(0).path("parent").asText());
    // the App's token commits and reads; the comment's token is not used for either
    for (JsonNode r : requests("/")) {
      assertEquals(APP_TOKEN.bearer(), r.path("authorization").asText(), r::toString);
    }
    assertEquals(1, requests("/repos/example/people/commits/" + HEAD).size());
    peer.assertNoViolations();
  }

  @Test
  void run_withoutAutofixToken_theGithubTokenCommits() throws Exception {
    vars.remove("INPUT_AUTOFIX-TOKEN");
    reset("bump web", HEAD, "");

    assertEquals(Kind.COMMITTED, run(AutofixDecisionTest.regenerable()).orElseThrow().kind());
    assertEquals(
        GitHubPeer.TOKEN.bearer(), peer.state().path("made").get(0).path("authorization").asText());
  }

  @Test
  void run_headCommitIsAnAutofixCommit_noSecondCommitNoRender() throws Exception {
    reset("kube-generate: regenerate manifests\n\nKube-Generate-Autofix: true\n", HEAD, "");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(Optional.of(Reason.AUTOFIX_HEAD), outcome.reason());
    assertEquals(0, peer.state().path("made").size());
    assertEquals(List.of(), requests("/graphql"));
    assertEquals(0, regenerations.get(), "nothing rendered for a commit that is not made");
  }

  @Test
  void run_branchMovedOn_aNewerPushWins() throws Exception {
    reset("bump web", "fedcba9876543210fedcba9876543210fedcba98", "");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(AutofixOutcome.superseded(HEAD, ""), outcome);
    assertEquals(0, peer.state().path("made").size());
    assertEquals(
        "fedcba9876543210fedcba9876543210fedcba98",
        peer.state().path("branches").path(BRANCH).asText(),
        "the newer push stays where it is");
  }

  @Test
  void run_answerLostAfterTheCommitWasMade_saysItMayBeItsOwn() throws Exception {
    reset(
        "bump web",
        HEAD,
        ", \"faults\": [{\"method\": \"POST\", \"path\": \"/graphql\", \"status\": 502,"
            + " \"times\": 1, \"commit\": true}]");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(Kind.SUPERSEDED, outcome.kind());
    assertTrue(outcome.detail().contains("may be this run's own"), outcome.detail());
    assertEquals(1, peer.state().path("made").size(), "one commit, never two");
  }

  @Test
  void run_tokenMayNotWriteContents_failsSayingWhatItNeeds() throws Exception {
    reset("bump web", HEAD, ", \"readOnly\": [\"example/people\"]");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(
        AutofixOutcome.failed(
            "GitHub refused the commit: FORBIDDEN: Resource not accessible by integration", HEAD),
        outcome);
  }

  @Test
  void run_headCommitUnknownToGitHub_failsWithoutCommitting() throws Exception {
    peer.reset("{\"branches\": {\"" + BRANCH + "\": \"" + HEAD + "\"}}");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(Kind.FAILED, outcome.kind());
    assertTrue(
        outcome
            .detail()
            .startsWith(
                "the head commit could not be read to rule out a loop: GitHub"
                    + " found no such repository or commit (404"),
        outcome.detail());
    assertEquals(0, peer.state().path("made").size());
  }

  @Test
  void run_forkPullRequest_asksGitHubNothing() throws Exception {
    reset("bump web", HEAD, "");
    event("mallory/people");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(Optional.of(Reason.FORK), outcome.reason());
    assertEquals(0, peer.state().path("requests").size());
    assertEquals(0, regenerations.get());
  }

  @Test
  void run_mergeCommitCheckedOut_asksGitHubNothing() throws Exception {
    reset("bump web", HEAD, "");
    Files.writeString(workspace.resolve(".git/HEAD"), "fedcba9876543210fedcba9876543210fedcba98\n");

    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();

    assertEquals(Optional.of(Reason.NOT_THE_HEAD), outcome.reason());
    assertEquals(0, peer.state().path("requests").size());
  }

  @Test
  void run_cleanCheck_nothingAtAll() throws Exception {
    reset("bump web", HEAD, "");
    assertEquals(Optional.empty(), run(dev.kubegenerate.report.ReportFixtures.clean()));
    assertEquals(0, peer.state().path("requests").size());
  }

  @Test
  void run_noTokenAnywhereInTheOutcome() throws Exception {
    reset("bump web", HEAD, ", \"readOnly\": [\"example/people\"]");
    AutofixOutcome outcome = run(AutofixDecisionTest.regenerable()).orElseThrow();
    assertFalse(outcome.toString().contains(APP_TOKEN.value()));
    assertFalse(outcome.toString().contains(GitHubPeer.TOKEN.value()));
  }
}
