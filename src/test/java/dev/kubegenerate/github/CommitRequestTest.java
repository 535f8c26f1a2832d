package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.TestPeers;
import dev.kubegenerate.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GraphQL request of an autofix commit, validated against GitHub's published schema. */
class CommitRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  private static final PullRequestHead PR =
      new PullRequestHead("example/people", Optional.of("example/people"), "bump/web-1.3", HEAD);

  private static FileChanges changes() {
    Map<String, String> additions = new LinkedHashMap<>();
    additions.put("services/people/kubernetes/qa/deployment-web.yaml", "kind: Deployment\r\n");
    additions.put(
        "services/people/kubernetes/qa/configmap-äöü.yaml", "data: {greeting: \"héllo 👋\"}");
    additions.put("services/people/kubernetes/qa/big.yaml", "x: 1\n".repeat(50_000));
    return new FileChanges(additions, List.of("services/people/kubernetes/qa/cronjob-old.yaml"));
  }

  /** What the schema check of GitHub's published GraphQL schema finds wrong with {@code body}. */
  static List<String> problems(String body) throws Exception {
    Path peers = TestPeers.nodeDir();
    Process node =
        new ProcessBuilder("node", peers.resolve("graphql-check.mjs").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    node.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
    assertEquals(0, node.exitValue(), "node exit code: " + out);
    return JSON.readTree(out).path("problems").findValuesAsText("message");
  }

  @Test
  void of_theExactRequest_validAgainstGitHubsSchema() throws Exception {
    assertEquals(List.of(), problems(CommitRequest.of(PR, changes())));
  }

  @Test
  void of_noDeletions_stillValid() throws Exception {
    assertEquals(
        List.of(),
        problems(CommitRequest.of(PR, new FileChanges(Map.of("k/a.yaml", "a: 1\n"), List.of()))));
  }

  @Test
  void schemaCheck_catchesARequestGitHubWouldRefuse() throws Exception {
    ObjectNode broken = (ObjectNode) JSON.readTree(CommitRequest.of(PR, changes()));
    ObjectNode input = (ObjectNode) broken.path("variables").path("input");
    input.remove("expectedHeadOid");
    ((ObjectNode) input.path("fileChanges").path("deletions").get(0)).put("path", 3);
    ObjectNode misspelt = broken.deepCopy();
    misspelt.put("query", CommitRequest.MUTATION.replace("oid", "sha"));

    assertEquals(2, problems(broken.toString()).size(), broken::toString);
    assertEquals(
        List.of("Cannot query field \"sha\" on type \"Commit\"."), problems(misspelt.toString()));
  }

  @Test
  void of_variables_branchExpectedHeadMessageAndBase64Contents() throws Exception {
    JsonNode input = JSON.readTree(CommitRequest.of(PR, changes())).path("variables").path("input");

    assertEquals("example/people", input.path("branch").path("repositoryNameWithOwner").asText());
    assertEquals("bump/web-1.3", input.path("branch").path("branchName").asText());
    assertEquals(HEAD, input.path("expectedHeadOid").asText());
    assertEquals(
        "kube-generate: regenerate manifests", input.path("message").path("headline").asText());
    Map<String, String> decoded = new LinkedHashMap<>();
    input
        .path("fileChanges")
        .path("additions")
        .forEach(
            a ->
                decoded.put(
                    a.path("path").asText(),
                    new String(
                        Base64.getDecoder().decode(a.path("contents").asText()),
                        StandardCharsets.UTF_8)));
    assertEquals(changes().additions(), decoded, "every byte as rendered, CRLF and emoji included");
    assertEquals(
        "services/people/kubernetes/qa/cronjob-old.yaml",
        input.path("fileChanges").path("deletions").get(0).path("path").asText());
  }

  @Test
  void message_gitReadsTheTrailer(@TempDir Path dir) throws Exception {
    JsonNode message =
        JSON.readTree(CommitRequest.of(PR, changes()))
            .path("variables")
            .path("input")
            .path("message");
    String whole =
        message.path("headline").asText() + "\n\n" + message.path("body").asText() + "\n";
    GitRepo folder = GitRepo.folder(dir.resolve("m"));
    folder.write(Map.of("message", whole));

    GitRepo.Result trailers = folder.git("interpret-trailers", "--parse", "message");

    assertEquals(0, trailers.code(), trailers.output());
    assertEquals("Kube-Generate-Autofix: true\n", trailers.output());
    assertFalse(AutofixDecision.headCommit(whole, HEAD).isEmpty(), "and the tool reads it too");
  }
}
