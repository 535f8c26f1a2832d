package dev.kubegenerate;

import dev.kubegenerate.cli.Cli;
import dev.kubegenerate.cli.Preload;

/** The process entry: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit;
    try {
      Preload.startFor(args);
      exit = Cli.standard().run(args);
    } catch (Throwable e) {
      // Cli.run already turns every failure into a line; this covers building the streams
      System.err.println(("kube-generate: internal error: " + e).replaceAll("\\s*\\R\\s*", " "));
      exit = 2;
    }
    System.exit(exit);
  }
}
