package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled custom resource definitions are exactly what {@link CrdTool} makes of their projects'
 * files in {@code src/test/crds/}. {@code -Dcrds.update=true} rewrites them.
 */
class CrdToolTest {

  static final Path SOURCES = Path.of("src/test/crds");

  static final Path BUNDLED = Path.of("src/main/resources/kube-generate/kubernetes/crds");

  @Test
  void bundledDefinitions_areWhatTheToolWrites() throws IOException {
    Map<String, byte[]> expected = CrdTool.generate(SOURCES);
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(BUNDLED);
      try (Stream<Path> old = Files.list(BUNDLED)) {
        for (Path f : old.toList()) {
          Files.delete(f);
        }
      }
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        Files.write(BUNDLED.resolve(e.getKey()), e.getValue());
      }
    }
    TreeSet<String> bundled = new TreeSet<>();
    try (Stream<Path> files = Files.list(BUNDLED)) {
      files.forEach(f -> bundled.add(f.getFileName().toString()));
    }
    assertEquals(expected.keySet(), bundled);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(BUNDLED.resolve(e.getKey())), e.getKey());
    }
  }
}
