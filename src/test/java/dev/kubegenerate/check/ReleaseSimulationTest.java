package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.check.RandomWorkers.Worker;
import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A kube-generate release never fails a pull request (issue 9): for any config, a change of the
 * tool's templates alone makes the changed files {@code outdated} (a warning), and a change of a
 * parameter makes that entry's files {@code stale} (a failure). The tool's templates change through
 * {@code KUBE_GENERATE_TEMPLATES}, exactly as an organisation's release changes them.
 */
class ReleaseSimulationTest {

  private static final Path BUILT_IN = Path.of("templates");

  @Provide
  Arbitrary<List<Worker>> workers() {
    return RandomWorkers.lists(3);
  }

  @Provide
  Arbitrary<String> releaseMarks() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(8);
  }

  @Property(tries = 15)
  void toolTemplatesChanged_configUnchanged_everyChangedFileIsOutdated(
      @ForAll("workers") List<Worker> workers, @ForAll("releaseMarks") String mark)
      throws IOException {
    Path repo = newRepo(workers);
    // the files were written by an older release whose worker template labelled objects differently
    Path older = olderRelease(mark);
    assertEquals(
        0,
        CliRunner.run(repo, Map.of("KUBE_GENERATE_TEMPLATES", older.toString()), "--update")
            .exit());

    JsonNode report = checkJson(repo, Map.of());
    assertEquals(0, report.get("exit").intValue(), report::toString);
    Map<String, String> statuses = statuses(report);
    for (Map.Entry<String, String> file : statuses.entrySet()) {
      String expected = file.getKey().contains("/deployment-") ? "outdated" : "ok";
      assertEquals(expected, file.getValue(), file.getKey() + " in " + statuses);
    }
    assertEquals(
        workers.stream().mapToInt(w -> w.clusters().size()).sum(),
        report.at("/report/counts/outdated").intValue());
  }

  @Property(tries = 15)
  void parameterChanged_thatEntrysFilesAreStale(
      @ForAll("workers") List<Worker> workers,
      @ForAll("changes") int change,
      @ForAll("changes") int which)
      throws IOException {
    Path repo = newRepo(workers);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    List<Worker> changed = new ArrayList<>(workers);
    Worker w = changed.get(which % changed.size());
    Map<String, String> env = new TreeMap<>(w.env());
    Worker after =
        switch (change % 3) {
          case 0 -> new Worker(w.name(), w.replicas() % 9 + 1, w.env(), w.clusters());
          case 1 -> {
            env.put("ADDED", "x");
            yield new Worker(w.name(), w.replicas(), env, w.clusters());
          }
          default -> {
            env.remove(env.isEmpty() ? "" : env.keySet().iterator().next());
            env.put("RELEASE", "y");
            yield new Worker(w.name(), w.replicas(), env, w.clusters());
          }
        };
    changed.set(which % changed.size(), after);
    writeConfig(repo, changed);

    JsonNode report = checkJson(repo, Map.of());
    assertEquals(1, report.get("exit").intValue(), report::toString);
    Map<String, String> statuses = statuses(report);
    for (Map.Entry<String, String> file : statuses.entrySet()) {
      String expected =
          file.getKey().endsWith("/deployment-" + w.name() + ".yaml") ? "stale" : "ok";
      assertEquals(expected, file.getValue(), file.getKey() + " in " + statuses);
    }
  }

  @Provide
  Arbitrary<Integer> changes() {
    return Arbitraries.integers().between(0, 1000);
  }

  @Example
  void repositoryTemplateChanged_isStale_toolTemplateChanged_isOutdated() throws IOException {
    Path repo = newRepo(List.of(new Worker("jobs", 2, Map.of(), List.of("qa"))));
    Path repoTemplates = repo.resolve("platform/templates");
    copyTree(BUILT_IN.resolve("worker"), repoTemplates.resolve("worker"));
    Path tool = Files.createTempDirectory("kube-generate-tool");
    copyTree(BUILT_IN.resolve("worker"), tool.resolve("worker"));
    Map<String, String> env = Map.of("KUBE_GENERATE_TEMPLATES", tool.toString());

    // the tool's copy changes: outdated
    assertEquals(0, CliRunner.run(repo, env, "--update").exit());
    relabel(tool.resolve("worker"), "tool-release");
    assertEquals(
        "outdated", statuses(checkJson(repo, env)).get("kubernetes/qa/deployment-jobs.yaml"));

    // the repository's copy, given with --templates, changes: stale, even though it renders the
    // same as before
    assertEquals(
        0, CliRunner.run(repo, env, "--templates", "platform/templates", "--update").exit());
    relabel(repoTemplates.resolve("worker"), "repository-change");
    JsonNode report = checkJson(repo, env, "--templates", "platform/templates");
    assertEquals("stale", statuses(report).get("kubernetes/qa/deployment-jobs.yaml"));
    assertEquals(1, report.get("exit").intValue());
  }

  @Example
  void outdated_inTheGitHubFormat_isAWarningAndTheSummarySaysTheScheduledUpdateRefreshesIt()
      throws IOException {
    Path repo = newRepo(List.of(new Worker("jobs", 2, Map.of(), List.of("qa"))));
    Path older = olderRelease("old");
    assertEquals(
        0,
        CliRunner.run(repo, Map.of("KUBE_GENERATE_TEMPLATES", older.toString()), "--update")
            .exit());
    Path summary = repo.resolve("summary.md");
    Path output = repo.resolve("output.txt");
    Files.createFile(summary);
    Files.createFile(output);
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_STEP_SUMMARY",
            summary.toString(),
            "GITHUB_OUTPUT",
            output.toString());

    CliRunner.Result r = CliRunner.run(repo, env, "check");

    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("::warning ")
                        && l.contains("file=kubernetes/qa/deployment-jobs.yaml")
                        && l.contains("title=kube-generate%3A outdated")
                        && l.contains("The scheduled kube-generate update refreshes it")),
        r.out());
    String markdown = Files.readString(summary);
    assertTrue(markdown.contains("| outdated | kubernetes/qa/deployment-jobs.yaml |"), markdown);
    assertTrue(markdown.contains("The scheduled kube-generate update refreshes them"), markdown);
  }

  /** The check as JSON, with the exit code beside it. */
  private static JsonNode checkJson(Path repo, Map<String, String> env, String... options)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("check", "--format", "json"));
    CliRunner.Result r = CliRunner.run(repo, env, args.toArray(String[]::new));
    ObjectMapper json = new ObjectMapper();
    return json.createObjectNode().put("exit", r.exit()).set("report", json.readTree(r.out()));
  }

  private static Map<String, String> statuses(JsonNode report) {
    Map<String, String> out = new TreeMap<>();
    report
        .get("report")
        .get("files")
        .forEach(f -> out.put(f.get("path").textValue(), f.get("status").textValue()));
    return out;
  }

  /**
   * The built-in library as a release before this one: the worker labels its objects differently.
   */
  private static Path olderRelease(String mark) throws IOException {
    Path tool = Files.createTempDirectory("kube-generate-older");
    copyTree(BUILT_IN.resolve("worker"), tool.resolve("worker"));
    relabel(tool.resolve("worker"), mark);
    return tool;
  }

  /**
   * Changes a template's output: its Deployment gets a label every object of the worker carries,
   * with a value of the release's own.
   */
  private static void relabel(Path template, String mark) throws IOException {
    Path body = template.resolve("deployment.yaml.peb");
    String text = Files.readString(body);
    String changed =
        text.replace(
            "{{ deployment | json }}",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{ identity | merge({\"labels\":"
                + " identity.labels | merge({\"release\": \""
                + mark
                + "\"})}) | json }}\nspec: {{ deployment.spec | json }}\n");
    assertTrue(!changed.equals(text), "the worker template writes its Deployment");
    Files.writeString(body, changed);
  }

  private static Path newRepo(List<Worker> workers) throws IOException {
    Path repo = Files.createTempDirectory("kube-generate-release");
    writeConfig(repo, workers);
    return repo;
  }

  private static void writeConfig(Path repo, List<Worker> workers) throws IOException {
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        "app: shop\nclusters: [sandbox, qa, production]\ngenerates:\n  - namespace: {}\n"
            + RandomWorkers.entries(workers));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
