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

  /** True inside GitHub Actions. */
  public boolean githubActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }
}
