package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep nesting anywhere a pull request can put it ends in a verdict, never in a StackOverflowError:
 * the config, a template's spec, a rendered body, a committed manifest, a recursive macro and a
 * deeply nested template expression.
 */
class BoundsNestingTest {

  /** Far deeper than any real manifest, and deep enough to overflow a recursive reader today. */
  private static final int DEEP = 5_000;

  @TempDir Path repo;

  private static String brackets(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private void write(String relative, String text) throws Exception {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void repoTemplate(String body) throws Exception {
    write("tpl/deep/template.yaml", "description: Deep.\nfiles: [config-map]\n");
    write("tpl/deep/config-map.yaml.peb", body);
    write("kube-generate.yaml", "clusters: [qa]\ntemplates: [tpl]\ngenerates:\n  - deep: {}\n");
  }

  /** Runs {@code args} within seconds and asserts exit 2 with one located line on stderr. */
  private CliRunner.Result assertOneLineError(String expectedStart, String... args) {
    CliRunner.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRunner.run(repo, args));
    assertAll(
        () -> assertEquals(2, r.exit(), r.err()),
        () -> assertEquals(1, r.err().lines().count(), r.err()),
        () -> assertTrue(r.err().startsWith(expectedStart), r.err()));
    return r;
  }

  @Test
  void deepConfigValue_isALocatedError() throws Exception {
    write(
        "kube-generate.yaml",
        "clusters: [qa]\nvalues:\n  env: " + brackets(DEEP) + "\ngenerates:\n  - namespace: {}\n");
    assertOneLineError("kube-generate.yaml:3:", "--update");
  }

  @Test
  void deepBlockConfig_isALocatedError() throws Exception {
    StringBuilder b = new StringBuilder("clusters: [qa]\nvalues:\n");
    for (int i = 0; i < 1_000; i++) {
      b.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
    }
    write("kube-generate.yaml", b + "generates: []\n");
    assertOneLineError("kube-generate.yaml:", "--update");
  }

  @Test
  void deepTemplateSpec_isALocatedError() throws Exception {
    repoTemplate("kind: ConfigMap\n");
    write(
        "tpl/deep/template.yaml",
        "description: Deep.\nfiles: [config-map]\nexample: " + brackets(DEEP) + "\n");
    assertOneLineError("tpl/deep/template.yaml:", "--update");
  }

  @Test
  void deepRenderedBody_isALocatedError() throws Exception {
    repoTemplate(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + brackets(DEEP) + "\n");
    assertOneLineError("tpl/deep/config-map.yaml.peb:", "--update");
  }

  @Test
  void deepRenderedBodyWithAnAnchor_isALocatedError() throws Exception {
    // an anchor sends the text to the general loader instead of the event reader
    repoTemplate(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: &a " + brackets(DEEP) + "\n");
    assertOneLineError("tpl/deep/config-map.yaml.peb:", "--update");
  }

  @Test
  void recursiveMacro_isALocatedError() throws Exception {
    repoTemplate(
        "{% macro down(n) %}{{ down(n) }}{% endmacro %}\nkind: ConfigMap\nx: {{ down(1) }}\n");
    assertOneLineError("tpl/deep/config-map.yaml.peb:", "--update");
  }

  @Test
  void deeplyNestedExpression_isALocatedError() throws Exception {
    repoTemplate("kind: ConfigMap\nx: {{ " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP) + " }}\n");
    assertOneLineError("tpl/deep/config-map.yaml.peb:", "--update");
  }

  @Test
  void deepCommittedManifest_givesAVerdictInEveryMode() throws Exception {
    write("kube-generate.yaml", "app: shop\nclusters: [qa]\ngenerates:\n  - namespace: {}\n");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    // 4 KB of brackets crashed the check of a committed file
    write("kubernetes/qa/deep.yaml", "x: " + brackets(2_000) + "\n");
    write("kubernetes/qa/deeper.yaml", "x: " + brackets(DEEP) + "\n");
    write(
        "kubernetes/qa/namespace.yaml",
        Files.readString(repo.resolve("kubernetes/qa/namespace.yaml"))
            + "y: "
            + brackets(DEEP)
            + "\n");
    for (String[] args :
        new String[][] {
          {}, {"check"}, {"check", "--format", "json"}, {"check", "--format", "github"}
        }) {
      CliRunner.Result r =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRunner.run(repo, args));
      assertTrue(
          r.exit() == 1 || r.exit() == 2, String.join(" ", args) + ": " + r.exit() + r.err());
      assertTrue(!r.err().contains("StackOverflow") && !r.err().contains("\tat "), r.err());
    }
    CliRunner.Result update =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRunner.run(repo, "--update"));
    assertEquals(0, update.exit(), update.err());
    assertEquals(
        1, CliRunner.run(repo, "check").exit(), "the deep unmanaged files are still findings");
  }

  @Test
  void underActions_aRunThatCannotCheckStillWritesItsOutputsAndSummary() throws Exception {
    repoTemplate(
        "{% macro down(n) %}{{ down(n) }}{% endmacro %}\nkind: ConfigMap\nx: {{ down(1) }}\n");
    Path summary = Files.createFile(repo.resolve("summary.md"));
    Path outputs = Files.createFile(repo.resolve("outputs.txt"));
    java.util.Map<String, String> env =
        java.util.Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_STEP_SUMMARY",
            summary.toString(),
            "GITHUB_OUTPUT",
            outputs.toString(),
            "RUNNER_TEMP",
            repo.toString());

    CliRunner.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRunner.run(repo, env, "check"));

    assertEquals(2, r.exit(), r.out() + r.err());
    String written = Files.readString(outputs);
    assertTrue(written.matches("(?s)result<<(\\S+)\nerror\n\\1\n.*"), written);
    assertTrue(
        Files.readString(summary).contains("config-map.yaml.peb"), Files.readString(summary));
  }
}
