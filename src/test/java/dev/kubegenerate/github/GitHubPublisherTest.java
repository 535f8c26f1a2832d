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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole GitHub mode in a simulated Actions run: env vars, event file, output files, API peer.
 */
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
    Path event =
        Files.writeString(
            runner.resolve("event.json"),
            "{\"number\": 7, \"pull_request\":"
                + " {\"number\": 7, \"head\": {\"repo\": {\"full_name\": \"example/people\"}}},"
                + " \"repository\": {\"full_name\": \"example/people\"}}");
    vars.putAll(
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_STEP_SUMMARY",
            summary.toString(),
            "GITHUB_OUTPUT",
            output.toString(),
            "GITHUB_EVENT_PATH",
            event.toString(),
            "RUNNER_TEMP",
            temp.toString(),
            "GITHUB_REPOSITORY",
            "example/people",
            "INPUT_GITHUB-TOKEN",
            GitHubPeer.TOKEN.value()));
  }

  @Test
  void publish_threeRunsOnAPullRequest_oneCommentAnnotationsSummaryOutputs() throws Exception {
    GitHubPeer peer = new GitHubPeer();
    peer.reset("{}");
    vars.put("GITHUB_API_URL", peer.api + "/");
    GitHubPublisher publisher = new GitHubPublisher(peer.transport(), GitHubPeer.noPause(2));
    Report fewer =
        ReportFixtures.report(
            Status.defaultFailOn(), ReportFixtures.everyKindFiles().subList(0, 3));

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
    assertEquals(
        "::warning title=kube-generate::pull-request comment not updated: the token may"
            + " not write pull-request comments (403: Resource not accessible by integration); a pull"
            + " request from a fork gets a read-only token, and the workflow needs 'permissions:"
            + " pull-requests: write'",
        run.stdout.get(run.stdout.size() - 1));
    // the comment is tried after the annotations, and its warning comes last
    assertEquals(
        WorkflowCommands.render(ReportFixtures.everyKind(), 1),
        run.stdout.subList(0, run.stdout.size() - 1));
    assertEquals("findings", RunnerFileCommands.parse(Files.readString(output)).get("result"));
    assertTrue(Files.readString(summary).startsWith("### ❌"), "the summary still works");
  }

  @Test
  void publish_pullRequestFromAFork_saysWhyAndWhereTheFindingsAre() throws Exception {
    GitHubPeer peer = new GitHubPeer();
    peer.reset("{\"forbidden\": [\"example/people\"]}");
    vars.put("GITHUB_API_URL", peer.api.toString());
    Files.writeString(
        Path.of(vars.get("GITHUB_EVENT_PATH")),
        "{\"number\": 7, \"pull_request\":"
            + " {\"number\": 7, \"head\": {\"repo\": {\"full_name\": \"someone/people\"}}},"
            + " \"repository\": {\"full_name\": \"example/people\"}}");

    Run run =
        run(
            new GitHubPublisher(peer.transport(), GitHubPeer.noPause(2)),
            ReportFixtures.everyKind(),
            "{}");

    assertEquals(
        "::warning title=kube-generate::pull-request comment not updated: this pull"
            + " request comes from a fork, whose token may not write comments (403); the annotations"
            + " and the job summary show every finding",
        run.stdout.get(run.stdout.size() - 1));
    assertEquals(6, run.stdout.size());
  }

  @Test
  void publish_noToken_warnsWithoutCallingGitHub() throws Exception {
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError("no request without a token");
            },
            GitHubPeer.noPause(0));

    Run run = run(publisher, ReportFixtures.error(), "{}");

    assertEquals(
        "::warning title=kube-generate::pull-request comment skipped: no token (set the"
            + " action's github-token input, or GITHUB_TOKEN)",
        run.stdout.get(run.stdout.size() - 1));
    assertEquals("error", RunnerFileCommands.parse(Files.readString(output)).get("result"));
  }

  @Test
  void publish_notAPullRequest_warns() throws Exception {
    Files.writeString(Path.of(vars.get("GITHUB_EVENT_PATH")), "{\"ref\": \"refs/heads/main\"}");

    Run run =
        run(
            new GitHubPublisher(
                request -> {
                  throw new AssertionError("no request outside a pull request");
                },
                GitHubPeer.noPause(0)),
            ReportFixtures.everyKind(),
            "{}");

    assertEquals(
        "::warning title=kube-generate::pull-request comment skipped: this run is not"
            + " for a pull request",
        run.stdout.get(run.stdout.size() - 1));
  }

  @Test
  void publish_apiTimesOut_warnsWithoutTheToken() throws Exception {
    vars.put("GITHUB_API_URL", "https://ghe.example.com/api/v3");
    int[] calls = {0};
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              calls[0]++;
              throw new HttpTimeoutException("request timed out");
            },
            GitHubPeer.noPause(2));

    Run run = run(publisher, ReportFixtures.everyKind(), "{}");

    assertEquals(
        "::warning title=kube-generate::pull-request comment not updated: GET timed out"
            + " without an answer from GitHub",
        run.stdout.get(run.stdout.size() - 1));
    assertEquals(3, calls[0]);
    assertFalse(String.join("\n", run.stdout).contains(GitHubPeer.TOKEN.value()));
  }

  @Test
  void publish_twoWorkingDirectories_summariesTellThemApart() throws Exception {
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError();
            },
            GitHubPeer.noPause(0));
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    publisher.publish(
        ReportFixtures.clean(), ActionsEnvironment.from(vars), "apps/a", false, "{}", out);
    publisher.publish(
        ReportFixtures.clean(), ActionsEnvironment.from(vars), "apps/b", false, "{}", out);

    assertEquals(
        "<sub>Working directory: apps/a</sub>\n\n### ✅ kube-generate: every manifest"
            + " matches its config\n\n1 file checked: 1 ok.\n\n\n<sub>Working directory: apps/b</sub>"
            + "\n\n### ✅ kube-generate: every manifest matches its config\n\n1 file checked: 1 ok."
            + "\n\n\n",
        Files.readString(summary));
  }

  @Test
  void publish_outsideActions_writesNoFiles() throws Exception {
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError();
            },
            GitHubPeer.noPause(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    publisher.publish(
        ReportFixtures.everyKind(),
        ActionsEnvironment.from(Map.of()),
        ".",
        false,
        "{}",
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(
        WorkflowCommands.render(ReportFixtures.everyKind()),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
    assertEquals("", Files.readString(summary));
    assertEquals("", Files.readString(output));
  }

  @Test
  void publish_withoutComment_noRequestAndNoWarning() throws Exception {
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError("no request without --comment");
            },
            GitHubPeer.noPause(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Optional<StickyComment.Outcome> outcome =
        publisher.publish(
            ReportFixtures.everyKind(),
            ActionsEnvironment.from(vars),
            ".",
            false,
            "{}",
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(Optional.empty(), outcome);
    assertEquals(
        WorkflowCommands.render(ReportFixtures.everyKind()),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void publish_containerAction_writesReportThroughTheMountedTemp() throws Exception {
    Path mounted = Files.createDirectory(runner.resolve("runner_temp"));
    vars.put("RUNNER_TEMP", "/home/runner/work/_temp");
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError();
            },
            GitHubPeer.noPause(0),
            mounted);

    publisher.publish(
        ReportFixtures.clean(),
        ActionsEnvironment.from(vars),
        ".",
        false,
        "{\"a\":1}",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String shown = RunnerFileCommands.parse(Files.readString(output)).get("report");
    assertTrue(shown.startsWith("/home/runner/work/_temp/kube-generate-report-"), shown);
    Path written = mounted.resolve(Path.of(shown).getFileName());
    assertEquals("{\"a\":1}", Files.readString(written));
    assertEquals(
        "rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(written)),
        "later steps run as another user");
  }

  @Test
  void publish_runnerTempIsTheContainerMount_reportGoesToTheWorkspace() throws Exception {
    Path mounted = Files.createDirectory(runner.resolve("runner_temp"));
    Path workspace = Files.createDirectory(runner.resolve("workspace"));
    vars.put("RUNNER_TEMP", mounted.toString());
    vars.put("GITHUB_WORKSPACE", workspace.toString());
    vars.remove("INPUT_GITHUB-TOKEN");
    GitHubPublisher publisher =
        new GitHubPublisher(
            request -> {
              throw new AssertionError();
            },
            GitHubPeer.noPause(0),
            mounted);

    publisher.publish(
        ReportFixtures.clean(),
        ActionsEnvironment.from(vars),
        ".",
        false,
        "{\"a\":1}",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String shown = RunnerFileCommands.parse(Files.readString(output)).get("report");
    assertTrue(shown.startsWith(".kube-generate/kube-generate-report-"), shown);
    assertEquals("{\"a\":1}", Files.readString(workspace.resolve(shown)));
  }

  /**
   * The acceptance run: the real command line in a simulated Actions run on the example
   * repository with each kind of finding, against the API peer, across fix-up pushes.
   */
  @Nested
  class ThroughTheCommandLine {

    @TempDir Path repo;

    @Test
    void check_fourPushes_annotationsSummaryOutputsAndOneComment() throws Exception {
      GitHubPeer peer = new GitHubPeer();
      peer.reset("{}");
      copy(Path.of("examples/people"), repo);
      vars.put("GITHUB_API_URL", peer.api.toString());
      vars.put("GITHUB_WORKSPACE", repo.toString());
      edit("kube-generate.yaml", "maxReplicas: 20", "maxReplicas: 21");
      edit("kubernetes/qa/deployment-web.yaml", "people:1.4.2", "people:9.9.9");
      Files.delete(repo.resolve("kubernetes/sandbox/service-account.yaml"));
      Files.copy(
          repo.resolve("kubernetes/qa/service-web.yaml"),
          repo.resolve("kubernetes/qa/service-old.yaml"));
      String odd = "kubernetes/qa/odd,name%:x.yaml";
      Files.writeString(repo.resolve(odd), "apiVersion: v1\nkind: ConfigMap\n");

      Cli first = cli();
      assertEquals(1, first.code);
      // title and file of each annotation, most important first; of the production files of the
      // entry, only the autoscaler's render reads the changed maxReplicas: it alone is stale
      assertEquals(
          List.of(
              "::error title=kube-generate%3A hand-edited,file=kubernetes/qa/deployment-web.yaml",
              "::error title=kube-generate%3A stale,file=kubernetes/production/horizontal-pod-"
                  + "autoscaler-web.yaml",
              "::error title=kube-generate%3A missing,file=kube-generate.yaml",
              "::error title=kube-generate%3A unmanaged,file=kubernetes/qa/odd%2Cname%25%3Ax.yaml",
              "::error title=kube-generate%3A orphaned,file=kubernetes/qa/service-old.yaml",
              // the example's ExternalSecret is a custom resource with no schema: told once, never
              // a failure
              "::notice title=kube-generate%3A no-schema,file=kubernetes/production/external-secret.yaml"),
          first.stdout.stream().map(l -> l.substring(0, l.indexOf(",line="))).toList());
      assertTrue(first.stdout.get(0).contains(",line=55,endLine=55::"), first.stdout.get(0));
      assertTrue(
          first
              .stdout
              .get(1)
              .endsWith(
                  ",line=19,endLine=19::kubernetes/production/"
                      + "horizontal-pod-autoscaler-web.yaml is out of date: the config or the templates changed"
                      + " since it was generated (line 19). Run: kube-generate --update"),
          first.stdout.get(1));
      assertTrue(
          first
              .stdout
              .get(3)
              .endsWith(
                  ",line=1,endLine=1::kubernetes/qa/odd,name%25:x.yaml"
                      + " is neither generated nor marked as hand-written. Generate it from kube-generate.yaml,"
                      + " list it under handwritten:, or delete it. To regenerate everything run:"
                      + " kube-generate --update"),
          first.stdout.get(3));
      assertEquals(List.of(), first.stderr);
      Map<String, String> outputs = RunnerFileCommands.parse(Files.readString(output));
      assertEquals("findings", outputs.get("result"));
      assertEquals("5", outputs.get("findings"));
      assertTrue(Files.readString(Path.of(outputs.get("report"))).contains("\"hand-edited\""));

      assertEquals(
          0, new dev.kubegenerate.cli.Cli(terminal(new ByteArrayOutputStream())).run("--update"));
      Cli second = cli();
      assertEquals(1, second.code);
      assertEquals(1, findings(second).size(), "only the unmanaged file is left");
      Files.delete(repo.resolve(odd));
      Cli third = cli();
      assertEquals(0, third.code);
      assertEquals(List.of(), findings(third));
      assertEquals(1, third.stdout.size(), "the custom resource's notice stays, and only it");
      Cli fourth = cli();
      assertEquals(0, fourth.code);

      JsonNode comments = peer.state().path("comments");
      assertEquals(1, comments.size(), "one comment, never duplicated");
      assertTrue(
          comments
              .get(0)
              .path("body")
              .asText()
              .contains("findings reported earlier on" + " this pull request are fixed"));
      List<String> methods = new java.util.ArrayList<>();
      peer.state()
          .path("requests")
          .forEach(
              r -> {
                if (!r.path("path").asText().equals("/user")) {
                  methods.add(r.path("method").asText());
                }
              });
      assertEquals(List.of("GET", "POST", "GET", "PATCH", "GET", "PATCH", "GET"), methods);
      peer.assertNoViolations();
      assertEquals(4, Files.readString(summary).split("\n### ", -1).length);
      assertEquals("clean", RunnerFileCommands.parse(Files.readString(output)).get("result"));
    }

    /** The annotations of findings: the notice of a custom resource without a schema is not one. */
    private List<String> findings(Cli run) {
      return run.stdout.stream()
          .filter(l -> !l.startsWith("::notice title=kube-generate%3A no-schema"))
          .toList();
    }

    private void edit(String file, String from, String to) throws Exception {
      Path p = repo.resolve(file);
      String text = Files.readString(p);
      assertTrue(text.contains(from), file + " holds " + from);
      Files.writeString(p, text.replace(from, to));
    }

    private Cli cli() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      dev.kubegenerate.cli.Terminal t =
          new dev.kubegenerate.cli.Terminal(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              vars,
              repo,
              false);
      int code = new dev.kubegenerate.cli.Cli(t).run("check", "--comment");
      String stdout = out.toString(StandardCharsets.UTF_8);
      String stderr = err.toString(StandardCharsets.UTF_8);
      assertFalse((stdout + stderr).contains(GitHubPeer.TOKEN.value()));
      return new Cli(code, stdout.lines().toList(), stderr.lines().toList());
    }

    private dev.kubegenerate.cli.Terminal terminal(ByteArrayOutputStream sink) {
      PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
      return new dev.kubegenerate.cli.Terminal(p, p, Map.of(), repo, false);
    }

    private record Cli(int code, List<String> stdout, List<String> stderr) {}
  }

  private static void copy(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private record Run(Optional<StickyComment.Outcome> outcome, List<String> stdout) {}

  private Run run(GitHubPublisher publisher, Report report, String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Optional<StickyComment.Outcome> outcome =
        publisher.publish(
            report,
            ActionsEnvironment.from(vars),
            ".",
            true,
            json,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains(GitHubPeer.TOKEN.value()), "the token never reaches stdout");
    return new Run(outcome, out.lines().toList());
  }
}
