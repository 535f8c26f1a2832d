package dev.kubegenerate;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real peers of the GitHub tests are, as set up by {@code .ci/github-peers}. In CI
 * ({@code CI=true}) a missing peer fails the test; elsewhere the test is skipped with the reason.
 */
public final class TestPeers {

  private TestPeers() {}

  /** The folder holding the peers' node scripts with their node_modules installed. */
  public static Path nodeDir() {
    Path dir = setting("KUBE_GENERATE_PEERS_DIR").map(Path::of)
        .orElse(Path.of("src/test/peers").toAbsolutePath());
    if (!Files.isDirectory(dir.resolve("node_modules/@actions/core"))) {
      missing("@actions/core is not installed in " + dir);
    }
    return dir;
  }

  /** Prism's address, validating against GitHub's REST description. */
  public static String githubApi() {
    return setting("KUBE_GENERATE_GITHUB_API").orElseGet(() -> missing("Prism is not running"));
  }

  /** The stateful fake behind Prism, for the test's set-up and inspection. */
  public static String githubFake() {
    return setting("KUBE_GENERATE_GITHUB_FAKE")
        .orElseGet(() -> missing("the GitHub fake is not running"));
  }

  private static Optional<String> setting(String name) {
    String v = System.getProperty(name, System.getenv(name));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  private static <T> T missing(String why) {
    String how = why + "; run eval \"$(.ci/github-peers start)\" first";
    if ("true".equals(System.getenv("CI"))) {
      fail(how);
    }
    Assumptions.abort(how);
    throw new AssertionError("unreachable");
  }
}
