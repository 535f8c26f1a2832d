package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.check.RandomWorkers.Worker;
import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any config: {@code --update} followed by {@code check} is clean, and any single-line edit of
 * a generated file is reported as {@code hand-edited} on exactly that line.
 */
class UpdateThenCheckTest {

  @Provide
  Arbitrary<List<Worker>> workers() {
    return RandomWorkers.lists(4);
  }

  @Property(tries = 25)
  void updateThenCheck_isClean(@ForAll("workers") List<Worker> workers) throws IOException {
    Path repo = newRepo(workers);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Report report = check(repo);
    assertEquals(
        dev.kubegenerate.model.Result.CLEAN, report.result(), () -> report.findings().toString());
    assertEquals(0, CliRunner.run(repo, "--update").exit(), "a second update changes nothing");
  }

  @Property(tries = 40)
  void singleLineEdit_isHandEditedOnThatLine(
      @ForAll("workers") List<Worker> workers,
      @ForAll("edits") double fileChoice,
      @ForAll("edits") double lineChoice)
      throws IOException {
    Path repo = newRepo(workers);
    CliRunner.run(repo, "--update");
    List<Path> files;
    try (Stream<Path> s = Files.walk(repo.resolve("kubernetes"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Path file = files.get((int) (fileChoice * files.size()));
    List<String> lines = Files.readAllLines(file);
    int edited = (int) (lineChoice * lines.size());
    lines.set(edited, lines.get(edited) + " # edited");
    Files.writeString(file, String.join("\n", lines) + "\n");

    Report report = check(repo);
    List<FileResult> findings = report.findings();
    assertEquals(1, findings.size(), findings::toString);
    assertEquals(Status.HAND_EDITED, findings.get(0).status());
    assertEquals(List.of(new LineRange(edited + 1, edited + 1)), findings.get(0).lines());
  }

  @Provide
  Arbitrary<Double> edits() {
    return Arbitraries.doubles().between(0, 0.999).ofScale(3);
  }

  private static Report check(Path repo) {
    Report report =
        CheckRun.run(
            RunRequest.of(repo, "kube-generate.yaml", false),
            dev.kubegenerate.model.FailOn.defaults(),
            "kube-generate --update",
            Progress.NONE);
    if (!report.errors().isEmpty()) {
      throw new AssertionError(report.errors().toString());
    }
    return report;
  }

  private static Path newRepo(List<Worker> workers) throws IOException {
    Path repo = Files.createTempDirectory("kube-generate-prop");
    String config =
        "app: shop\nclusters: [sandbox, qa, production]\ngenerates:\n"
            + RandomWorkers.entries(workers);
    Files.writeString(repo.resolve("kube-generate.yaml"), config);
    return repo;
  }
}
