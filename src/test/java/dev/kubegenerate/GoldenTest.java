package dev.kubegenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code testdata/} is one case: {@code repo/} is copied to a temporary folder,
 * the CLI runs there with the arguments in {@code args}, and {@code exit}, {@code stdout}, {@code
 * stderr} and (when present, or for {@code --update}) the tree {@code after/} must match. {@code
 * -Dgolden.update=true} rewrites the expected files; a case with an expected file missing fails.
 */
class GoldenTest {

  private static final Path TESTDATA = Path.of("testdata");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(TESTDATA)) {
      List<String> names =
          s.filter(p -> Files.isDirectory(p.resolve("repo")))
              .map(p -> p.getFileName().toString())
              .sorted()
              .toList();
      assertTrue(names.size() > 0, "no golden cases found under " + TESTDATA.toAbsolutePath());
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden_case(String name) throws IOException {
    Path dir = TESTDATA.resolve(name);
    Path work = temp.resolve("repo");
    copyTree(dir.resolve("repo"), work);
    String[] args = read(dir.resolve("args")).strip().split("\\s+");
    if (args.length == 1 && args[0].isEmpty()) {
      args = new String[0];
    }
    CliRunner.Result r = CliRunner.run(work, Map.of(), args);
    boolean writes =
        List.of(args).contains("--update")
            || List.of(args).contains("--patch")
            || Files.isDirectory(dir.resolve("after"));
    if (UPDATE) {
      Files.writeString(dir.resolve("exit"), r.exit() + "\n");
      Files.writeString(dir.resolve("stdout"), r.out());
      Files.writeString(dir.resolve("stderr"), r.err());
      if (writes) {
        deleteTree(dir.resolve("after"));
        copyTree(work, dir.resolve("after"));
      }
      return;
    }
    assertEquals(read(dir.resolve("stderr")), r.err(), name + ": stderr");
    assertEquals(read(dir.resolve("stdout")), r.out(), name + ": stdout");
    assertEquals(read(dir.resolve("exit")).strip(), String.valueOf(r.exit()), name + ": exit code");
    if (writes) {
      if (!Files.isDirectory(dir.resolve("after"))) {
        fail(
            name
                + ": expected tree after/ is missing; run with -Dgolden.update=true and review it");
      }
      assertEquals(tree(dir.resolve("after")), tree(work), name + ": files after the run");
    }
  }

  private static String read(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      fail("missing expected file " + p + "; run with -Dgolden.update=true and review it");
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** Every file below {@code root} by relative path, with its text. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(
            root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> all = new ArrayList<>(s.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.delete(p);
      }
    }
  }
}
