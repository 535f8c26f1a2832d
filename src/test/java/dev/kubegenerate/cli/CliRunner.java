package dev.kubegenerate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the whole CLI in-process against a folder, capturing both streams. */
public final class CliRunner {

  /** What one run printed and returned. */
  public record Result(int exit, String out, String err) {}

  private CliRunner() {}

  /** Runs {@code args} as if started in {@code dir} with the environment {@code env}. */
  public static Result run(Path dir, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int exit = new Cli(new Terminal(o, e, env, dir, false)).run(args);
      return new Result(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Runs with an empty environment. */
  public static Result run(Path dir, String... args) {
    return run(dir, Map.of(), args);
  }
}
