package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled API data is exactly what {@link ApiDataTool} makes of the reference data. The
 * reference data lives beside the project ({@code ../shared/data}); without it the test is
 * skipped, so the project builds anywhere. {@code -Dapidata.update=true} rewrites the file.
 */
class ApiDataToolTest {

  /** The reference data; {@code -Dapidata.dir=DIR} names another copy. */
  static final Path DATA = Path.of(System.getProperty("apidata.dir", "../shared/data"));
  static final Path BUNDLED = Path.of("src/main/resources/kube-generate/kubernetes/api.txt");

  @Test
  void bundledData_isWhatTheToolWrites() throws IOException {
    assumeTrue(Files.isDirectory(DATA.resolve("kubernetes-openapi")),
        "skipped: the reference data (../shared/data/kubernetes-openapi) is not beside the project");
    String expected = ApiDataTool.generate(DATA);
    if (Boolean.getBoolean("apidata.update")) {
      Files.writeString(BUNDLED, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(BUNDLED, StandardCharsets.UTF_8),
        "the bundled API data is out of date; rerun with -Dapidata.update=true");
  }
}
