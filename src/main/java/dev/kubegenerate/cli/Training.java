package dev.kubegenerate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run from which a JVM of Java 25 or newer writes its ahead-of-time cache (the
 * launcher runs {@code java -XX:AOTCacheOutput=FILE ... dev.kubegenerate.cli.Training} in the
 * background; JEP 483 and 514). The cache holds the classes the training loads, already linked,
 * with their lambdas and the objects their set-up builds, so a check does only its own work.
 *
 * <p>A cache is only as good as its training: this one runs, in one JVM, what a developer runs, on
 * apps bundled in the jar (the sample, the examples and an imported Online Boutique, whose entries
 * use patches): the diff mode, {@code --update}, {@code check} in text and JSON, and a check that
 * finds a hand edit. Everything happens in a temporary folder, deleted afterwards; nothing is
 * printed. The exit code is 0 when every step gave the exit code it should, else 1, so the launcher
 * keeps no cache trained on a broken run.
 */
public final class Training {

  /** The bundled apps, each at {@code kube-generate/training/NAME/kube-generate.yaml}. */
  static final List<String> APPS = List.of("sample", "people", "ledger", "online-boutique");

  private static final String RESOURCES = "/kube-generate/training/";

  private Training() {}

  public static void main(String[] args) {
    int exit;
    try {
      exit = run().isEmpty() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      exit = 1;
    }
    System.exit(exit);
  }

  /** Runs every step; returns the steps that gave another exit code than they should. */
  static List<String> run() throws IOException {
    Path work = Files.createTempDirectory("kube-generate-training");
    try {
      List<String> failed = new ArrayList<>();
      for (String app : APPS) {
        failed.addAll(train(work, app));
      }
      return failed;
    } finally {
      deleteTree(work);
    }
  }

  private static List<String> train(Path work, String app) throws IOException {
    Path dir = Files.createDirectories(work.resolve(app));
    try (InputStream config =
        Training.class.getResourceAsStream(RESOURCES + app + "/kube-generate.yaml")) {
      if (config == null) {
        return List.of(app + ": not bundled");
      }
      Files.write(dir.resolve("kube-generate.yaml"), config.readAllBytes());
    }
    Cli cli = new Cli(silentTerminal(dir));
    List<String> failed = new ArrayList<>();
    step(cli, failed, app, 1); // the diff mode: nothing written yet
    step(cli, failed, app, 0, "--update");
    step(cli, failed, app, 0, "check");
    step(cli, failed, app, 0, "check", "--format", "json");
    handEdit(dir);
    step(cli, failed, app, 1, "check");
    return failed;
  }

  private static void step(Cli cli, List<String> failed, String app, int expected, String... args) {
    int exit = cli.run(args);
    if (exit != expected) {
      failed.add(app + " " + String.join(" ", args) + ": exit " + exit);
    }
  }

  /** A hand edit of the first manifest, so the diff, the report and the fixes are trained too. */
  private static void handEdit(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("kubernetes"))) {
      Path first =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .min(Comparator.naturalOrder())
              .orElseThrow(() -> new IOException("nothing rendered in " + dir));
      Files.writeString(
          first,
          Files.readString(first).replaceFirst("(?m)^(  name: )(.*)$", "$1$2-by-hand"),
          StandardCharsets.UTF_8);
    }
  }

  private static Terminal silentTerminal(Path dir) {
    PrintStream none =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    return new Terminal(none, none, Map.of(), dir, false);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder the system cleans up anyway
    }
  }
}
