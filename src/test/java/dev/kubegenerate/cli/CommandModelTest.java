package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * A run builds picocli's model of only the command it runs: every command line must parse to the
 * same result, or fail with the same message, as over the model of every command.
 */
class CommandModelTest {

  private static final List<List<String>> ARGUMENTS =
      List.of(
          List.of(),
          List.of("--all"),
          List.of("-C", "app", "--all", "check"),
          List.of("-Capp", "check", "--format", "json"),
          List.of("--all", "--update", "--format=json"),
          List.of("-f", "other.yaml", "--templates", "t", "--templates=u", "check", "-C", "x"),
          List.of("--debug", "check", "--fail-on", "stale,invalid", "--patch", "p.diff"),
          List.of("check", "--debug", "--summary", "s.md", "--comment", "--autofix"),
          List.of("init", "-f", "x.yaml"),
          List.of("templates", "web"),
          List.of("schema"),
          List.of("import", "--format", "json"),
          List.of("action"),
          // mistakes: each must say what the whole model says
          List.of("chek"),
          List.of("-C", ".", "templats"),
          List.of("check", "--fail-no", "stale"),
          List.of("check", "--fail-on", "nonsense"),
          List.of("check", "extra"),
          List.of("-C"),
          List.of("-C", "--all", "check"),
          List.of("--format", "yaml", "check"),
          List.of("--update=maybe"),
          List.of("--all", "--", "check"),
          List.of("-vC", "x"),
          List.of("--unknown", "check"),
          List.of("check", "init"),
          List.of("-f"));

  @Test
  void everyCommandLine_parsesAsOverTheWholeModel() {
    for (List<String> args : ARGUMENTS) {
      String[] argv = args.toArray(String[]::new);
      Optional<CommandLine> partial =
          CommandModel.forRun(root(), new Cli.TerminalFactory(terminal()), argv);
      if (partial.isEmpty()) {
        continue;
      }
      CommandLine whole = CommandModel.whole(root(), new Cli.TerminalFactory(terminal()));
      assertEquals(parsed(whole, argv), parsed(partial.get(), argv), args.toString());
    }
  }

  @Test
  void plainRuns_buildOnlyTheirCommand() {
    for (List<String> args :
        List.of(
            List.of("-C", "app", "--all", "check"),
            List.of("--all", "--update"),
            List.of("check", "--format", "github"))) {
      Optional<CommandLine> partial =
          CommandModel.forRun(
              root(), new Cli.TerminalFactory(terminal()), args.toArray(String[]::new));
      assertTrue(partial.isPresent(), args.toString());
      assertTrue(partial.get().getSubcommands().size() <= 1, args.toString());
    }
  }

  @Test
  void helpVersionAndUnreadableWords_getTheWholeModel() {
    for (List<String> args :
        List.of(
            List.of("--help"),
            List.of("check", "-h"),
            List.of("-V"),
            List.of("help"),
            List.of("chek"),
            List.of("--all", "--", "check"),
            List.of("--unknown", "check"))) {
      assertFalse(
          CommandModel.forRun(
                  root(), new Cli.TerminalFactory(terminal()), args.toArray(String[]::new))
              .isPresent(),
          args.toString());
    }
  }

  @Test
  void wholeModel_listsTheSubcommandsInTheirOrder() {
    CommandLine whole = CommandModel.whole(root(), new Cli.TerminalFactory(terminal()));
    assertEquals(
        List.of("check", "init", "import", "templates", "schema", "action"),
        List.copyOf(whole.getSubcommands().keySet()));
  }

  /** Each command of the parse, with the options and parameters it matched, or the error. */
  private static List<String> parsed(CommandLine line, String... args) {
    List<String> out = new ArrayList<>();
    try {
      for (ParseResult r = line.parseArgs(args); r != null; r = r.subcommand()) {
        out.add(r.commandSpec().qualifiedName());
        for (ArgSpec arg : r.matchedArgs()) {
          out.add(arg.paramLabel() + "=" + arg.originalStringValues());
        }
        out.add("unmatched=" + r.unmatched());
      }
    } catch (CommandLine.ParameterException e) {
      out.add(
          e.getClass().getSimpleName()
              + " in "
              + e.getCommandLine().getCommandSpec().qualifiedName()
              + ": "
              + e.getMessage());
    }
    return out;
  }

  private static RootCommand root() {
    return new RootCommand(terminal(), Duration.ZERO);
  }

  private static Terminal terminal() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new Terminal(sink, sink, Map.of(), Path.of("."), false);
  }
}
