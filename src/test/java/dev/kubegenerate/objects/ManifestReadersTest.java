package dev.kubegenerate.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.fast.RenderedYaml;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.yaml.GoScalars;
import dev.kubegenerate.yaml.KubernetesYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast path for plain block YAML gives exactly what the general reader gives, as Kubernetes
 * reads the text, or stands aside.
 */
class ManifestReadersTest {

  private static Optional<Object> fast(String text) {
    return RenderedYaml.plainBlock(text, GoScalars::plain).flatMap(KubernetesYaml::asJson);
  }

  private static Object exact(String text) throws InputException {
    List<Object> documents = KubernetesYaml.documents(text, "m.yaml");
    assertEquals(1, documents.size(), text);
    return documents.get(0);
  }

  @Test
  void everyManifestOfTheRepository_sameValuesWhereTheFastPathReadsIt() throws Exception {
    int read = 0;
    for (Path root : List.of(Path.of("testdata"), Path.of("examples"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          String text;
          Object exact;
          try {
            text = Files.readString(p);
            exact = exact(text);
          } catch (IOException | InputException | AssertionError e) {
            continue; // not UTF-8, not YAML, or not one document: the cases of bad input
          }
          Optional<Object> fast = fast(text);
          if (fast.isPresent()) {
            assertEquals(exact, fast.get(), p.toString());
            read++;
          }
        }
      }
    }
    assertTrue(read > 300, read + " manifests read by the fast path");
  }

  @Test
  void yaml11Words_keysAndValuesAsKubernetesReadsThem() throws InputException {
    String text = "data:\n  y: yes\n  o: 0755\n  n: 1e3\n  k: \"0755\"\n  l: [1, 2]\n";
    assertEquals(exact(text), fast(text).orElseThrow());
    // y and on are both the key true: the last wins, which the general reader judges
    assertEquals(Optional.empty(), fast("data:\n  y: 1\n  on: 2\n"));
    // a merge key, or a key read as null, is the general reader's to judge
    assertEquals(Optional.empty(), fast("a:\n  <<: {\"b\": 1}\n"));
    assertEquals(Optional.empty(), fast("a:\n  ~: 1\n"));
    assertEquals(Optional.empty(), fast("a: .inf\n"));
  }

  @Property(tries = 300)
  void plainBlocks_bothReadersAgree(@ForAll("documents") String text) throws InputException {
    Optional<Object> fast = fast(text);
    if (fast.isPresent()) {
      assertEquals(exact(text), fast.get(), text);
    }
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> words =
        Arbitraries.of(
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "n",
            "true",
            "null",
            "~",
            "0755",
            "08",
            "0x1F",
            "0o17",
            "1_000",
            "1e3",
            ".5",
            "-12",
            "+3",
            "1:30",
            "2024-01-01",
            "web",
            "app.kubernetes.io/name",
            "\"0755\"",
            "\"yes\"",
            "[1, 2]",
            "{\"a\": 1}",
            "500m",
            "1Gi",
            "<<");
    Arbitrary<String> line =
        Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcxyzn").ofMinLength(1).ofMaxLength(3), words)
            .flatMap(k -> words.map(v -> k + ": " + v));
    return line.list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(
            lines ->
                "top:\n" + String.join("\n", lines.stream().map(l -> "  " + l).toList()) + "\n");
  }
}
