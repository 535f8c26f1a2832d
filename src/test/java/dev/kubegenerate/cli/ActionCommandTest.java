package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCommandTest {

  @TempDir Path repo;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int action(Map<String, String> env) {
    return run(env, "action");
  }

  private int run(Map<String, String> env, String... args) {
    Terminal t =
        new Terminal(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            repo,
            false);
    return new Cli(t).run(args);
  }

  /** The sample app in services/people, generated, then one file edited by hand. */
  private Path handEditedService() throws IOException {
    Path service = Files.createDirectories(repo.resolve("services/people"));
    Files.copy(Path.of("image/sample/kube-generate.yaml"), service.resolve("kube-generate.yaml"));
    assertEquals(ExitCode.CLEAN, run(Map.of(), "-C", "services/people", "--update"), err::toString);
    Path edited = service.resolve("kubernetes/production/deployment-web.yaml");
    Files.writeString(edited, "# tuned by hand\n", java.nio.file.StandardOpenOption.APPEND);
    out.reset();
    return edited;
  }

  private Map<String, String> runner(Path outputs, String... inputs) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_WORKSPACE",
                repo.toString(),
                "GITHUB_OUTPUT",
                outputs.toString(),
                "INPUT_COMMENT",
                "false"));
    for (int i = 0; i < inputs.length; i += 2) {
      env.put(inputs[i], inputs[i + 1]);
    }
    return env;
  }

  @Test
  void action_update_writesTheManifestsThenTheCheckIsClean(@TempDir Path runner)
      throws IOException {
    Path edited = handEditedService();
    Path outputs = Files.createFile(runner.resolve("outputs"));

    int code =
        action(
            runner(outputs, "INPUT_WORKING-DIRECTORY", "services/people", "INPUT_UPDATE", "true"));

    assertEquals(ExitCode.CLEAN, code, err::toString);
    assertTrue(
        out.toString().contains("Generate manifests by using kube-generate.yaml"), out::toString);
    assertTrue(
        out.toString().startsWith("::stop-commands::"),
        "file names are fenced from the runner: " + out);
    assertTrue(
        !Files.readString(edited).contains("# tuned by hand"),
        "the update rewrote the edited file");
    assertEquals(
        ExitCode.CLEAN,
        action(runner(outputs, "INPUT_WORKING-DIRECTORY", "services/people")),
        out::toString);
  }

  @Test
  void action_workingDirectory_checksThereAndAnnotatesRepositoryPaths(@TempDir Path runner)
      throws IOException {
    handEditedService();
    Path outputs = Files.createFile(runner.resolve("outputs"));

    int code = action(runner(outputs, "INPUT_WORKING-DIRECTORY", "services/people"));

    assertEquals(ExitCode.FINDINGS, code, err::toString);
    List<String> errors =
        out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("::error ")).toList();
    assertEquals(1, errors.size(), out::toString);
    // the path GitHub attaches the annotation to: relative to the repository, not to -C
    assertTrue(
        errors.get(0).contains(",file=services/people/kubernetes/production/deployment-web.yaml,")
            || errors
                .get(0)
                .startsWith(
                    "::error file=services/people/kubernetes/production/deployment-web.yaml,"),
        errors.get(0));
    assertTrue(Files.readString(outputs).contains("findings<<"), Files.readString(outputs));
  }

  @Test
  void action_failOnNarrowed_findingOnlyWarns(@TempDir Path runner) throws IOException {
    handEditedService();
    Path outputs = Files.createFile(runner.resolve("outputs"));

    int code =
        action(
            runner(
                outputs,
                "INPUT_WORKING-DIRECTORY",
                "services/people",
                "INPUT_FAIL-ON",
                "stale, missing"));

    assertEquals(ExitCode.CLEAN, code, err::toString);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.lines().noneMatch(l -> l.startsWith("::error ")), stdout);
    assertTrue(
        stdout
            .lines()
            .anyMatch(l -> l.startsWith("::warning ") && l.contains("deployment-web.yaml")),
        stdout);
  }

  @Test
  void action_everyInput_acceptedByTheCheck(@TempDir Path runner) throws IOException {
    handEditedService();
    Files.createDirectories(repo.resolve("services/people/platform/templates"));
    Path outputs = Files.createFile(runner.resolve("outputs"));

    int code =
        action(
            runner(
                outputs,
                "INPUT_WORKING-DIRECTORY",
                "services/people",
                "INPUT_CONFIG",
                "kube-generate.yaml",
                "INPUT_ALL",
                "true",
                "INPUT_FAIL-ON",
                "hand-edited",
                "INPUT_TEMPLATES",
                "platform/templates",
                "INPUT_GITHUB-TOKEN",
                "ghs_unused"));

    assertEquals(ExitCode.FINDINGS, code, err::toString);
    assertTrue(Files.readString(outputs).contains("findings<<"), Files.readString(outputs));
  }

  @Test
  void action_badInput_usageErrorNamingTheInput() {
    assertEquals(
        ExitCode.ERROR, action(Map.of("GITHUB_ACTIONS", "true", "INPUT_ALL", "yes please")));
    // inside Actions the message is fenced (on stdout, the one fenced stream), so the runner
    // shows it and obeys nothing in it
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].startsWith("::stop-commands::"), lines[0]);
    assertEquals("kube-generate: INPUT_ALL must be true or false, got \"yes please\"", lines[1]);
    assertEquals("::" + lines[0].substring("::stop-commands::".length()) + "::", lines[2]);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void action_workingDirectoryOutsideWorkspace_usageError() {
    assertEquals(ExitCode.ERROR, action(Map.of("INPUT_WORKING-DIRECTORY", "../other")));
    assertEquals(
        "kube-generate: INPUT_WORKING-DIRECTORY must be a relative path inside the repository, got \"../other\"\n",
        err.toString(StandardCharsets.UTF_8));
  }
}
