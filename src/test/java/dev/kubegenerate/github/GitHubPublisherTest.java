package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.report.ReportFixtures;
import dev.kubegenerate.report.WorkflowCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole GitHub mode in a simulated Actions run: env vars, event file, output files, API peer. */
class GitHubPublisherTest {

  @TempDir Path runner;
  private Path summary;
  private Path output;
  private Path temp;
  private final Map<String, String> vars = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    summary = Files.createFile(runner.resolve("step_summary"));
    output = Files.createFile(runner.resolve("set_output"));
    temp = Files.createDirectory(runner.resolve("_temp"));
    Path event = Files.writeString(runner.resolve("event.json"), "{\"number\": 7, \"pull_request\":"
        + " {\"number\": 7, \"head\": {\"repo\": {\"full_name\": \"example/people\"}}},"
        + " \"repository\": {\"full_name\": \"example/people\"}}");
    vars.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
        "GITHUB_OUTPUT", output.toString(), "GITHUB_EVENT_PATH", event.toString(),
        "RUNNER_TEMP", temp.toString(), "GITHUB_REPOSITORY", "example/people",
        "INPUT_GITHUB-TOKEN", GitHubPeer.TOKEN.value()));
  }

  @Test
  void publish_threeRunsOnAPullRequest_oneCommentAnnotationsSummaryOutputs() throws Exception {
    GitHubPeer peer = new GitHubPeer();
    peer.reset("{}");
    vars.put("GITHUB_API_URL", peer.api + "/");
    GitHubPublisher publisher = new GitHubPublisher(peer.transport(), GitHubPeer.noPause(2));
    Report fewer = ReportFixtures.report(Status.defaultFailOn(),
        ReportFixtures.everyKindFiles().subList(0, 3));

    Run first = run(publisher, ReportFixtures.everyKind(), "{\"result\": \"findings\"}");
    Run second = run(publisher, fewer, "{}");
    Run third = run(publisher, ReportFixtures.clean(), "{\"result\": \"clean\"}");

    assertEquals(Optional.of(StickyComment.Outcome.CREATED), first.outcome);
    assertEquals(Optional.of(StickyComment.Outcome.UPDATED), second.outcome);
    assertEquals(Optional.of(StickyComment.Outcome.UPDATED), third.outcome);
    JsonNode comments = peer.state().path("comments");
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("findings reported earlier"));
    peer.assertNoViolations();

    assertEquals(WorkflowCommands.render(ReportFixtures.everyKind()), first.stdout);
    assertEquals(List.of(), third.stdout);

    String md = Files.readString(summary);
    assertEquals(3, md.split("### ", -1).length - 1, "each run appends its summary");
    assertTrue(md.startsWith("### ❌ kube-generate: 5 manifests fail the check\n"));

    Map<String, String> outputs = RunnerFileCommands.parse(Files.readString(output));
    assertEquals("clean", outputs.get("result"), "the last run's value wins");
    assertEquals("0", outputs.get("findings"));
    Path report = Path.of(outputs.get("report"));
    assertEquals(temp, report.getParent());
    assertEquals("{\"result\": \"clean\"}", Files.readString(report));
    assertTrue(Files.readString(output).contains("findings<<ghadelimiter_"));
  }

  @Test
  void publish_forkPullRequest_warnsOnceAndVerdictStands() throws Exception {
    GitHubPeer peer = new GitHubPeer();
    peer.reset("{\"forbidden\": [\"example/people\"]}");
    vars.put("GITHUB_API_URL", peer.api.toString());
    GitHubPublisher publisher = new GitHubPublisher(peer.transport(), GitHubPeer.noPause(2));

    Run run = run(publisher, ReportFixtures.everyKind(), "{}");

    assertEquals(Optional.empty(), run.outcome);
    assertEquals("::warning title=kube-generate::pull-request comment not updated: the token may"
        + " not write pull-request comments (403: Resource not accessible by integration); a pull"
        + " request from a fork gets a read-only token, and the workflow needs 'permissions:"
        + " pull-requests: write'", run.stdout.get(0));
    assertEquals(WorkflowCommands.render(ReportFixtures.everyKind(), 1), run.stdout.subList(1,
        run.stdout.size()));
    assertEquals("findings", RunnerFileCommands.parse(Files.readString(output)).get("result"));
    assertTrue(Files.readString(summary).startsWith("### ❌"), "the summary still works");
  }

  @Test
  void publish_pullRequestFromAFork_saysWhyAndWhereTheFindingsAre() throws Exception {
    GitHubPeer peer = new GitHubPeer();
    peer.reset("{\"forbidden\": [\"example/people\"]}");
    vars.put("GITHUB_API_URL", peer.api.toString());
    Files.writeString(Path.of(vars.get("GITHUB_EVENT_PATH")), "{\"number\": 7, \"pull_request\":"
        + " {\"number\": 7, \"head\": {\"repo\": {\"full_name\": \"someone/people\"}}},"
        + " \"repository\": {\"full_name\": \"example/people\"}}");

    Run run = run(new GitHubPublisher(peer.transport(), GitHubPeer.noPause(2)),
        ReportFixtures.everyKind(), "{}");

    assertEquals("::warning title=kube-generate::pull-request comment not updated: this pull"
        + " request comes from a fork, whose token may not write comments (403); the annotations"
        + " and the job summary show every finding", run.stdout.get(0));
    assertEquals(6, run.stdout.size());
  }

  @Test
  void publish_noToken_warnsWithoutCallingGitHub() throws Exception {
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError("no request without a token");
    }, GitHubPeer.noPause(0));

    Run run = run(publisher, ReportFixtures.error(), "{}");

    assertEquals("::warning title=kube-generate::pull-request comment skipped: no token (set the"
        + " action's github-token input, or GITHUB_TOKEN)", run.stdout.get(0));
    assertEquals("error", RunnerFileCommands.parse(Files.readString(output)).get("result"));
  }

  @Test
  void publish_notAPullRequest_warns() throws Exception {
    Files.writeString(Path.of(vars.get("GITHUB_EVENT_PATH")), "{\"ref\": \"refs/heads/main\"}");

    Run run = run(new GitHubPublisher(request -> {
      throw new AssertionError("no request outside a pull request");
    }, GitHubPeer.noPause(0)), ReportFixtures.everyKind(), "{}");

    assertEquals("::warning title=kube-generate::pull-request comment skipped: this run is not"
        + " for a pull request", run.stdout.get(0));
  }

  @Test
  void publish_apiTimesOut_warnsWithoutTheToken() throws Exception {
    vars.put("GITHUB_API_URL", "https://ghe.example.com/api/v3");
    int[] calls = {0};
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      calls[0]++;
      throw new HttpTimeoutException("request timed out");
    }, GitHubPeer.noPause(2));

    Run run = run(publisher, ReportFixtures.everyKind(), "{}");

    assertEquals("::warning title=kube-generate::pull-request comment not updated: GET timed out"
        + " without an answer from GitHub", run.stdout.get(0));
    assertEquals(3, calls[0]);
    assertFalse(String.join("\n", run.stdout).contains(GitHubPeer.TOKEN.value()));
  }

  @Test
  void publish_twoWorkingDirectories_summariesTellThemApart() throws Exception {
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError();
    }, GitHubPeer.noPause(0));
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    publisher.publish(ReportFixtures.clean(), ActionsEnvironment.from(vars), "apps/a", false, "{}", out);
    publisher.publish(ReportFixtures.clean(), ActionsEnvironment.from(vars), "apps/b", false, "{}", out);

    assertEquals("<sub>Working directory: apps/a</sub>\n\n### ✅ kube-generate: every manifest"
        + " matches its config\n\n1 file checked: 1 ok.\n\n\n<sub>Working directory: apps/b</sub>"
        + "\n\n### ✅ kube-generate: every manifest matches its config\n\n1 file checked: 1 ok."
        + "\n\n\n", Files.readString(summary));
  }

  @Test
  void publish_outsideActions_writesNoFiles() throws Exception {
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError();
    }, GitHubPeer.noPause(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    publisher.publish(ReportFixtures.everyKind(), ActionsEnvironment.from(Map.of()), ".", false,
        "{}", new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(WorkflowCommands.render(ReportFixtures.everyKind()),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
    assertEquals("", Files.readString(summary));
    assertEquals("", Files.readString(output));
  }

  @Test
  void publish_withoutComment_noRequestAndNoWarning() throws Exception {
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError("no request without --comment");
    }, GitHubPeer.noPause(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Optional<StickyComment.Outcome> outcome = publisher.publish(ReportFixtures.everyKind(),
        ActionsEnvironment.from(vars), ".", false, "{}", new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(Optional.empty(), outcome);
    assertEquals(WorkflowCommands.render(ReportFixtures.everyKind()),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void publish_containerAction_writesReportThroughTheMountedTemp() throws Exception {
    Path mounted = Files.createDirectory(runner.resolve("runner_temp"));
    vars.put("RUNNER_TEMP", "/home/runner/work/_temp");
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError();
    }, GitHubPeer.noPause(0), mounted);

    publisher.publish(ReportFixtures.clean(), ActionsEnvironment.from(vars), ".", false, "{\"a\":1}",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String shown = RunnerFileCommands.parse(Files.readString(output)).get("report");
    assertTrue(shown.startsWith("/home/runner/work/_temp/kube-generate-report-"), shown);
    Path written = mounted.resolve(Path.of(shown).getFileName());
    assertEquals("{\"a\":1}", Files.readString(written));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(written)), "later steps run as another user");
  }

  @Test
  void publish_runnerTempIsTheContainerMount_reportGoesToTheWorkspace() throws Exception {
    Path mounted = Files.createDirectory(runner.resolve("runner_temp"));
    Path workspace = Files.createDirectory(runner.resolve("workspace"));
    vars.put("RUNNER_TEMP", mounted.toString());
    vars.put("GITHUB_WORKSPACE", workspace.toString());
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher = new GitHubPublisher(request -> {
      throw new AssertionError();
    }, GitHubPeer.noPause(0), mounted);

    publisher.publish(ReportFixtures.clean(), ActionsEnvironment.from(vars), ".", false, "{\"a\":1}",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String shown = RunnerFileCommands.parse(Files.readString(output)).get("report");
    assertTrue(shown.startsWith(".kube-generate/kube-generate-report-"), shown);
    assertEquals("{\"a\":1}", Files.readString(workspace.resolve(shown)));
  }

  private record Run(Optional<StickyComment.Outcome> outcome, List<String> stdout) {}

  private Run run(GitHubPublisher publisher, Report report, String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Optional<StickyComment.Outcome> outcome = publisher.publish(report,
        ActionsEnvironment.from(vars), ".", true, json,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains(GitHubPeer.TOKEN.value()), "the token never reaches stdout");
    return new Run(outcome, out.lines().toList());
  }
}
