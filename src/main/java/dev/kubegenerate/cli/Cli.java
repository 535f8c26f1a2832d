package dev.kubegenerate.cli;

import dev.kubegenerate.github.ActionInputs;
import dev.kubegenerate.github.ActionsEnvironment;
import dev.kubegenerate.github.GitHubPublisher;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Suggestions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds and runs the command line with injected streams and environment, so tests run the whole
 * CLI in-process. A new {@link CommandLine} per run; no static state.
 */
public final class Cli {

  private final Terminal terminal;
  private final Duration updatePause;

  public Cli(Terminal terminal) {
    this(terminal, Duration.ZERO);
  }

  /**
   * @param updatePause a pause between the renames of {@code --update}: only for the test that
   *     kills a run half-way and checks that the next run finishes it
   */
  Cli(Terminal terminal, Duration updatePause) {
    this.terminal = terminal;
    this.updatePause = updatePause;
  }

  /** The CLI of a real process: its streams, environment and working folder. */
  public static Cli standard() {
    return new Cli(standardTerminal());
  }

  /** The terminal of a real process. */
  static Terminal standardTerminal() {
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    return new Terminal(
        out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
  }

  /**
   * Runs one command line and returns its exit code. Inside GitHub Actions every line of text it
   * prints is fenced ({@link FencedOutput}), whichever command prints it.
   */
  public int run(String... args) {
    if (!terminal.githubActions()) {
      return run(terminal, updatePause, args);
    }
    FencedOutput fence = new FencedOutput(terminal.raw());
    try {
      return run(terminal.fencedBy(fence), updatePause, args);
    } finally {
      try {
        fence.close();
      } catch (RuntimeException | Error e) {
        // stdout itself fails: the exit code and the step outputs still tell
      }
    }
  }

  private static int run(Terminal terminal, Duration updatePause, String... args) {
    if (args.length == 1 && args[0].equals(ActionCommand.NAME)) {
      // the image's entry point: the INPUT_* variables stand for the command line. Read here, so
      // the run builds picocli's model of the commands once, not once for `action` and again
      // for the check it stands for (the action command does the same when given more options)
      try {
        args = ActionInputs.from(terminal.env()).toArray(String[]::new);
      } catch (ActionInputs.InvalidInputException e) {
        terminal.printUntrusted(terminal.err(), "kube-generate: " + e.getMessage() + "\n");
        publishFailure(terminal);
        return ExitCode.ERROR;
      }
    }
    Optional<PlainCheck> plain = PlainCheck.read(args);
    if (plain.isPresent()) {
      return run(terminal, plain.get());
    }
    // the model of the command the arguments name, else of every command; a usage error outside
    // that command is reported from the whole model, so every message is the same either way
    int exit = execute(terminal, updatePause, false, args);
    return exit == RETRY ? execute(terminal, updatePause, true, args) : exit;
  }

  /** What the partial model returns for a usage error that the whole model must report. */
  private static final int RETRY = Integer.MIN_VALUE;

  private static int execute(
      Terminal terminal, Duration updatePause, boolean whole, String... args) {
    RootCommand root = new RootCommand(terminal, updatePause);
    TerminalFactory factory = new TerminalFactory(terminal);
    Optional<CommandLine> partial =
        whole ? Optional.empty() : CommandModel.forRun(root, factory, args);
    CommandLine cl = partial.orElseGet(() -> CommandModel.whole(root, factory));
    cl.setOut(new PrintWriter(terminal.out(), true));
    cl.setErr(new PrintWriter(terminal.err(), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // no argument is a file to read arguments from: an action input (or a workflow's text) of
    // @/proc/self/environ would otherwise have picocli read the file and quote it in an error
    cl.setExpandAtFiles(false);
    cl.setParameterExceptionHandler(
        (e, a) -> {
          if (partial.isPresent() && e.getCommandLine() == cl) {
            return RETRY;
          }
          terminal.printUntrusted(
              terminal.err(),
              "kube-generate: " + usageMessage(e) + "\nTry 'kube-generate --help' for usage.\n");
          publishFailure(terminal);
          return ExitCode.ERROR;
        });
    cl.setExecutionExceptionHandler((e, commandLine, parsed) -> failed(terminal, e, root.debug));
    try {
      return cl.execute(args);
    } catch (Throwable e) {
      // picocli passes Errors (and anything its handlers throw) through
      return crashed(terminal, e, root.debug);
    }
  }

  /** A plain check, read and run without picocli, as picocli would run it. */
  private static int run(Terminal terminal, PlainCheck check) {
    try {
      return check.command(terminal).call();
    } catch (Exception e) {
      return failed(terminal, e, check.debug());
    } catch (Throwable e) {
      return crashed(terminal, e, check.debug());
    }
  }

  /** A command's failure: its message on one line (a located line per problem of the input). */
  private static int failed(Terminal terminal, Exception e, boolean debug) {
    StringBuilder text = new StringBuilder();
    if (e instanceof UsageException) {
      terminal.printUntrusted(terminal.err(), "kube-generate: " + e.getMessage() + "\n");
      return ExitCode.ERROR;
    }
    if (e instanceof InputException ie) {
      ie.problems().forEach(p -> text.append(p.format()).append('\n'));
    } else {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      text.append("kube-generate: ")
          .append(message.strip().replaceAll("\\s*\\R\\s*", " "))
          .append('\n');
    }
    terminal.printUntrusted(terminal.err(), text.toString());
    if (debug) {
      e.printStackTrace(terminal.err());
    }
    return ExitCode.ERROR;
  }

  /**
   * An error no command handled: no stack trace may reach a user, and the exit code says "not
   * checked".
   */
  private static int crashed(Terminal terminal, Throwable e, boolean debug) {
    publishFailure(terminal);
    try {
      terminal.err().println("kube-generate: " + describe(e));
      if (debug) {
        e.printStackTrace(terminal.err());
      }
    } catch (RuntimeException | Error again) {
      // the streams themselves fail: the exit code and the step outputs still tell
    }
    return ExitCode.ERROR;
  }

  /** Under Actions, the step outputs and summary of a run that ends without its report. */
  private static void publishFailure(Terminal terminal) {
    if (terminal.githubActions()) {
      GitHubPublisher.publishFailure(ActionsEnvironment.from(terminal.env()));
    }
  }

  /** One line for an error no command handled: what happened, never a stack trace. */
  static String describe(Throwable e) {
    String what;
    if (e instanceof StackOverflowError) {
      what = "input nested too deeply for the stack";
    } else if (e instanceof OutOfMemoryError) {
      what = "out of memory (" + e.getMessage() + ")";
    } else if (e instanceof java.nio.file.InvalidPathException p) {
      // Java reads file names in the locale's character set: under LANG=C a name that is not
      // ASCII cannot be opened by the name Java read for it
      return "the file name "
          + p.getInput()
          + " cannot be read in this machine's character set ("
          + System.getProperty("sun.jnu.encoding", "unknown")
          + "): run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the kube-generate command sets one)";
    } else {
      what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return ("internal error: " + what + "; run with --debug for details")
        .replaceAll("\\s*\\R\\s*", " ");
  }

  /** picocli's message, or for a word where a subcommand belongs, the nearest subcommands. */
  private static String usageMessage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      CommandLine at = u.getCommandLine();
      boolean subcommandExpected =
          !at.getSubcommands().isEmpty() && at.getParseResult().subcommand() == null;
      if (subcommandExpected && !word.startsWith("-")) {
        List<String> names =
            at.getSubcommands().entrySet().stream()
                .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey)
                .toList();
        return "unknown command '" + word + "'" + Suggestions.didYouMean(word, names);
      }
      if (word.startsWith("--")) {
        List<String> options =
            at.getCommandSpec().options().stream()
                .filter(o -> !o.hidden())
                .flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(n -> n.startsWith("--"))
                .toList();
        String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return e.getMessage().strip() + Suggestions.didYouMean(option, options);
      }
    }
    return e.getMessage().strip();
  }

  /** Creates the commands with the run's terminal; mixins and converters as picocli would. */
  record TerminalFactory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      // looked up, not tried: a NoSuchMethodException per mixin and converter costs start-up
      for (java.lang.reflect.Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == Terminal.class) {
          return type.cast(constructor.newInstance(terminal));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
