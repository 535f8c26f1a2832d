package dev.kubegenerate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A real git repository in a folder, driven by the {@code git} command, for tests. */
public final class GitRepo {

  private final Path root;

  private GitRepo(Path root) {
    this.root = root;
  }

  /** Runs {@code git init} in {@code root}. */
  public static GitRepo init(Path root) throws IOException, InterruptedException {
    Files.createDirectories(root);
    GitRepo repo = new GitRepo(root);
    repo.git("init", "-q");
    return repo;
  }

  /** A plain folder, not a repository: {@code git apply} then works like {@code patch}. */
  public static GitRepo folder(Path root) throws IOException {
    Files.createDirectories(root);
    return new GitRepo(root);
  }

  /** The working tree. */
  public Path root() {
    return root;
  }

  /** Writes files (UTF-8, bytes exactly as given) and commits them. */
  public void commit(Map<String, String> files) throws IOException, InterruptedException {
    write(files);
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", "committed tree");
  }

  /** Writes files (UTF-8, bytes exactly as given). */
  public void write(Map<String, String> files) throws IOException {
    for (var e : files.entrySet()) {
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Runs git; returns its exit code and output. */
  public Result git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    // the developer's own git configuration must not change what the test sees
    builder.environment().put("HOME", root.toString());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    // a plain folder must not be taken for part of a repository above it
    builder.environment().put("GIT_CEILING_DIRECTORIES", root.getParent().toString());
    builder.environment().put("GIT_AUTHOR_NAME", "test");
    builder.environment().put("GIT_AUTHOR_EMAIL", "test@example.com");
    builder.environment().put("GIT_COMMITTER_NAME", "test");
    builder.environment().put("GIT_COMMITTER_EMAIL", "test@example.com");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  /** Applies a patch read from a file, first with {@code --check}; fails on either. */
  public void apply(String patch) throws IOException, InterruptedException {
    Path file = Files.createTempFile(root.getParent(), "change", ".patch");
    Files.writeString(file, patch, StandardCharsets.UTF_8);
    for (String[] args :
        List.of(
            new String[] {"apply", "--check", file.toString()},
            new String[] {"apply", file.toString()})) {
      Result result = git(args);
      if (result.code() != 0) {
        throw new AssertionError(
            "git "
                + String.join(" ", args)
                + " failed:\n"
                + result.output()
                + "\npatch:\n"
                + patch);
      }
    }
    Files.delete(file);
  }

  /** Every file of the working tree outside {@code .git}, by relative path, read as UTF-8. */
  public Map<String, String> tree() throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString().replace('\\', '/');
        if (!path.startsWith(".git/")) {
          tree.put(path, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return tree;
  }

  /** Deletes a folder and everything below it. */
  public static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** What a git command returned. */
  public record Result(int code, String output) {}
}
