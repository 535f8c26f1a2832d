package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kubegenerate.report.ReportFixtures;
import dev.kubegenerate.report.WorkflowCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow or hostile API (a body that trickles forever, pages that link to themselves, an answer of
 * gigabytes) and a malformed API URL: the annotations, summary and outputs are written first, the
 * comment gives up within its budget (injected: 2 s here, 60 s in a real run) and the verdict is
 * untouched.
 */
class GitHubPublisherDeadlineTest {

  private static final Duration BUDGET = Duration.ofSeconds(2);

  @TempDir Path runner;
  private final Map<String, String> vars = new HashMap<>();
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    Path event =
        Files.writeString(
            runner.resolve("event.json"),
            "{\"number\": 7, \"pull_request\":"
                + " {\"number\": 7, \"head\": {\"repo\": {\"full_name\": \"example/people\"}}},"
                + " \"repository\": {\"full_name\": \"example/people\"}}");
    vars.putAll(
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_STEP_SUMMARY",
            Files.createFile(runner.resolve("summary")).toString(),
            "GITHUB_OUTPUT",
            Files.createFile(runner.resolve("output")).toString(),
            "GITHUB_EVENT_PATH",
            event.toString(),
            "GITHUB_REPOSITORY",
            "example/people",
            "RUNNER_TEMP",
            Files.createDirectory(runner.resolve("temp")).toString(),
            "INPUT_GITHUB-TOKEN",
            GitHubPeer.TOKEN.value()));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            handler.handle(exchange);
          } catch (IOException e) {
            // the client gave up: what it should do
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r);
              t.setDaemon(true);
              return t;
            }));
    server.start();
    vars.put("GITHUB_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Publishes with the comment; returns stdout's lines. */
  private List<String> publish() {
    return publish(BUDGET);
  }

  private List<String> publish(Duration budget) {
    GitHubPublisher publisher =
        new GitHubPublisher(JdkHttpTransport.standard(), RetryPolicy.standard(), budget);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // the budget plus a margin for a loaded machine, far below the 30 s of one request's time-out
    assertTimeoutPreemptively(
        budget.plusSeconds(8),
        () ->
            publisher.publish(
                ReportFixtures.everyKind(),
                ActionsEnvironment.from(vars),
                ".",
                true,
                "{}",
                new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private void assertVerdictPublishedThenWarning(List<String> stdout, String warning)
      throws IOException {
    assertEquals(
        WorkflowCommands.render(ReportFixtures.everyKind(), 1),
        stdout.subList(0, stdout.size() - 1));
    assertTrue(
        stdout
            .get(stdout.size() - 1)
            .startsWith("::warning title=kube-generate::pull-request comment"),
        stdout.get(stdout.size() - 1));
    assertTrue(stdout.get(stdout.size() - 1).contains(warning), stdout.get(stdout.size() - 1));
    assertTrue(
        Files.readString(Path.of(vars.get("GITHUB_STEP_SUMMARY"))).contains("kube-generate"));
    assertTrue(Files.readString(Path.of(vars.get("GITHUB_OUTPUT"))).contains("result"));
  }

  @Test
  void bodyTricklesForever_givesUpWithinTheBudget() throws Exception {
    serve(
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write('[');
          for (int i = 0; i < 10_000; i++) {
            body.write(' ');
            body.flush();
            sleep(100);
          }
        });
    assertVerdictPublishedThenWarning(publish(), "GET");
  }

  @Test
  void pagesLinkToThemselves_stopsAtTheRepeat() throws Exception {
    serve(
        exchange -> {
          String self =
              "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI();
          exchange.getResponseHeaders().add("Link", "<" + self + ">; rel=\"next\"");
          byte[] page = "[]".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
        });
    assertVerdictPublishedThenWarning(publish(), "link back");
    assertTrue(requests.get() <= 3, "requests: " + requests.get());
  }

  @Test
  void hugeAnswer_refusedWithoutReadingItAll() throws Exception {
    serve(
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = " ".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
          OutputStream body = exchange.getResponseBody();
          body.write('[');
          for (int i = 0; i < 1 << 14; i++) { // a gigabyte
            body.write(chunk);
          }
        });
    // time enough to read past the bound on a loaded machine: the size ends it, not the clock
    assertVerdictPublishedThenWarning(publish(Duration.ofSeconds(20)), "larger than");
  }

  @Test
  void malformedApiUrl_warnsAndTheVerdictStands() throws Exception {
    vars.put("GITHUB_API_URL", "https://exa mple.com/api/v3");
    List<String> stdout = publish();
    assertVerdictPublishedThenWarning(stdout, "GITHUB_API_URL is not an http(s) URL");
    vars.put("GITHUB_API_URL", "file:///etc/passwd");
    assertTrue(publish().get(stdout.size() - 1).contains("GITHUB_API_URL"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
