package dev.kubegenerate.github;

import static dev.kubegenerate.github.ActionYmlTest.load;
import static dev.kubegenerate.github.ActionYmlTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's workflows and the example workflows users copy: structure, pinning, permissions.
 */
class WorkflowsTest {

  private static final Path CHECK_EXAMPLE = Path.of("examples/workflows/kube-generate-check.yml");
  private static final Path UPDATE_EXAMPLE = Path.of("examples/workflows/kube-generate-update.yml");
  private static final Path AUTOFIX_EXAMPLE =
      Path.of("examples/workflows/kube-generate-autofix.yml");
  // owner/repo[/path]@vMAJOR[.MINOR[.PATCH]] or @<full commit SHA>; never a branch
  private static final Pattern PINNED_ACTION =
      Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})");
  // docker://image:tag or @sha256:digest; never :latest or no tag
  private static final Pattern PINNED_IMAGE =
      Pattern.compile("docker://[a-z0-9./-]+(:(?!latest$)[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})");

  private static final Path ORG_WORKFLOWS = Path.of("examples/org-action/.github/workflows");
  private static final Path ORG_APP_UPDATE =
      Path.of("examples/org-action/app-workflows/kube-generate-update.yml");

  /**
   * The project's and the examples' workflows, the organisation's action's and the one it gives its
   * application repositories included.
   */
  static Stream<Path> workflows() throws IOException {
    return Stream.concat(
        Stream.concat(projectAndExamples(), list(List.of(ORG_WORKFLOWS))),
        Stream.of(ORG_APP_UPDATE));
  }

  static Stream<Path> projectAndExamples() throws IOException {
    return list(List.of(Path.of(".github/workflows"), Path.of("examples/workflows")));
  }

  private static Stream<Path> list(List<Path> dirs) throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  @Test
  void workflows_projectAndExamplesPresent() throws IOException {
    assertEquals(
        List.of(
            Path.of(".github/workflows/ci.yml"),
            Path.of(".github/workflows/release.yml"),
            AUTOFIX_EXAMPLE,
            CHECK_EXAMPLE,
            UPDATE_EXAMPLE),
        projectAndExamples().toList());
    assertEquals(
        List.of(ORG_WORKFLOWS.resolve("release.yml"), ORG_WORKFLOWS.resolve("template-test.yml")),
        list(List.of(ORG_WORKFLOWS)).toList());
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void workflow_namedTriggeredWithLeastPrivilegeJobsAndSteps(Path file) throws IOException {
    Map<String, Object> wf = load(file);
    assertFalse(String.valueOf(wf.get("name")).isBlank(), "name");
    assertFalse(map(wf.get("on")).isEmpty(), "on");
    // without an explicit block the token gets the repository's default, often write-all
    assertFalse(map(wf.get("permissions")).isEmpty(), "permissions");
    Map<String, Object> jobs = map(wf.get("jobs"));
    assertFalse(jobs.isEmpty(), "jobs");
    jobs.forEach(
        (id, job) -> {
          Map<String, Object> j = map(job);
          assertTrue(j.get("runs-on") instanceof String, id + ": runs-on");
          assertTrue(j.get("timeout-minutes") instanceof Integer, id + ": timeout-minutes");
          List<?> steps = (List<?>) j.get("steps");
          assertFalse(steps.isEmpty(), id + ": steps");
          steps.forEach(
              step ->
                  assertTrue(
                      map(step).containsKey("uses") ^ map(step).containsKey("run"),
                      id + ": a step has either uses or run: " + step));
        });
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void workflow_everyActionPinnedToAVersion(Path file) throws IOException {
    List<String> uses =
        steps(load(file)).stream().map(s -> (String) s.get("uses")).filter(u -> u != null).toList();
    assertFalse(uses.isEmpty(), "no action used");
    for (String u : uses) {
      assertTrue(
          PINNED_ACTION.matcher(u).matches() || PINNED_IMAGE.matcher(u).matches(),
          file + ": not pinned to a version or SHA: " + u);
    }
  }

  @Test
  void checkExample_pullRequestWithPermissionsAndKnownInputs() throws IOException {
    Map<String, Object> wf = load(CHECK_EXAMPLE);
    assertEquals(List.of("pull_request"), List.copyOf(map(wf.get("on")).keySet()));
    assertEquals(Map.of("contents", "read", "pull-requests", "write"), wf.get("permissions"));
    Map<String, Object> step = stepUsing(wf, "kube-generate/kube-generate-check@v1");
    // every input the example sets is one action.yml declares
    Map<String, Object> inputs = map(load(Path.of("action.yml")).get("inputs"));
    map(step.get("with"))
        .keySet()
        .forEach(k -> assertTrue(inputs.containsKey(k), "undeclared input " + k));
    assertEquals(
        "kube-generate check",
        map(map(wf.get("jobs")).get("check")).get("name"),
        "the job name is the required status check's name the example's comment tells users to pick");
  }

  @Test
  void checkExample_ownerIsTheOneTheImageIsPublishedUnder() throws IOException {
    String image = (String) map(load(Path.of("action.yml")).get("runs")).get("image");
    String owner = image.split("/")[3];
    stepUsing(load(CHECK_EXAMPLE), owner + "/kube-generate-check@v1");
    stepUsing(load(UPDATE_EXAMPLE), owner + "/kube-generate-check@v1");
    stepUsing(load(AUTOFIX_EXAMPLE), owner + "/kube-generate-check@v1");
  }

  @Test
  void autofixExample_appTokenCommitsTheHeadCommitIsCheckedOut() throws IOException {
    Map<String, Object> wf = load(AUTOFIX_EXAMPLE);
    assertEquals(List.of("pull_request"), List.copyOf(map(wf.get("on")).keySet()));
    // the App's token commits: the workflow's own token needs no write access to contents
    assertEquals(Map.of("contents", "read", "pull-requests", "write"), wf.get("permissions"));
    Map<String, Object> app = stepUsing(wf, "actions/create-github-app-token@v2");
    Map<String, Object> checkout = stepUsing(wf, "actions/checkout@v4");
    Map<String, Object> check = stepUsing(wf, "kube-generate/kube-generate-check@v1");
    List<Map<String, Object>> steps = steps(wf);
    assertTrue(
        steps.indexOf(app) < steps.indexOf(check)
            && steps.indexOf(checkout) < steps.indexOf(check));
    assertEquals(
        "${{ github.event.pull_request.head.sha }}",
        map(checkout.get("with")).get("ref"),
        "autofix commits only on top of the head commit, never the merge commit");
    assertEquals(
        "github.event.pull_request.head.repo.full_name == github.repository",
        app.get("if"),
        "a fork's pull request gets no secrets");
    assertEquals(
        true, app.get("continue-on-error"), "no App token: the check runs without autofix");
    Map<String, Object> with = map(check.get("with"));
    String token = "${{ steps." + app.get("id") + ".outputs.token }}";
    assertEquals(token, with.get("autofix-token"));
    assertEquals("${{ steps." + app.get("id") + ".outputs.token != '' }}", with.get("autofix"));
    Map<String, Object> inputs = map(load(Path.of("action.yml")).get("inputs"));
    with.keySet().forEach(k -> assertTrue(inputs.containsKey(k), "undeclared input " + k));
    assertEquals("kube-generate check", map(map(wf.get("jobs")).get("check")).get("name"));
    String text = Files.readString(AUTOFIX_EXAMPLE);
    assertTrue(
        text.contains("starts no workflow\n# run"), "the example says why it needs an App token");
    assertTrue(text.contains("Dependabot secrets"), "and where Dependabot's runs find the App");
    assertTrue(text.contains("\"Contents: read and write\""), "and what the App needs");
  }

  @Test
  void updateExample_scheduledUpdateOpensPullRequestWithAppToken() throws IOException {
    Map<String, Object> wf = load(UPDATE_EXAMPLE);
    Map<String, Object> on = map(wf.get("on"));
    assertTrue(on.containsKey("schedule") && on.containsKey("workflow_dispatch"), "on: " + on);
    assertEquals(Map.of("contents", "read"), wf.get("permissions"));

    Map<String, Object> app = stepUsing(wf, "actions/create-github-app-token@v2");
    // the same action and version as the check, so a major upgrade is one edit per workflow
    Map<String, Object> update = stepUsing(wf, "kube-generate/kube-generate-check@v1");
    Map<String, Object> pr = stepUsing(wf, "peter-evans/create-pull-request@v7");
    List<Map<String, Object>> steps = steps(wf);
    assertTrue(steps.indexOf(update) < steps.indexOf(pr), "update before the pull request");
    assertEquals(true, map(update.get("with")).get("update"));
    Map<String, Object> inputs = map(load(Path.of("action.yml")).get("inputs"));
    map(update.get("with"))
        .keySet()
        .forEach(k -> assertTrue(inputs.containsKey(k), "undeclared input " + k));
    assertEquals(
        "${{ steps." + app.get("id") + ".outputs.token }}",
        map(pr.get("with")).get("token"),
        "the pull request must be opened with the App token, or required checks never run on it");
    assertTrue(
        Files.readString(UPDATE_EXAMPLE).contains("do not trigger\n# other workflows"),
        "the example says why it needs an App token");
    // the pull request's body is what the update does, object by object (SPEC §8.4)
    assertEquals(
        "${{ steps." + update.get("id") + ".outputs.impact }}",
        map(pr.get("with")).get("body-path"));
  }

  @Test
  void orgAppUpdate_releaseNotesThenTheImpactAsThePullRequestBody() throws IOException {
    Map<String, Object> wf = load(ORG_APP_UPDATE);
    Map<String, Object> update = stepUsing(wf, "example-org/kube-generate-check@v1");
    assertEquals(true, map(update.get("with")).get("update"));
    Map<String, Object> org = map(load(Path.of("examples/org-action/action.yml")).get("inputs"));
    map(update.get("with"))
        .keySet()
        .forEach(k -> assertTrue(org.containsKey(k), "undeclared input " + k));
    Map<String, Object> body =
        steps(wf).stream()
            .filter(s -> String.valueOf(s.get("run")).contains("gh release view"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "${{ steps." + update.get("id") + ".outputs.impact }}", map(body.get("env")).get("IMPACT"));
    String run = (String) body.get("run");
    assertTrue(run.indexOf("gh release view") < run.indexOf("cat \"$IMPACT\""), run);
    Map<String, Object> pr = stepUsing(wf, "peter-evans/create-pull-request@v7");
    assertEquals(
        "${{ steps." + body.get("id") + ".outputs.path }}", map(pr.get("with")).get("body-path"));
    assertTrue(
        runs(load(ORG_WORKFLOWS.resolve("release.yml"))).contains("gh release create")
            && runs(load(ORG_WORKFLOWS.resolve("release.yml"))).contains("--notes-from-tag"),
        "the release publishes the notes the update puts first");
  }

  @Test
  void ci_buildsTestsAndSmokeTestsTheImage() throws IOException {
    String runs = runs(load(Path.of(".github/workflows/ci.yml")));
    assertTrue(runs.contains("./mvnw -B -ntp verify"), runs);
    assertTrue(runs.contains(".ci/image-smoke"), runs);
    // the GitHub tests fail in CI without their peers
    assertTrue(runs.contains("eval \"$(.ci/github-peers start)\"\n"), runs);
  }

  @Test
  void release_pushesWithJibOnVersionTagAndMovesMajorTag() throws IOException {
    Map<String, Object> wf = load(Path.of(".github/workflows/release.yml"));
    assertEquals(Map.of("tags", List.of("v[0-9]+.[0-9]+.[0-9]+")), map(wf.get("on")).get("push"));
    assertEquals(Map.of("contents", "write", "packages", "write"), wf.get("permissions"));
    String runs = runs(wf);
    // each platform's image, built on a machine of that platform, carries its jlink'ed runtime
    // and the class-data archive dumped by running it; then jib pushes it
    assertTrue(runs.contains("image/build --from gcr.io/distroless/base-nossl-debian13"), runs);
    assertTrue(runs.contains("--platform \"linux/$arch\""), runs);
    assertTrue(runs.contains("jib:build"), runs);
    assertTrue(runs.contains("-t \"$IMAGE:$VERSION\" -t \"$IMAGE:$MAJOR\""), runs);
    assertTrue(
        runs.contains("git push -f origin \"refs/tags/v${{ needs.release.outputs.major }}\""),
        runs);
    // the runtime is linked from one exact JDK, so a rebuild gives the same layer
    assertTrue(Files.readString(Path.of(".github/workflows/release.yml")).contains("25.0.3+9"));
  }

  @Test
  void orgRelease_onVersionTagBuildsTestsPushesVersionAndMajor_movesMajorTag() throws IOException {
    Map<String, Object> wf = load(ORG_WORKFLOWS.resolve("release.yml"));
    assertEquals(Map.of("tags", List.of("v[0-9]+.[0-9]+.[0-9]+")), map(wf.get("on")).get("push"));
    String runs = runs(wf);
    assertTrue(runs.contains("docker build"), runs);
    assertTrue(
        runs.indexOf("check --format text") < runs.indexOf("docker push"),
        "tested before it is pushed");
    assertTrue(
        runs.contains(
            "docker push \"${{ steps.version.outputs.image }}:${{ steps.version.outputs.major }}\""),
        runs);
    assertTrue(
        runs.contains("git push -f origin \"refs/tags/v${{ steps.version.outputs.major }}\""),
        runs);
  }

  @Test
  void orgTemplateTest_buildsTheImageAndChecksTheExampleOnEveryPullRequest() throws IOException {
    Map<String, Object> wf = load(ORG_WORKFLOWS.resolve("template-test.yml"));
    assertTrue(map(wf.get("on")).containsKey("pull_request"));
    String runs = runs(wf);
    assertTrue(runs.contains("docker build -t example-org-kube-generate:test ."), runs);
    assertTrue(
        runs.contains("-v \"$PWD/example:/github/workspace\" example-org-kube-generate:test check"),
        runs);
  }

  private static List<Map<String, Object>> steps(Map<String, Object> wf) {
    List<Map<String, Object>> all = new ArrayList<>();
    map(wf.get("jobs"))
        .values()
        .forEach(job -> ((List<?>) map(job).get("steps")).forEach(s -> all.add(map(s))));
    return all;
  }

  private static String runs(Map<String, Object> wf) {
    return String.join("\n", steps(wf).stream().map(s -> String.valueOf(s.get("run"))).toList());
  }

  private static Map<String, Object> stepUsing(Map<String, Object> wf, String uses) {
    return steps(wf).stream()
        .filter(s -> uses.equals(s.get("uses")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + uses));
  }
}
