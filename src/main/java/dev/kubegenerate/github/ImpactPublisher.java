package dev.kubegenerate.github;

import dev.kubegenerate.report.WorkflowCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the impact of an update in GitHub Actions (the action's {@code update: true}): the
 * markdown appended to the job summary, and written to a file whose path is the step output {@code
 * impact}, for the scheduled workflow's pull-request body. The file goes under {@code RUNNER_TEMP},
 * never into the workspace, where the pull request would commit it. A failure to publish is a
 * warning annotation: the update itself stands.
 */
public final class ImpactPublisher {

  private final Path containerRunnerTemp;

  /** A publisher for a real run, in the action's container or on the runner itself. */
  public ImpactPublisher() {
    this(GitHubPublisher.CONTAINER_RUNNER_TEMP);
  }

  ImpactPublisher(Path containerRunnerTemp) {
    this.containerRunnerTemp = containerRunnerTemp;
  }

  /**
   * Publishes {@code markdown}; warnings go to {@code out} as workflow commands.
   *
   * @return the path later steps read the file at, empty when it could not be written
   */
  public Optional<String> publish(String markdown, ActionsEnvironment env, PrintStream out) {
    List<String> warnings = new ArrayList<>();
    JobSummary.append(env, markdown, warnings);
    Optional<String> shown = Optional.empty();
    if (env.output().isPresent()) {
      try {
        shown = Optional.of(write(env, markdown, warnings));
        OutputFile.append(env.output().get(), Map.of("impact", shown.get()));
      } catch (IOException e) {
        warnings.add("could not write the impact file or the step output: " + e);
      }
    }
    for (String w : warnings) {
      out.println(new WorkflowCommand("warning", Map.of("title", "kube-generate"), w).format());
    }
    out.flush();
    return shown;
  }

  /**
   * Writes the file under the runner's temporary folder and returns the path a later step on the
   * runner opens it at. In the action's container the runner mounts its {@code _temp} folder at
   * {@code /github/runner_temp}: newer runners pass that mount point as {@code RUNNER_TEMP}, whose
   * runner-side path is then {@code _temp} beside {@code RUNNER_WORKSPACE} (the runner's own
   * layout); older ones pass the runner-side path itself.
   */
  private String write(ActionsEnvironment env, String markdown, List<String> warnings)
      throws IOException {
    Optional<Path> temp = env.runnerTemp();
    Path dir;
    Path shown;
    if (temp.isPresent() && temp.get().startsWith(containerRunnerTemp)) {
      dir = temp.get();
      Optional<Path> runnerSide =
          env.runnerWorkspace()
              .filter(Path::isAbsolute)
              .filter(w -> !w.startsWith("/github"))
              .map(w -> w.resolveSibling("_temp").resolve(containerRunnerTemp.relativize(dir)));
      if (runnerSide.isEmpty()) {
        warnings.add(
            "RUNNER_WORKSPACE is not set, so the runner's path of the impact file is not known;"
                + " the output impact names its path in the action's container");
      }
      shown = runnerSide.orElse(dir);
    } else if (temp.isPresent() && Files.isDirectory(temp.get())) {
      dir = temp.get();
      shown = dir;
    } else if (temp.isPresent() && Files.isDirectory(containerRunnerTemp)) {
      dir = containerRunnerTemp;
      shown = temp.get();
    } else {
      dir = Path.of(System.getProperty("java.io.tmpdir"));
      shown = dir;
    }
    return ReportFile.writeIn(dir, shown, "kube-generate-impact-", ".md", markdown);
  }
}
