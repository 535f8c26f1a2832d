package dev.kubegenerate.cli;

import dev.kubegenerate.github.ActionsEnvironment;
import dev.kubegenerate.github.GitHubPublisher;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.JsonReport;
import java.nio.file.Path;

/** Hands the check's report to the GitHub publisher with this run's environment. */
final class GitHubOutput {

  private final Terminal terminal;
  private final Path root;

  GitHubOutput(Terminal terminal, Path root) {
    this.terminal = terminal;
    this.root = root;
  }

  void publish(Report report, boolean comment) {
    ActionsEnvironment env = ActionsEnvironment.from(terminal.env());
    GitHubPublisher.standard().publish(report, env, workingDirectory(env), comment, JsonReport.render(report), terminal.out());
  }

  /** The checked folder relative to the workspace: it names the sticky comment. */
  private String workingDirectory(ActionsEnvironment env) {
    Path workspace = env.workspace().map(p -> terminal.workingDir().resolve(p).toAbsolutePath().normalize()).orElse(terminal.workingDir());
    if (!root.startsWith(workspace)) {
      return ".";
    }
    String relative = workspace.relativize(root).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }
}
