package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCommandTest {

  @TempDir Path repo;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int action(Map<String, String> env) {
    Terminal t = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, repo, false);
    return new Cli(t).run("action");
  }

  @Test
  void action_badInput_usageErrorNamingTheInput() {
    assertEquals(ExitCode.ERROR, action(Map.of("GITHUB_ACTIONS", "true", "INPUT_ALL", "yes please")));
    // inside Actions the message is fenced, so the runner shows it and obeys nothing in it
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].startsWith("::stop-commands::"), lines[0]);
    assertEquals("kube-generate: INPUT_ALL must be true or false, got \"yes please\"", lines[1]);
    assertEquals("::" + lines[0].substring("::stop-commands::".length()) + "::", lines[2]);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void action_workingDirectoryOutsideWorkspace_usageError() {
    assertEquals(ExitCode.ERROR, action(Map.of("INPUT_WORKING-DIRECTORY", "../other")));
    assertEquals("kube-generate: INPUT_WORKING-DIRECTORY must be a relative path inside the repository, got \"../other\"\n",
        err.toString(StandardCharsets.UTF_8));
  }
}
