package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update's impact in Actions: the job summary, and the file the output impact names. */
class ImpactPublisherTest {

  @TempDir Path runner;
  private Path summary;
  private Path output;
  private final Map<String, String> vars = new HashMap<>();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    summary = Files.createFile(runner.resolve("step_summary"));
    output = Files.createFile(runner.resolve("set_output"));
    vars.put("GITHUB_ACTIONS", "true");
    vars.put("GITHUB_STEP_SUMMARY", summary.toString());
    vars.put("GITHUB_OUTPUT", output.toString());
  }

  private String publish(ImpactPublisher publisher) throws Exception {
    publisher.publish(
        "### body\n",
        ActionsEnvironment.from(vars),
        new PrintStream(stdout, true, StandardCharsets.UTF_8));
    return RunnerFileCommands.parse(Files.readString(output)).get("impact");
  }

  @Test
  void onTheRunner_theFileIsUnderRunnerTemp() throws Exception {
    Path temp = Files.createDirectory(runner.resolve("_temp"));
    vars.put("RUNNER_TEMP", temp.toString());

    String shown = publish(new ImpactPublisher(runner.resolve("no-such-mount")));

    assertTrue(shown.startsWith(temp + "/kube-generate-impact-"), shown);
    assertEquals("### body\n", Files.readString(Path.of(shown)));
    assertEquals("### body\n\n", Files.readString(summary));
    assertEquals("", stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void inTheContainer_writtenToTheMount_namedByTheRunnersPath() throws Exception {
    // newer runners pass the mount point as RUNNER_TEMP; RUNNER_WORKSPACE keeps the runner's path
    Path mount = Files.createDirectory(runner.resolve("runner_temp"));
    Path workspace = Files.createDirectory(runner.resolve("workspace"));
    vars.put("RUNNER_TEMP", mount.toString());
    vars.put("RUNNER_WORKSPACE", "/home/runner/work/shop");
    vars.put("GITHUB_WORKSPACE", workspace.toString());

    String shown = publish(new ImpactPublisher(mount));

    assertTrue(shown.startsWith("/home/runner/work/_temp/kube-generate-impact-"), shown);
    Path written = mount.resolve(Path.of(shown).getFileName());
    assertEquals("### body\n", Files.readString(written));
    assertEquals(
        "rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(written)),
        "later steps run as another user");
    try (var files = Files.list(workspace)) {
      assertEquals(0, files.count(), "nothing in the workspace, which the pull request commits");
    }
  }

  @Test
  void inTheContainer_withoutRunnerWorkspace_warnsAndNamesTheMount() throws Exception {
    Path mount = Files.createDirectory(runner.resolve("runner_temp"));
    vars.put("RUNNER_TEMP", mount.toString());

    String shown = publish(new ImpactPublisher(mount));

    assertTrue(shown.startsWith(mount + "/kube-generate-impact-"), shown);
    assertTrue(
        stdout
            .toString(StandardCharsets.UTF_8)
            .startsWith("::warning title=kube-generate::RUNNER_WORKSPACE is not set"),
        stdout::toString);
  }

  @Test
  void olderRunners_hostPathInRunnerTemp_writtenThroughTheMount() throws Exception {
    Path mount = Files.createDirectory(runner.resolve("runner_temp"));
    vars.put("RUNNER_TEMP", "/home/runner/work/_temp");

    String shown = publish(new ImpactPublisher(mount));

    assertTrue(shown.startsWith("/home/runner/work/_temp/kube-generate-impact-"), shown);
    assertEquals("### body\n", Files.readString(mount.resolve(Path.of(shown).getFileName())));
  }
}
