package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix line repeats every option that changes the render, shell-quoted: a POSIX shell (the real
 * peer) reads it back as the same words, and running those words makes the check pass.
 */
class FixCommandTest {

  @TempDir Path temp;

  @Test
  void fixLine_withSpacesAndQuotesInPaths_isOneWordEach_andFixesTheCheck() throws Exception {
    Path repo = temp.resolve("my repo");
    Path templates = repo.resolve("team's templates/worker");
    Files.createDirectories(templates);
    for (String f : List.of("template.yaml", "deployment.yaml.peb")) {
      Files.copy(Path.of("templates/worker").resolve(f), templates.resolve(f));
    }
    Files.writeString(
        repo.resolve("deploy config.yaml"),
        """
        app: shop
        clusters: [qa]
        generates:
          - worker: {name: jobs, image: example/jobs:1}
        """);
    String[] options = {
      "-C", "my repo", "-f", "deploy config.yaml", "--templates", "team's templates"
    };

    CliRunner.Result check = CliRunner.run(temp, concat(options, "check"));
    assertEquals(1, check.exit(), check.err());
    String fix = check.out().lines().filter(l -> l.contains("Fix: ")).findFirst().orElseThrow();
    String command = fix.substring(fix.indexOf("Fix: ") + 5);
    assertEquals(
        "kube-generate -C 'my repo' -f 'deploy config.yaml' --templates 'team'\\''s templates' --update",
        command);

    List<String> words = shellWords(command);
    assertEquals("kube-generate", words.get(0));
    assertEquals(
        List.of(
            "-C",
            "my repo",
            "-f",
            "deploy config.yaml",
            "--templates",
            "team's templates",
            "--update"),
        words.subList(1, words.size()));
    assertEquals(
        0, CliRunner.run(temp, words.subList(1, words.size()).toArray(String[]::new)).exit());
    CliRunner.Result after = CliRunner.run(temp, concat(options, "check"));
    assertEquals(0, after.exit(), after.out());
  }

  @Test
  void fixLine_plainWords_stayUnquoted() throws IOException {
    Files.writeString(
        temp.resolve("kube-generate.yaml"),
        "app: shop\nclusters: [qa]\ngenerates:\n  - namespace: {}\n");
    CliRunner.Result diff =
        CliRunner.run(temp.getParent(), "-C", temp.getFileName().toString(), "--all");
    assertEquals(1, diff.exit());
    assertTrue(
        diff.err().contains("run `kube-generate -C " + temp.getFileName() + " --all --update`"),
        diff.err());
  }

  /** How sh splits {@code command} into words. */
  private static List<String> shellWords(String command) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "sh", command)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    List<String> words = new ArrayList<>(List.of(out.split("\0")));
    return words;
  }

  private static String[] concat(String[] options, String... more) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
