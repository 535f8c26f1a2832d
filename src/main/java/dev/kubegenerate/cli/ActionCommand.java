package dev.kubegenerate.cli;

import dev.kubegenerate.github.ActionInputs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kube-generate action}: the image's entry point. Runs the check that the action's {@code
 * INPUT_*} variables ask for; a bad input is a usage error (exit 2) naming the input.
 */
@Command(
    name = ActionCommand.NAME,
    hidden = true,
    description = "Run the check as the GitHub Action: read the INPUT_* variables the runner sets.")
public final class ActionCommand implements Callable<Integer> {

  static final String NAME = "action";

  private final Terminal terminal;

  ActionCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    // parsed here, not in picocli: the image has no shell to turn INPUT_* into options
    List<String> args = ActionInputs.from(terminal.env());
    return new Cli(terminal).run(args.toArray(String[]::new));
  }
}
