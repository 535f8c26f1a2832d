package dev.kubegenerate.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's model of the commands for one run. picocli builds a command's model by reflection over
 * its annotations, which in a one-app check is a fifth of the main thread's work, most of it for
 * commands the run does not use. So when the arguments plainly name the command they run (root
 * options the root knows, then a subcommand's name or nothing), only the root and that command are
 * built; anything else (help, version, an unknown word or option, an argument the scan cannot read
 * as picocli reads it) gets the whole model, so every message and help text is picocli's own over
 * every command.
 */
final class CommandModel {

  /** The root's subcommands, in the order its usage help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          InitCommand.class,
          ImportCommand.class,
          TemplatesCommand.class,
          SchemaCommand.class,
          ActionCommand.class);

  private static final List<String> HELP = List.of("-h", "--help", "-V", "--version", "help");

  private CommandModel() {}

  /** The root with every subcommand. */
  static CommandLine whole(Object root, CommandLine.IFactory factory) {
    CommandLine line = new CommandLine(root, factory);
    for (Class<?> type : SUBCOMMANDS) {
      add(line, type, factory);
    }
    return line;
  }

  /**
   * The root with only the subcommand {@code args} run, when a scan of them can tell which one
   * (none: the root's own run); empty when it cannot, and the whole model is needed.
   */
  static Optional<CommandLine> forRun(Object root, CommandLine.IFactory factory, String... args) {
    for (String arg : args) {
      if (HELP.contains(arg)) {
        return Optional.empty();
      }
    }
    CommandLine line = new CommandLine(root, factory);
    Optional<Optional<Class<?>>> chosen = subcommand(line.getCommandSpec(), args);
    chosen.flatMap(c -> c).ifPresent(type -> add(line, type, factory));
    return chosen.map(c -> line);
  }

  /**
   * The subcommand {@code args} name after the root's options (empty inside: the root itself);
   * empty when a word is not one the root knows as picocli would read it.
   */
  private static Optional<Optional<Class<?>>> subcommand(CommandSpec root, String... args) {
    Map<String, OptionSpec> options = root.optionsMap();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        return named(arg).map(Optional::of);
      }
      OptionSpec option = options.get(arg);
      if (option != null) {
        int arity = option.arity().max();
        if (arity != option.arity().min() || arity > 1 || option.arity().isVariable()) {
          return Optional.empty();
        }
        i += arity;
      } else if (!attached(options, arg)) {
        // "--", a cluster of short options, or an unknown option: picocli's parse decides
        return Optional.empty();
      }
    }
    return Optional.of(Optional.empty());
  }

  /** {@code --name=value} or {@code -Xvalue} of an option that takes one value. */
  private static boolean attached(Map<String, OptionSpec> options, String arg) {
    int equals = arg.indexOf('=');
    OptionSpec option =
        arg.startsWith("--")
            ? equals > 0 ? options.get(arg.substring(0, equals)) : null
            : arg.length() > 2 ? options.get(arg.substring(0, 2)) : null;
    return option != null
        && option.arity().min() == 1
        && option.arity().max() == 1
        && !option.arity().isVariable();
  }

  private static Optional<Class<?>> named(String word) {
    for (Class<?> type : SUBCOMMANDS) {
      Command command = type.getAnnotation(Command.class);
      if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Adds a subcommand as picocli adds one its annotations declare. */
  private static void add(CommandLine root, Class<?> type, CommandLine.IFactory factory) {
    CommandLine sub = new CommandLine(type, factory);
    root.addSubcommand(type.getAnnotation(Command.class).name(), sub);
  }
}
