package dev.kubegenerate.cli;

import dev.kubegenerate.model.FailOn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a plain check, such as {@code kube-generate -C app --all check --format
 * json}, read without picocli. picocli builds its model of a command by reflection, which is code
 * run once and never compiled: in a one-app check, a fifth of the main thread's work went to it. So
 * a command line made only of {@code check} and options in their separate form ({@code -C DIR}, not
 * {@code -CDIR} or {@code --format=json}), each given once per command, with values picocli would
 * convert without a word, is read here into the same {@link CheckCommand}; anything else (help, a
 * mistake, an unusual form) is left to picocli, which says what it says about it. A test holds the
 * two readings to each other.
 */
final class PlainCheck {

  /** The options given at one command: before {@code check} (the root's) or after it. */
  static final class Level {
    Path directory;
    String configFile;
    boolean all;
    final List<Path> templates = new ArrayList<>();
    CheckCommand.Format format;
    Path summary;
    Path patch;
    boolean comment;
    boolean autofix;
    FailOn failOn;
    private final Set<String> given = new HashSet<>();
  }

  private static final String COMMAND = "check";

  private final Level root;
  private final Level check;
  private final boolean debug;

  private PlainCheck(Level root, Level check, boolean debug) {
    this.root = root;
    this.check = check;
    this.debug = debug;
  }

  /** Whether {@code --debug} was given: stack traces of errors. */
  boolean debug() {
    return debug;
  }

  /** The plain check {@code args} ask for; empty when picocli is to read them. */
  static Optional<PlainCheck> read(String... args) {
    Level root = new Level();
    Level check = null;
    boolean debug = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      Level at = check == null ? root : check;
      if (arg.equals(COMMAND) && check == null) {
        check = new Level();
        continue;
      }
      // an option given twice is picocli's error; --templates is the one option a list
      if (!arg.equals("--templates") && !at.given.add(arg)) {
        return Optional.empty();
      }
      if (arg.equals("--all")) {
        at.all = true;
      } else if (arg.equals("--debug")) {
        // one flag for both commands: the subcommand inherits the root's
        if (debug) {
          return Optional.empty();
        }
        debug = true;
      } else if (at == check && arg.equals("--comment")) {
        check.comment = true;
      } else if (at == check && arg.equals("--autofix")) {
        check.autofix = true;
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        if (!value(at, at == check, arg, args[++i])) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    return check == null ? Optional.empty() : Optional.of(new PlainCheck(root, check, debug));
  }

  /** Sets the option {@code name} to {@code value} as picocli converts it; false when it won't. */
  private static boolean value(Level at, boolean ofCheck, String name, String value) {
    try {
      switch (name) {
        case "-C" -> at.directory = Path.of(value);
        case "-f" -> at.configFile = value;
        case "--templates" -> at.templates.add(Path.of(value));
        default -> {
          if (!ofCheck) {
            return false;
          }
          switch (name) {
            case "--format" -> at.format = CheckCommand.Format.valueOf(value);
            case "--summary" -> at.summary = Path.of(value);
            case "--patch" -> at.patch = Path.of(value);
            case "--fail-on" -> at.failOn = FailOn.parse(value);
            default -> {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IllegalArgumentException e) {
      // an invalid path, format or --fail-on list: picocli's message for it
      return false;
    }
  }

  /**
   * The check command with its options as picocli sets them. The root's options are merged in as
   * the check reads them from its parent: its own folder and config file first, the root's template
   * folders before its own, {@code --all} from either.
   */
  CheckCommand command(Terminal terminal) {
    CheckCommand command = new CheckCommand(terminal);
    command.directory = new DirectoryOption();
    command.directory.directory = check.directory != null ? check.directory : root.directory;
    command.configs = new ConfigOptions();
    command.configs.configFile = check.configFile != null ? check.configFile : root.configFile;
    command.configs.all = check.all || root.all;
    command.templates = new TemplateOption();
    command.templates.templates.addAll(root.templates);
    command.templates.templates.addAll(check.templates);
    command.format = check.format;
    command.summary = check.summary;
    command.patch = check.patch;
    command.comment = check.comment;
    command.autofix = check.autofix;
    if (check.failOn != null) {
      command.failOn = check.failOn;
    }
    return command;
  }
}
