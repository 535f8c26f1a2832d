package dev.kubegenerate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** `./mvnw verify` runs the GitHub peer tests: the peers are there without any set-up step. */
class TestPeersTest {

  @Test
  void peers_areStartedByTheTestsThemselves() throws Exception {
    Assumptions.assumeFalse(
        "skip".equals(System.getProperty("kube-generate.peers")), "peer tests opted out");
    String fake = assertDoesNotThrow(TestPeers::githubFake, "the tests start the peers themselves");
    String api = assertDoesNotThrow(TestPeers::githubApi);
    assertTrue(
        Files.isDirectory(
            assertDoesNotThrow(TestPeers::nodeDir).resolve("node_modules/@actions/core")));
    HttpClient http = HttpClient.newHttpClient();
    assertEquals(
        200,
        http.send(
                HttpRequest.newBuilder(URI.create(fake + "/_control/state")).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode());
    // Prism answers for the comment endpoints it validates
    int status =
        http.send(
                HttpRequest.newBuilder(URI.create(api + "/repos/o/r/issues/1/comments")).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    assertTrue(status < 500, "Prism answered " + status);
  }
}
