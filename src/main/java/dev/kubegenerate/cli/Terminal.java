package dev.kubegenerate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The world a command runs in: streams, environment variables, working folder, and whether stdout
 * is a terminal. Commands read nothing of the process directly.
 *
 * @param out text for stdout; inside GitHub Actions fenced so the runner obeys nothing in it
 * @param err text for stderr; inside GitHub Actions fenced with {@code out}, on stdout
 * @param raw stdout unfenced, only for text inert by construction: the tool's own escaped workflow
 *     commands and JSON whose every {@code #} is escaped
 */
public record Terminal(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    Path workingDir,
    boolean interactive,
    PrintStream raw) {

  public Terminal {
    env = Map.copyOf(env);
  }

  /** A terminal whose raw stream is {@code out}. */
  public Terminal(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Path workingDir,
      boolean interactive) {
    this(out, err, env, workingDir, interactive, out);
  }

  /** This terminal with text streams that write through {@code fence}. */
  Terminal fencedBy(FencedOutput fence) {
    PrintStream text = fence.text();
    return new Terminal(text, text, env, workingDir, interactive, fence.commands());
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean colour() {
    String noColor = env.get("NO_COLOR");
    return interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Prints text that may hold untrusted content (file names, manifest lines), ending its last line.
   * Inside GitHub Actions {@link Cli} has fenced both text streams already.
   */
  public void printUntrusted(PrintStream stream, String text) {
    if (!text.isEmpty()) {
      stream.print(text.endsWith("\n") ? text : text + "\n");
    }
  }

  /** True inside GitHub Actions. */
  public boolean githubActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }
}
