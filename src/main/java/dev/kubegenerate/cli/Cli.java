package dev.kubegenerate.cli;

import dev.kubegenerate.config.InputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds and runs the command line with injected streams and environment, so tests run the
 * whole CLI in-process. A new {@link CommandLine} per run; no static state.
 */
public final class Cli {

  private final Terminal terminal;

  public Cli(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The CLI of a real process: its streams, environment and working folder. */
  public static Cli standard() {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    return new Cli(new Terminal(out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null));
  }

  /**
   * Runs one command line and returns its exit code. Inside GitHub Actions every line of text it
   * prints is fenced ({@link FencedOutput}), whichever command prints it.
   */
  public int run(String... args) {
    if (!terminal.githubActions()) {
      return run(terminal, args);
    }
    FencedOutput fence = new FencedOutput(terminal.raw());
    try {
      return run(terminal.fencedBy(fence), args);
    } finally {
      fence.close();
    }
  }

  private static int run(Terminal terminal, String... args) {
    RootCommand root = new RootCommand(terminal);
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(terminal.out(), true));
    cl.setErr(new PrintWriter(terminal.err(), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((e, a) -> {
      terminal.printUntrusted(terminal.err(),
          "kube-generate: " + e.getMessage().strip() + "\nTry 'kube-generate --help' for usage.\n");
      return ExitCode.ERROR;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      StringBuilder text = new StringBuilder();
      if (e instanceof InputException ie) {
        ie.problems().forEach(p -> text.append(p.format()).append('\n'));
      } else {
        text.append("kube-generate: ").append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).append('\n');
      }
      terminal.printUntrusted(terminal.err(), text.toString());
      if (root.debug) {
        e.printStackTrace(terminal.err());
      }
      return ExitCode.ERROR;
    });
    return cl.execute(args);
  }
}
