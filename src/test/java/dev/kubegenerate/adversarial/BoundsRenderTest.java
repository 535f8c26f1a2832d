package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Template bodies built to grow a value or spin without printing: each ends in a located error
 * within seconds, in-process and in a child JVM with a 256 MB heap (so no OutOfMemoryError is
 * merely unlikely: it is absent).
 */
class BoundsRenderTest {

  /** Seconds a hostile body may take before the test fails; the engine's own limit is lower. */
  private static final Duration VERDICT_WITHIN = Duration.ofSeconds(20);

  @TempDir Path repo;

  private static String lines(int n, String line) {
    return (line + "\n").repeat(n);
  }

  private static String list(int n) {
    return IntStream.range(0, n)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** Hostile bodies by name; each must be refused, whatever the engine's exact message. */
  static Stream<Arguments> bombs() {
    String kb = "x".repeat(1024);
    return Stream.of(
        Arguments.of(
            "concatDoubling",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(40, "{% set s = s ~ s %}")
                + "x: {{ s | length }}\n"),
        Arguments.of(
            "replaceGrowth",
            "{% set s = \"aaaaaaaaaa\" %}\n"
                + lines(12, "{% set s = s | replace({\"a\": \"aaaaaaaaaa\"}) %}")
                + "x: {{ s | length }}\n"),
        Arguments.of(
            "replaceOnceHuge",
            "{% set s = \""
                + "a".repeat(20_000)
                + "\" %}\n"
                + "x: {{ s | replace({\"a\": \""
                + "b".repeat(100_000)
                + "\"}) | length }}\n"),
        Arguments.of(
            "joinGrowth",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(12, "{% set s = [s,s,s,s,s,s,s,s,s,s] | join %}")
                + "x: {{ s | length }}\n"),
        Arguments.of(
            "joinSeparator",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(12, "{% set s = s ~ s %}")
                + "{% set l = "
                + list(10_000)
                + " %}\nx: {{ l | join(s) | length }}\n"),
        Arguments.of(
            "nestedListPrinted",
            "{% set l = [\""
                + kb
                + "\"] %}\n"
                + lines(60, "{% set l = [l, l] %}")
                + "x: {{ l }}\n"),
        Arguments.of(
            "nestedListAsJson",
            "{% set l = [\""
                + kb
                + "\"] %}\n"
                + lines(60, "{% set l = [l, l] %}")
                + "x: {{ l | json }}\n"),
        Arguments.of(
            "nestedListCompared",
            "{% set l = [\""
                + kb
                + "\"] %}\n"
                + lines(60, "{% set l = [l, l] %}")
                + "x: {{ l == [l, l] }}\n"),
        Arguments.of(
            "nestedListMerged",
            "{% set l = [\""
                + kb
                + "\"] %}\n"
                + lines(60, "{% set l = l | merge(l) %}")
                + "x: {{ l | length }}\n"),
        Arguments.of(
            "base64Growth",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(80, "{% set s = s | base64encode %}")
                + "x: {{ s | length }}\n"),
        Arguments.of(
            "silentNestedLoops",
            "{% set l = "
                + list(1000)
                + " %}\n"
                + "{% for a in l %}{% for b in l %}{% for c in l %}{% for d in l %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}\nx: 1\n"),
        Arguments.of(
            "macroOutputGrowth",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(10, "{% set s = s ~ s %}")
                + "{% macro m(s) %}{% for i in "
                + list(10_000)
                + " %}{{ s }}{% endfor %}{% endmacro %}\nx: {{ m(s) | length }}\n"),
        Arguments.of(
            "printedManyTimesInAMacro",
            "{% set s = \""
                + kb
                + "\" %}\n"
                + lines(10, "{% set s = s ~ s %}")
                + "{% macro m(s) %}"
                + "{{ s }}".repeat(5_000)
                + "{% endmacro %}\nx: {{ m(s) | length }}\n"),
        Arguments.of("hugeRange", "{% for i in 0..2000000000 %}{% endfor %}\nx: 1\n"),
        Arguments.of(
            "renderedAliases",
            "a: &a [" + "xxxxxxxxx,".repeat(90_000) + "x]\nb: [" + "*a, ".repeat(48) + "*a]\n"),
        Arguments.of(
            "renderedAliasesNested",
            "l0: &a0 [x, x, x]\n"
                + IntStream.range(1, 16)
                    .mapToObj(
                        i ->
                            "l" + i + ": &a" + i + " [*a" + (i - 1) + ", *a" + (i - 1) + ", *a"
                                + (i - 1) + "]\n")
                    .collect(Collectors.joining())),
        Arguments.of(
            "regexBacktracking", "x: {{ \"" + "a".repeat(40) + "!\" | split(\"(a|aa)*b\") }}\n"));
  }

  private void write(String relative, String text) throws Exception {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void bombRepo(Path dir, String body) throws Exception {
    Path tpl = Files.createDirectories(dir.resolve("tpl/bomb"));
    Files.writeString(tpl.resolve("template.yaml"), "description: A bomb.\nfiles: [config-map]\n");
    Files.writeString(
        tpl.resolve("config-map.yaml.peb"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n" + body);
    Files.writeString(
        dir.resolve("kube-generate.yaml"),
        "clusters: [qa]\ntemplates: [tpl]\ngenerates:\n  - bomb: {}\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void hostileBody_isALocatedErrorWithinSeconds(String name, String body) throws Exception {
    bombRepo(repo, body);
    for (String[] args : new String[][] {{"--update"}, {"check", "--format", "json"}}) {
      CliRunner.Result r =
          assertTimeoutPreemptively(VERDICT_WITHIN, () -> CliRunner.run(repo, args));
      // text goes to stderr; the JSON report carries its errors on stdout
      String verdict = args[0].equals("check") ? r.out() : r.err();
      assertAll(
          name,
          () -> assertEquals(2, r.exit(), r.err()),
          () -> assertTrue(verdict.contains("tpl/bomb/config-map.yaml.peb"), verdict),
          () -> assertFalse(verdict.contains("internal error"), verdict));
      if (args[0].equals("--update")) {
        assertTrue(r.err().startsWith("tpl/bomb/config-map.yaml.peb:"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(repo.resolve("kubernetes")), "nothing written");
      }
    }
  }

  @Test
  void configValueExpandedThroughAliases_isALocatedError() throws Exception {
    StringBuilder aliases = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      aliases.append("        K").append(i).append(": *big\n");
    }
    write(
        "kube-generate.yaml",
        """
        clusters: [qa]
        generates:
          - config-map:
              data:
                big: &big "%s"
        %s"""
            .formatted("x".repeat(100_000), aliases));
    CliRunner.Result r =
        assertTimeoutPreemptively(VERDICT_WITHIN, () -> CliRunner.run(repo, "--update"));
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err()
            .matches(
                "kube-generate\\.yaml:\\d+:\\d+: value expands to more than 1 MiB of text .*\n"),
        r.err());
  }

  @Test
  void everyBombInAChildJvmWith256MbOfHeap_endsInOneLineEach() throws Exception {
    List<String> names = new ArrayList<>();
    for (Arguments a : bombs().toList()) {
      String name = (String) a.get()[0];
      names.add(name);
      bombRepo(Files.createDirectories(repo.resolve(name)), (String) a.get()[1]);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kubegenerate.Main",
                "-C",
                repo.toString(),
                "--all",
                "--update")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(repo.resolve("stderr.txt").toFile())
            .start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String err = Files.readString(repo.resolve("stderr.txt"));
    assertTrue(ended, "the child JVM gave no verdict within 120 s");
    assertEquals(2, child.exitValue(), err);
    assertFalse(
        err.contains("OutOfMemoryError") || err.contains("\tat ") || err.contains("internal error"),
        err);
    for (String name : names) {
      assertTrue(
          err.contains(name + "/tpl/bomb/config-map.yaml.peb:"),
          name + " has its own error line:\n" + err);
    }
  }
}
