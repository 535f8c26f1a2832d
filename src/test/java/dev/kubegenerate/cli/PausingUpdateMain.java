package dev.kubegenerate.cli;

import java.time.Duration;

/**
 * The CLI with a pause between the renames of {@code --update}, for the test that kills a run
 * half-way in a child process and checks that the next run finishes it.
 */
public final class PausingUpdateMain {

  private PausingUpdateMain() {}

  /** Runs {@code args} as the real CLI would, pausing 400 ms between renames. */
  public static void main(String[] args) {
    System.exit(new Cli(Cli.standardTerminal(), Duration.ofMillis(400)).run(args));
  }
}
