package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled API data is exactly what {@link ApiDataTool} makes of the reference data. The
 * reference data lives beside the project ({@code ../shared/data}); without it the test is skipped,
 * so the project builds anywhere. {@code -Dapidata.update=true} rewrites the file.
 */
class ApiDataToolTest {

  /** The reference data; {@code -Dapidata.dir=DIR} names another copy. */
  static final Path DATA = Path.of(System.getProperty("apidata.dir", "../shared/data"));

  static final Path BUNDLED = Path.of("src/main/resources/kube-generate/kubernetes");

  private static boolean isData(Path f) {
    String name = f.getFileName().toString();
    return name.endsWith(".txt") || name.endsWith(".txt.gz");
  }

  @Test
  void bundledData_isWhatTheToolWrites() throws IOException {
    assumeTrue(
        Files.isDirectory(DATA.resolve("kubernetes-openapi")),
        "skipped: the reference data (../shared/data/kubernetes-openapi) is not beside the project");
    Map<String, String> expected = ApiDataTool.generate(DATA);
    if (Boolean.getBoolean("apidata.update")) {
      try (Stream<Path> old = Files.list(BUNDLED)) {
        for (Path f : old.filter(f -> isData(f)).toList()) {
          Files.delete(f);
        }
      }
      for (Map.Entry<String, String> f : expected.entrySet()) {
        ApiDataTool.write(BUNDLED.resolve(f.getKey()), f.getValue());
      }
    }
    Map<String, String> bundled = new TreeMap<>();
    try (Stream<Path> files = Files.list(BUNDLED)) {
      for (Path f : files.filter(f -> isData(f)).toList()) {
        // the text, not the gzip bytes: another zlib may compress the same text differently
        bundled.put(f.getFileName().toString(), ApiDataTool.read(f));
      }
    }
    assertEquals(
        expected.keySet(),
        bundled.keySet(),
        "the bundled API data files; rerun with -Dapidata.update=true");
    for (String name : expected.keySet()) {
      assertEquals(
          expected.get(name),
          bundled.get(name),
          name + " is out of date; rerun with -Dapidata.update=true");
    }
  }
}
