package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.github.RunnerFileCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact of a regeneration as a team reads it (SPEC §8.4), on the repository of the golden case
 * {@code impact-update-json}: its committed manifests were generated from an earlier config, whose
 * entries then changed an env value, inserted an init container, changed a token, raised an
 * autoscaler's bound, changed a selector label and removed an entry.
 */
class ImpactOutputTest {

  private static final Path CASE = Path.of("testdata/impact-update-json/repo");

  @TempDir Path repo;

  @BeforeEach
  void copy() throws IOException {
    try (Stream<Path> files = Files.walk(CASE)) {
      for (Path p : files.toList()) {
        Path target = repo.resolve(CASE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static List<JsonNode> changes(String json) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(json).get("changes").forEach(out::add);
    return out;
  }

  private static JsonNode change(List<JsonNode> changes, String cluster, String kind, String name) {
    return changes.stream()
        .filter(
            c ->
                c.get("cluster").asText().equals(cluster)
                    && c.get("kind").asText().equals(kind)
                    && c.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no change of " + kind + " " + name + " in " + cluster));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void updateJson_eachObjectWithWhatItDoes() throws IOException {
    CliRunner.Result r = CliRunner.run(repo, "--update", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> changes = changes(r.out());

    JsonNode hpa = change(changes, "production", "HorizontalPodAutoscaler", "shop-api");
    assertEquals(List.of("/spec/maxReplicas"), strings(hpa.get("fields")));
    assertFalse(hpa.get("restarts").asBoolean());
    assertTrue(hpa.get("capacity").asBoolean());

    JsonNode web = change(changes, "qa", "Deployment", "shop-web");
    // the init container inserted first is one change; the env value restarts the pods
    assertEquals(
        List.of(
            "/spec/template/spec/initContainers/0", "/spec/template/spec/containers/0/env/0/value"),
        strings(web.get("fields")));
    assertTrue(web.get("restarts").asBoolean());
    assertEquals("shop", web.get("namespace").asText());

    JsonNode jobs = change(changes, "production", "Deployment", "shop-jobs");
    assertEquals(List.of("/spec/selector/matchLabels/track"), strings(jobs.get("immutable")));

    List<JsonNode> deleted =
        changes.stream().filter(c -> c.get("change").asText().equals("deleted")).toList();
    assertEquals(
        List.of("Deployment", "HorizontalPodAutoscaler", "Secret"),
        deleted.stream().map(c -> c.get("kind").asText()).toList());
    deleted.forEach(
        c -> {
          assertEquals("shop-old", c.get("name").asText());
          assertEquals(List.of(), strings(c.get("fields")));
        });

    // untouched: the api's Deployment and Secret, the qa autoscaler of the api
    assertEquals(
        0,
        changes.stream()
            .filter(c -> c.get("name").asText().equals("shop-api"))
            .filter(c -> !c.get("kind").asText().equals("HorizontalPodAutoscaler"))
            .count());
    assertEquals(10, changes.size());
    assertFalse(r.out().contains("s3cr3t"), "a Secret's values never appear");
  }

  @Test
  void diffModeAndMarkdown_nameTheObjectAndTheRestart_neverASecretValue() throws IOException {
    CliRunner.Result md = CliRunner.run(repo, "--format", "markdown");
    assertEquals(1, md.exit(), md.err());
    assertTrue(
        md.out().contains("pods of shop-web and shop-jobs restart; capacity changes for shop-api"),
        md.out());
    assertTrue(
        md.out().contains("| qa | Deployment shop/shop-web | updated | yes |  |\n"), md.out());

    CliRunner.Result text = CliRunner.run(repo);
    assertEquals(1, text.exit());
    assertTrue(
        text.err()
            .contains(
                "  kubernetes/production/horizontal-pod-autoscaler-api.yaml\n"
                    + "    HorizontalPodAutoscaler shop/shop-api: updated /spec/maxReplicas;"
                    + " capacity changes\n"),
        text.err());

    CliRunner.Result json = CliRunner.run(repo, "--format", "json");
    assertEquals(1, json.exit());
    assertEquals(10, changes(json.out()).size());
    // every file the update writes or deletes: the committed files carry the earlier marker format,
    // which the update writes once over every file, those whose objects stay the same included
    assertEquals(21, new ObjectMapper().readTree(json.out()).get("files").size());
    for (CliRunner.Result r : List.of(md, text, json)) {
      assertFalse((r.out() + r.err()).contains("s3cr3t"), "a Secret's values never appear");
    }
  }

  @Test
  void checkSummary_saysWhatRegeneratingTheStaleFilesChanges() throws IOException {
    CliRunner.Result r = CliRunner.run(repo, "check", "--summary", "summary.md");
    assertEquals(1, r.exit(), r.err());
    String summary = Files.readString(repo.resolve("summary.md"));
    assertTrue(
        summary.contains(
            "**What regenerating the stale and outdated files changes:** 7 objects change in 2"
                + " clusters; pods of shop-jobs and shop-web restart; capacity changes for"
                + " shop-api; nothing is deleted; 2 objects change immutable fields"),
        summary);
    assertFalse(summary.contains("s3cr3t"));
  }

  @Test
  void action_update_writesTheMarkdownToTheSummaryAndTheImpactFileUnderRunnerTemp(
      @TempDir Path runner) throws IOException {
    Path summary = Files.createFile(runner.resolve("summary.md"));
    Path outputs = Files.createFile(runner.resolve("outputs"));
    Path temp = Files.createDirectory(runner.resolve("_temp"));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", repo.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("RUNNER_TEMP", temp.toString());
    env.put("INPUT_UPDATE", "true");

    CliRunner.Result r = CliRunner.run(repo, env, "action");

    assertEquals(0, r.exit(), r.out() + r.err());
    String markdown = Files.readString(summary);
    assertTrue(
        markdown.startsWith("### kube-generate: what this regeneration changes\n\n10 objects"),
        markdown);
    Path impact = Path.of(RunnerFileCommands.parse(Files.readString(outputs)).get("impact"));
    assertTrue(impact.startsWith(temp), impact + " is under RUNNER_TEMP, never the workspace");
    assertEquals(markdown, Files.readString(impact) + "\n");
    assertFalse(markdown.contains("s3cr3t"));
  }
}
