package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real manifests of public projects ({@code testdata/corpus/<source>/}, each source's licence
 * beside them) keep the verdicts a person reviewed ({@code testdata/corpus/expected.txt}: each file
 * and the rules it breaks, or {@code ok}, with the reason after {@code #}) when validated for the
 * newest bundled release. {@code -Dcorpus.update=true} rewrites the verdicts, keeping the reasons
 * of unchanged lines, and {@code target/corpus-report.txt} lists every message.
 */
class CorpusTest {

  static final Path CORPUS = Path.of("testdata/corpus");
  private static final Path EXPECTED = CORPUS.resolve("expected.txt");

  /** Every manifest file of the corpus, relative to it, sorted. */
  static List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(CORPUS)) {
      return all.filter(Files::isRegularFile)
          .map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.matches(".*\\.(yaml|yml|json)"))
          .sorted()
          .toList();
    }
  }

  static List<Violation> validate(String file) throws IOException {
    String text = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
    return new ManifestValidator(KubernetesApi.newest(), true, CustomResources.NONE).validate(text);
  }

  private static String rules(List<Violation> found) {
    TreeSet<String> rules = new TreeSet<>();
    found.forEach(v -> rules.add(v.rule().id()));
    return rules.isEmpty() ? "ok" : String.join(",", rules);
  }

  @Test
  void corpus_verdictsAsReviewed() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> reasons = new TreeMap<>();
    for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
      String body = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      if (body.isBlank()) {
        continue;
      }
      String[] f = body.strip().split("\\s+");
      expected.put(f[0], f[1]);
      if (line.contains("#")) {
        reasons.put(f[0] + " " + f[1], line.substring(line.indexOf('#')).strip());
      }
    }
    Map<String, String> actual = new LinkedHashMap<>();
    StringBuilder report = new StringBuilder();
    Map<String, Integer> counts = new TreeMap<>();
    for (String file : files()) {
      List<Violation> found = validate(file);
      actual.put(file, rules(found));
      counts.merge(rules(found), 1, Integer::sum);
      for (Violation v : found) {
        report
            .append(file)
            .append(':')
            .append(v.line())
            .append(": ")
            .append(v.rule().id())
            .append(' ')
            .append(v.severity().id())
            .append(": ")
            .append(v.path())
            .append(": ")
            .append(v.message())
            .append('\n');
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/corpus-report.txt"), counts + "\n" + report, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("corpus.update")) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "# file  rules (ok: none) for Kubernetes "
              + KubernetesApi.newest()
              + "  # why, as reviewed; CorpusTest checks it");
      actual.forEach(
          (file, rules) -> {
            String reason = reasons.get(file + " " + rules);
            lines.add(file + "  " + rules + (reason == null ? "" : "  " + reason));
          });
      Files.write(EXPECTED, lines, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(actual.size() > 300, "the corpus holds " + actual.size() + " files");
    List<String> changed =
        actual.entrySet().stream()
            .filter(e -> !e.getValue().equals(expected.get(e.getKey())))
            .map(e -> e.getKey() + ": " + expected.get(e.getKey()) + " -> " + e.getValue())
            .collect(Collectors.toList());
    expected.keySet().stream()
        .filter(f -> !actual.containsKey(f))
        .forEach(f -> changed.add(f + ": no such file"));
    assertEquals(
        List.of(),
        changed,
        "changed verdicts (messages in target/corpus-report.txt; review, then"
            + " -Dcorpus.update=true)");
  }
}
