package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.yaml.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The GraphQL request of an autofix commit: GitHub's {@code createCommitOnBranch} mutation, whose
 * {@code expectedHeadOid} makes it fail rather than commit over a newer push.
 */
final class CommitRequest {

  /** The document sent; tests validate it against GitHub's published schema. */
  static final String MUTATION =
      "mutation KubeGenerateAutofix($input: CreateCommitOnBranchInput!) {\n"
          + "  createCommitOnBranch(input: $input) {\n"
          + "    commit {\n"
          + "      oid\n"
          + "      url\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  /** The commit's headline. */
  static final String HEADLINE = "kube-generate: regenerate manifests";

  /** The commit message's body: a line saying what it is, then the trailer. */
  static final String BODY =
      "What `kube-generate --update` writes, committed by the pull request's check.\n\n"
          + AutofixDecision.TRAILER;

  private CommitRequest() {}

  /** The JSON body of the request: the document and its variables. */
  static String of(PullRequestHead head, FileChanges changes) {
    ObjectNode input = Json.object();
    input
        .putObject("branch")
        .put("repositoryNameWithOwner", head.repository())
        .put("branchName", head.branch());
    input.put("expectedHeadOid", head.sha());
    input.putObject("message").put("headline", HEADLINE).put("body", BODY);
    ObjectNode files = input.putObject("fileChanges");
    ArrayNode additions = files.putArray("additions");
    for (Map.Entry<String, String> a : changes.additions().entrySet()) {
      additions
          .addObject()
          .put("path", a.getKey())
          .put(
              "contents",
              Base64.getEncoder().encodeToString(a.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    ArrayNode deletions = files.putArray("deletions");
    changes.deletions().forEach(d -> deletions.addObject().put("path", d));
    ObjectNode request = Json.object();
    request.put("query", MUTATION);
    request.putObject("variables").set("input", input);
    return request.toString();
  }
}
