package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.TestPeers;
import dev.kubegenerate.testing.GitRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action with {@code autofix: true} on a pull request, end to end: the real check and render,
 * the head commit read through Prism (GitHub's REST description), the commit made at the fake's
 * GraphQL endpoint (GitHub's published schema); then the commit's files checked out and checked.
 */
class AutofixActionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GITHUB_TOKEN = "ghs_workflowToken0123456789abcdef";
  private static final String APP_TOKEN = "ghs_appToken9876543210fedcba";
  private static final String BRANCH = "renovate/people-1.x";
  private static final String SERVICE = "services/people";

  @TempDir Path workspace;
  @TempDir Path runner;
  private GitRepo repo;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    repo = GitRepo.init(workspace);
    Path service = Files.createDirectories(workspace.resolve(SERVICE));
    Files.copy(Path.of("image/sample/kube-generate.yaml"), service.resolve("kube-generate.yaml"));
    assertEquals(ExitCode.CLEAN, cli(Map.of(), "-C", SERVICE, "--update"), err::toString);
    repo.commit(Map.of());
    // the image bump a dependency bot makes, and an entry dropped: stale and orphaned files
    Path config = service.resolve("kube-generate.yaml");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("people:1.4.2", "people:1.4.3")
            .replace("  - namespace:\n      clusters: [sandbox]\n", ""));
    repo.commit(Map.of());
    out.reset();
    err.reset();
  }

  private int cli(Map<String, String> env, String... args) {
    Terminal t =
        new Terminal(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            workspace,
            false);
    return new Cli(t).run(args);
  }

  private String head() throws Exception {
    return repo.git("rev-parse", "HEAD").output().strip();
  }

  /** The fake knows the head commit (its message and files) and the branch at it. */
  private void resetPeer(String sha, String message, String extra) throws Exception {
    ObjectNode options = JSON.createObjectNode();
    ObjectNode commit = options.putArray("commits").addObject();
    commit.put("repository", "example/people").put("sha", sha).put("message", message);
    ObjectNode files = commit.putObject("files");
    repo.tree()
        .forEach(
            (path, text) ->
                files.put(
                    path,
                    Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    options.putObject("branches").put("example/people:" + BRANCH, sha);
    String body = options.toString();
    if (!extra.isEmpty()) {
      body = body.substring(0, body.length() - 1) + ", " + extra + "}";
    }
    fake("/_control/reset", body);
  }

  private JsonNode fake(String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestPeers.githubFake() + path));
    HttpResponse<String> r =
        http.send(
            body == null ? b.build() : b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private Map<String, String> runnerEnv(String sha, String headRepository, String branch)
      throws IOException {
    ObjectNode event = JSON.createObjectNode();
    event.put("number", 7);
    event.putObject("repository").put("full_name", "example/people");
    ObjectNode pr = event.putObject("pull_request");
    pr.put("number", 7);
    ObjectNode headNode = pr.putObject("head");
    headNode.put("ref", branch).put("sha", sha);
    headNode.putObject("repo").put("full_name", headRepository);
    Path eventFile = Files.writeString(runner.resolve("event.json"), event.toString());
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    env.put("GITHUB_OUTPUT", touch("output").toString());
    env.put("GITHUB_STEP_SUMMARY", touch("summary").toString());
    env.put("RUNNER_TEMP", Files.createDirectories(runner.resolve("temp")).toString());
    env.put("GITHUB_API_URL", TestPeers.githubApi());
    env.put("GITHUB_GRAPHQL_URL", TestPeers.githubFake() + "/graphql");
    env.put("INPUT_WORKING-DIRECTORY", SERVICE);
    env.put("INPUT_AUTOFIX", "true");
    env.put("INPUT_GITHUB-TOKEN", GITHUB_TOKEN);
    env.put("INPUT_AUTOFIX-TOKEN", APP_TOKEN);
    return env;
  }

  private Path touch(String name) throws IOException {
    Path f = runner.resolve(name);
    Files.deleteIfExists(f);
    return Files.createFile(f);
  }

  private int action(Map<String, String> env) {
    return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cli(env, "action"));
  }

  private Map<String, String> outputs() throws IOException {
    Map<String, String> o = new HashMap<>();
    String text = Files.readString(runner.resolve("output"));
    var m =
        java.util.regex.Pattern.compile(
                "(?m)^([\\w-]+)<<(\\S+)\\n(.*?)\\n?\\2$", java.util.regex.Pattern.DOTALL)
            .matcher(text);
    while (m.find()) {
      o.put(m.group(1), m.group(3));
    }
    return o;
  }

  /** Neither token in any stream, output file, report, comment or request body. */
  private void assertNoTokenAnywhere() throws Exception {
    StringBuilder seen = new StringBuilder(out.toString(StandardCharsets.UTF_8));
    seen.append(err.toString(StandardCharsets.UTF_8));
    try (Stream<Path> files = Stream.concat(Files.walk(runner), Files.walk(workspace))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.startsWith(workspace.resolve(".git"))) {
          seen.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
      }
    }
    JsonNode state = fake("/_control/state", null);
    state.path("comments").forEach(c -> seen.append(c.path("body").asText()));
    state.path("requests").forEach(r -> seen.append(r.path("body").asText()));
    for (String token : new String[] {GITHUB_TOKEN, APP_TOKEN}) {
      assertFalse(seen.toString().contains(token), "a token was printed or written");
    }
  }

  @Test
  void action_autofix_commitsWhatUpdateWritesAndTheCommitChecksClean() throws Exception {
    String sha = head();
    resetPeer(sha, "bump people to 1.4.3", "");

    int code = action(runnerEnv(sha, "example/people", BRANCH));

    assertEquals(ExitCode.FINDINGS, code, "the verdict is the checked commit's: " + out);
    JsonNode state = fake("/_control/state", null);
    JsonNode made = state.path("made");
    assertEquals(1, made.size(), state::toString);
    String oid = made.get(0).path("oid").asText();
    assertEquals("Bearer " + APP_TOKEN, made.get(0).path("authorization").asText());
    Map<String, String> outputs = outputs();
    assertEquals("committed", outputs.get("autofix"));
    assertEquals(oid, outputs.get("autofix-commit"));
    assertEquals("findings", outputs.get("result"));
    String link = "https://github.com/example/people/commit/" + oid;
    int files =
        made.get(0).path("fileChanges").path("additions").size()
            + made.get(0).path("fileChanges").path("deletions").size();
    String summary = Files.readString(runner.resolve("summary"));
    assertTrue(
        summary.contains("**Autofix:** committed the regeneration of " + files + " files"),
        summary);
    assertTrue(summary.contains("](" + link + ")"), summary);
    JsonNode comments = state.path("comments");
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("](" + link + ")"));
    assertEquals("bot", comments.get(0).path("author").asText(), "the comment keeps its author");
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains(
                "::notice title=kube-generate::autofix committed " + files + " files as " + oid),
        out::toString);

    // the commit's files, checked out, are exactly what --update writes, and check clean
    ArrayNode additions = (ArrayNode) made.get(0).path("fileChanges").path("additions");
    Path updated = Files.createDirectories(runner.resolve("updated"));
    Path committed = Files.createDirectories(runner.resolve("committed"));
    for (Path copy : new Path[] {updated, committed}) {
      for (var e : repo.tree().entrySet()) {
        Path f = copy.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
      }
    }
    additions.forEach(
        a -> {
          try {
            Files.write(
                committed.resolve(a.path("path").asText()),
                Base64.getDecoder().decode(a.path("contents").asText()));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    for (JsonNode d : made.get(0).path("fileChanges").path("deletions")) {
      Files.delete(committed.resolve(d.path("path").asText()));
    }
    assertEquals(
        java.util.List.of("services/people/kubernetes/sandbox/namespace.yaml"),
        made.get(0).path("fileChanges").path("deletions").findValuesAsText("path"));
    assertEquals(
        ExitCode.CLEAN, cli(Map.of(), "-C", updated.resolve(SERVICE).toString(), "--update"));
    assertEquals(GitRepo.folder(updated).tree(), GitRepo.folder(committed).tree());
    out.reset();
    assertEquals(
        ExitCode.CLEAN,
        cli(Map.of(), "-C", committed.resolve(SERVICE).toString(), "check"),
        out::toString);
    assertNoTokenAnywhere();
  }

  @Test
  void action_allBelowAWorkingDirectory_pathsFromTheRepositoryRoot() throws Exception {
    Path ledger = Files.createDirectories(workspace.resolve("services/ledger"));
    Files.writeString(
        ledger.resolve("kube-generate.yaml"),
        Files.readString(Path.of("image/sample/kube-generate.yaml"))
            .replace("app: people", "app: ledger"));
    assertEquals(ExitCode.CLEAN, cli(Map.of(), "-C", "services/ledger", "--update"), err::toString);
    repo.commit(Map.of());
    String sha = head();
    resetPeer(sha, "bump people, add ledger", "");
    Map<String, String> env = runnerEnv(sha, "example/people", BRANCH);
    env.put("INPUT_WORKING-DIRECTORY", "services");
    env.put("INPUT_ALL", "true");

    assertEquals(ExitCode.FINDINGS, action(env), out::toString);

    JsonNode changes = fake("/_control/state", null).path("made").get(0).path("fileChanges");
    java.util.List<String> paths = new java.util.ArrayList<>(changes.findValuesAsText("path"));
    assertFalse(paths.isEmpty());
    for (String p : paths) {
      assertTrue(p.startsWith("services/people/kubernetes/"), p);
    }
    assertNoTokenAnywhere();
  }

  @Test
  void action_runOnTheAutofixCommitStillFailing_noSecondCommit() throws Exception {
    String sha = head();
    resetPeer(sha, "bump", "");
    assertEquals(ExitCode.FINDINGS, action(runnerEnv(sha, "example/people", BRANCH)));
    String oid = fake("/_control/state", null).path("made").get(0).path("oid").asText();
    // the next run is for the autofix commit; say the render still differs (a tool that is not
    // deterministic): the trailer stops a loop
    Files.writeString(workspace.resolve(".git/HEAD"), oid + "\n");
    out.reset();

    int code = action(runnerEnv(oid, "example/people", BRANCH));

    assertEquals(ExitCode.FINDINGS, code);
    assertEquals(1, fake("/_control/state", null).path("made").size(), "no second commit");
    assertEquals("refused", outputs().get("autofix"));
    assertEquals("", outputs().get("autofix-commit"));
    String summary = Files.readString(runner.resolve("summary"));
    assertTrue(summary.contains("the head commit is an autofix commit already"), summary);
    assertNoTokenAnywhere();
  }

  @Test
  void action_newerPushWhileChecking_saysANewerPushWins() throws Exception {
    String sha = head();
    resetPeer(sha, "bump", "");
    fake(
        "/_control/reset",
        "{\"commits\": [{\"repository\": \"example/people\", \"sha\": \""
            + sha
            + "\", \"message\": \"bump\"}], \"branches\": {\"example/people:"
            + BRANCH
            + "\": \"1111111111111111111111111111111111111111\"}}");

    assertEquals(ExitCode.FINDINGS, action(runnerEnv(sha, "example/people", BRANCH)));

    assertEquals("superseded", outputs().get("autofix"));
    String summary = Files.readString(runner.resolve("summary"));
    assertTrue(summary.contains("A newer push wins"), summary);
    assertTrue(summary.contains("```sh\nkube-generate -C services/people --update\n```"), summary);
    assertNoTokenAnywhere();
  }

  @Test
  void action_forkPullRequest_noRequestToCommitAndTheCommentSaysWhy() throws Exception {
    String sha = head();
    resetPeer(sha, "bump", "");

    assertEquals(ExitCode.FINDINGS, action(runnerEnv(sha, "mallory/people", BRANCH)));

    JsonNode state = fake("/_control/state", null);
    assertEquals(0, state.path("made").size());
    // the comment's requests only (its identity look-up, GraphQL's viewer, among them): neither
    // the head commit nor a commit through GraphQL
    state
        .path("requests")
        .forEach(
            r ->
                assertFalse(
                    r.path("path").asText().matches("/repos/[^/]+/[^/]+/commits/.*")
                        || r.path("path").asText().equals("/graphql")
                            && !r.path("body").asText().contains("viewer { login }"),
                    r::toString));
    assertEquals("refused", outputs().get("autofix"));
    String summary = Files.readString(runner.resolve("summary"));
    assertTrue(summary.contains("comes from a fork"), summary);
    assertNoTokenAnywhere();
  }

  @Test
  void action_hostileBranchName_noCommit() throws Exception {
    String sha = head();
    resetPeer(sha, "bump", "");

    assertEquals(
        ExitCode.FINDINGS, action(runnerEnv(sha, "example/people", "refs/heads/main\n::error::x")));

    assertEquals(0, fake("/_control/state", null).path("made").size());
    assertEquals("refused", outputs().get("autofix"));
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.lines().noneMatch(l -> l.startsWith("::error::x")), stdout);
    assertNoTokenAnywhere();
  }

  @Test
  void action_handEditedFile_noCommitWhateverFailOnSays() throws Exception {
    String sha = head();
    Path edited = workspace.resolve(SERVICE + "/kubernetes/production/deployment-web.yaml");
    Files.writeString(edited, Files.readString(edited) + "# tuned\n");
    repo.commit(Map.of());
    sha = head();
    resetPeer(sha, "bump", "");
    Map<String, String> env = runnerEnv(sha, "example/people", BRANCH);
    env.put("INPUT_FAIL-ON", "stale,missing,orphaned");

    assertEquals(ExitCode.FINDINGS, action(env));

    assertEquals(0, fake("/_control/state", null).path("made").size());
    String summary = Files.readString(runner.resolve("summary"));
    assertTrue(summary.contains("a finding needs a person"), summary);
    assertTrue(summary.contains("hand-edited: kubernetes/production/deployment-web.yaml"), summary);
  }

  @Test
  void check_autofixWithoutGithubFormat_usageError() {
    assertEquals(ExitCode.ERROR, cli(Map.of(), "-C", SERVICE, "check", "--autofix"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("--autofix needs --format github"),
        err::toString);
  }
}
