package dev.kubegenerate;

import dev.kubegenerate.cli.Cli;

/** The process entry: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.standard().run(args));
  }
}
