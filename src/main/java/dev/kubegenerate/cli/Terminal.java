package dev.kubegenerate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The world a command runs in: streams, environment variables, working folder, and whether
 * stdout is a terminal. Commands read nothing of the process directly.
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir, boolean interactive) {

  public Terminal {
    env = Map.copyOf(env);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean colour() {
    String noColor = env.get("NO_COLOR");
    return interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Prints text that may hold untrusted content (file names, manifest lines). Inside GitHub
   * Actions the runner would obey a workflow command hidden in it, so it is fenced there.
   */
  public void printUntrusted(PrintStream stream, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (githubActions()) {
      dev.kubegenerate.report.StopCommands.fence(text).forEach(stream::println);
    } else {
      stream.print(text.endsWith("\n") ? text : text + "\n");
    }
  }

  /** True inside GitHub Actions. */
  public boolean githubActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }
}
