package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A plain check's command line, read without picocli, sets the check's options exactly as picocli's
 * parse of it does; every other command line is left to picocli.
 */
class PlainCheckTest {

  /** Pieces of a plain check's command line: options with their values, and the command. */
  private static final List<List<String>> PLAIN =
      List.of(
          List.of("-C", "app"),
          List.of("-C", ""),
          List.of("--all"),
          List.of("-f", "x.yaml"),
          List.of("--templates", "t"),
          List.of("--templates", "u"),
          List.of("--format", "json"),
          List.of("--format", "github"),
          List.of("--summary", "s.md"),
          List.of("--patch", "p.diff"),
          List.of("--comment"),
          List.of("--autofix"),
          List.of("--fail-on", "stale,invalid"),
          List.of("--debug"));

  /** Pieces of other command lines: mistakes, other forms and commands. */
  private static final List<List<String>> OTHER =
      List.of(
          List.of("-C"),
          List.of("--format", "JSON"),
          List.of("--format", "yaml"),
          List.of("--patch", "a\u0000b"),
          List.of("--fail-on", "nonsense"),
          List.of("--update"),
          List.of("-Capp"),
          List.of("--format=json"),
          List.of("--"),
          List.of("init"),
          List.of("check"),
          List.of("-h"),
          List.of("--version"),
          List.of("-x"));

  /** Options before and after {@code check}, and now and then another piece anywhere. */
  @Provide
  Arbitrary<List<String>> commandLines() {
    return Combinators.combine(
            Arbitraries.of(PLAIN).list().uniqueElements().ofMaxSize(3),
            Arbitraries.of(PLAIN).list().uniqueElements().ofMaxSize(5),
            Arbitraries.of(OTHER).optional(0.3),
            Arbitraries.integers().between(0, 8))
        .as(
            (root, check, other, at) -> {
              List<List<String>> pieces = new ArrayList<>(root);
              pieces.add(List.of("check"));
              pieces.addAll(check);
              other.ifPresent(o -> pieces.add(Math.min(at, pieces.size()), o));
              return pieces.stream().flatMap(List::stream).toList();
            });
  }

  @Property(tries = 3000)
  void aPlainCheck_isReadAsPicocliReadsIt(@ForAll("commandLines") List<String> args) {
    Optional<PlainCheck> plain = PlainCheck.read(args.toArray(String[]::new));
    Statistics.label("read without picocli").collect(plain.isPresent());
    if (plain.isEmpty()) {
      return;
    }
    assertEquals(picocli(args), options(plain.get().command(terminal()), plain.get().debug()));
  }

  @Example
  void commonCommandLines_areReadWithoutPicocli() {
    for (List<String> args :
        List.of(
            List.of("check"),
            List.of("-C", "app", "--all", "check"),
            List.of("--all", "check", "--format", "github", "--comment"),
            List.of("check", "-C", "app", "--fail-on", "stale", "--patch", "p.diff"),
            List.of("--templates", "t", "check", "--templates", "u", "--debug"))) {
      Optional<PlainCheck> plain = PlainCheck.read(args.toArray(String[]::new));
      assertTrue(plain.isPresent(), args.toString());
      assertEquals(picocli(args), options(plain.get().command(terminal()), plain.get().debug()));
    }
  }

  @Example
  void everythingElse_isLeftToPicocli() {
    for (List<String> args :
        List.<List<String>>of(
            List.of(),
            List.of("--all"),
            List.of("check", "--help"),
            List.of("check", "--format", "JSON"),
            List.of("check", "--format=json"),
            List.of("-Capp", "check"),
            List.of("check", "-C"),
            List.of("check", "-C", "a", "-C", "b"),
            List.of("check", "--fail-on", "nonsense"),
            List.of("--comment", "check"),
            List.of("check", "extra"),
            List.of("init"))) {
      assertTrue(PlainCheck.read(args.toArray(String[]::new)).isEmpty(), args.toString());
    }
  }

  /** The check's options after picocli's parse of {@code args}, as the check reads them. */
  private static List<Object> picocli(List<String> args) {
    RootCommand root = new RootCommand(terminal(), Duration.ZERO);
    CommandLine line = CommandModel.whole(root, new Cli.TerminalFactory(terminal()));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExpandAtFiles(false);
    ParseResult parsed = line.parseArgs(args.toArray(String[]::new));
    ParseResult sub = parsed.subcommand();
    assertTrue(sub != null && sub.commandSpec().userObject() instanceof CheckCommand, "a check");
    return options((CheckCommand) sub.commandSpec().userObject(), root.debug);
  }

  private static List<Object> options(CheckCommand check, boolean debug) {
    List<Object> out = new ArrayList<>();
    out.add(check.directory.given());
    out.add(check.configs.configFile());
    out.add(check.configs.all());
    out.add(check.templates.typed());
    out.add(check.templates.resolvedIn(Path.of("/repo")));
    out.add(check.format);
    out.add(check.summary);
    out.add(check.patch);
    out.add(check.comment);
    out.add(check.autofix);
    out.add(check.failOn);
    out.add(debug);
    return out;
  }

  private static Terminal terminal() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new Terminal(sink, sink, Map.of(), Path.of("."), false);
  }
}
