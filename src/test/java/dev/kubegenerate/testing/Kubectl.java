package dev.kubegenerate.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kubectl as a test peer: it reads manifests as every client of a cluster does, and its client-side
 * commands need no cluster. A test that runs it is skipped where kubectl is not installed.
 */
public final class Kubectl {

  /** What a run printed on stdout (with stderr, when asked) and its exit code. */
  public record Result(int exit, String out) {}

  private Kubectl() {}

  /**
   * Runs kubectl with {@code args} and {@code stdin} as its input.
   *
   * @param withErrors whether stderr is read with stdout, else discarded
   */
  public static Result run(String stdin, boolean withErrors, String... args)
      throws IOException, InterruptedException {
    Path kubectl =
        List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(kubectl != null, "kubectl is not installed");
    List<String> command = new ArrayList<>(List.of(kubectl.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (withErrors) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = builder.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out;
    try (InputStream o = p.getInputStream()) {
      out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("kubectl did not finish");
    }
    return new Result(p.exitValue(), out);
  }
}
