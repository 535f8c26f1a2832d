package dev.kubegenerate;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real peers of the GitHub tests ({@code @actions/core}, Prism over GitHub's REST description,
 * the comment fake). When {@code .ci/github-peers start} has not set them up (as {@code .ci/run}
 * does), the first test that needs them starts them, once per test run, and they are stopped when
 * the tests end. A peer that cannot be started fails the test; only {@code
 * -Dkube-generate.peers=skip} turns that into a skip, for a machine without Node.js.
 */
public final class TestPeers {

  /** The property that lets the peer tests skip instead of fail when no peer can be started. */
  public static final String OPT_OUT = "kube-generate.peers";

  private static final List<String> VARIABLES =
      List.of("KUBE_GENERATE_PEERS_DIR", "KUBE_GENERATE_GITHUB_API", "KUBE_GENERATE_GITHUB_FAKE");

  private TestPeers() {}

  /** The folder holding the peers' node scripts with their node_modules installed. */
  public static Path nodeDir() {
    Path dir = Path.of(setting("KUBE_GENERATE_PEERS_DIR"));
    if (!Files.isDirectory(dir.resolve("node_modules/@actions/core"))) {
      unavailable("@actions/core is not installed in " + dir);
    }
    return dir;
  }

  /** Prism's address, validating against GitHub's REST description. */
  public static String githubApi() {
    return setting("KUBE_GENERATE_GITHUB_API");
  }

  /** The stateful fake behind Prism, for the test's set-up and inspection. */
  public static String githubFake() {
    return setting("KUBE_GENERATE_GITHUB_FAKE");
  }

  private static String setting(String name) {
    Started peers = Started.INSTANCE;
    String value = peers.settings().get(name);
    if (value == null || value.isBlank()) {
      unavailable(peers.failure().orElse(name + " is not set"));
    }
    return value;
  }

  private static void unavailable(String why) {
    String how =
        why + "; see .ci/github-peers (or run with -D" + OPT_OUT + "=skip to skip these tests)";
    if ("skip".equals(System.getProperty(OPT_OUT))) {
      Assumptions.abort(how);
    }
    fail(how);
  }

  /**
   * The peers of this test run: from the environment when already started, else started here.
   *
   * @param settings the variables the tests read
   * @param failure why starting them failed, if it did
   */
  private record Started(Map<String, String> settings, Optional<String> failure) {

    private static final Pattern EXPORT = Pattern.compile("export (\\w+)='([^']*)'");

    /** Started on first use (class initialisation is lazy and thread-safe), once per JVM. */
    static final Started INSTANCE = start();

    static Started start() {
      Map<String, String> given = new HashMap<>();
      for (String name : VARIABLES) {
        String v = System.getProperty(name, System.getenv(name));
        if (v != null && !v.isBlank()) {
          given.put(name, v);
        }
      }
      if (given.size() == VARIABLES.size() || "skip".equals(System.getProperty(OPT_OUT))) {
        return new Started(given, Optional.empty());
      }
      Path script = Path.of(".ci/github-peers").toAbsolutePath();
      Path work = Path.of("target/github-peers").toAbsolutePath();
      try {
        Files.createDirectories(work);
        Path log = work.resolve("start.log");
        ProcessBuilder start =
            new ProcessBuilder("bash", script.toString(), "start")
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        start.environment().put("KUBE_GENERATE_PEERS_WORK", work.toString());
        Process p = start.start();
        // the first start installs the npm packages; later ones take seconds
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
          p.destroyForcibly();
          return new Started(
              Map.of(),
              Optional.of(
                  ".ci/github-peers start failed: "
                      + lastLines(Files.readString(log, StandardCharsets.UTF_8), 5)));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, work)));
        Map<String, String> settings = new HashMap<>();
        Matcher m = EXPORT.matcher(out);
        while (m.find()) {
          settings.put(m.group(1), m.group(2));
        }
        return new Started(settings, Optional.empty());
      } catch (IOException e) {
        return new Started(Map.of(), Optional.of("cannot run .ci/github-peers: " + e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Started(Map.of(), Optional.of("interrupted while starting the peers"));
      }
    }

    private static void stop(Path script, Path work) {
      try {
        ProcessBuilder stop =
            new ProcessBuilder("bash", script.toString(), "stop")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        stop.environment().put("KUBE_GENERATE_PEERS_WORK", work.toString());
        stop.start().waitFor(30, TimeUnit.SECONDS);
      } catch (IOException e) {
        // the next start stops what its pid files name
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static String lastLines(String text, int n) {
      List<String> lines = text.lines().toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }
}
