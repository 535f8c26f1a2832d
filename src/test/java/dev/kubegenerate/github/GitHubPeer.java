package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.TestPeers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub API peer of the tests: Prism validating GitHub's REST description in front of the
 * stateful fake. Requests go through Prism; set-up and inspection go to the fake directly.
 */
final class GitHubPeer {

  static final Token TOKEN = new Token("ghs_peerTestToken0123456789");
  static final PullRequestEvent PR = new PullRequestEvent("example/people", 7, false);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  final URI api = URI.create(TestPeers.githubApi());
  private final String fake = TestPeers.githubFake();

  /** Every response that came through Prism, to check it found no violation. */
  final List<HttpTransport.Response> responses = new ArrayList<>();

  /** A transport to Prism that records each response. */
  HttpTransport transport() {
    JdkHttpTransport real = JdkHttpTransport.standard();
    return request -> {
      HttpTransport.Response r = real.send(request);
      synchronized (responses) {
        responses.add(r);
      }
      return r;
    };
  }

  /** A client for the peer that repeats without pausing. */
  IssueComments comments() {
    // GitHub's GraphQL endpoint is not in its REST description: Prism cannot stand in front of it
    return new IssueComments(
        transport(),
        api,
        URI.create(fake + "/graphql"),
        TOKEN,
        noPause(2),
        Deadline.in(java.time.Duration.ofSeconds(60)));
  }

  static RetryPolicy noPause(int repeats) {
    return new RetryPolicy(
        java.util.Collections.nCopies(repeats, java.time.Duration.ZERO), d -> {});
  }

  /** Empties the fake; {@code options} as JSON: forbidden repositories, faults. */
  void reset(String options) throws Exception {
    post("/_control/reset", options);
    responses.clear();
  }

  /** Adds {@code count} comments by others to pull request 7. */
  void seed(int count) throws Exception {
    post("/_control/seed", "{\"issue\": \"example/people/7\", \"count\": " + count + "}");
  }

  /** The fake's comments and the requests it saw. */
  JsonNode state() throws Exception {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(fake + "/_control/state")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** Prism found nothing against GitHub's description in any answer of a status it describes. */
  void assertNoViolations() {
    for (HttpTransport.Response r : responses) {
      if (r.status() < 500) {
        assertEquals(java.util.Optional.empty(), r.header("sl-violations"), r.body());
      }
    }
  }

  void post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(fake + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }
}
