package dev.kubegenerate;

import dev.kubegenerate.cli.ClassDataArchive;
import dev.kubegenerate.cli.Cli;
import dev.kubegenerate.cli.Preload;

/** The process entry: runs the command line and exits with its code. */
public final class Main {

  private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

  private Main() {}

  public static void main(String[] args) {
    int exit;
    try {
      // picocli looks up a converter for every java.sql and java.time type by reflection, once
      // per command (six per run): 5 ms of a one-app check. No option takes one. The
      // pattern is compiled for each type it is matched against: the simplest one that says so.
      if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
        System.setProperty(CONVERTERS_EXCLUDED, "java\\.[st].*");
      }
      Preload.startFor(args);
      exit = Cli.standard().run(args);
      ClassDataArchive.forgetIfUnused();
    } catch (Throwable e) {
      // Cli.run already turns every failure into a line; this covers building the streams
      System.err.println(("kube-generate: internal error: " + e).replaceAll("\\s*\\R\\s*", " "));
      exit = 2;
    }
    System.exit(exit);
  }
}
