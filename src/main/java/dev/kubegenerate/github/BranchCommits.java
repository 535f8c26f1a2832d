package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes a commit on a branch through GitHub's GraphQL API ({@code createCommitOnBranch} at {@code
 * GITHUB_GRAPHQL_URL}). GitHub answers a moved branch with HTTP 200 and an error of type {@code
 * STALE_DATA}; that is a newer push, not a failure.
 */
final class BranchCommits {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** What GitHub did with the commit. */
  sealed interface Answer permits Created, Stale {}

  /**
   * The commit was made.
   *
   * @param url its page, when GitHub gave one
   */
  record Created(String oid, Optional<String> url) implements Answer {}

  /**
   * The branch no longer pointed at the expected commit.
   *
   * @param afterLostAnswer an earlier attempt's answer was lost, so the commit that moved the
   *     branch may be that attempt's own
   */
  record Stale(String message, boolean afterLostAnswer) implements Answer {}

  private final URI graphql;
  private final ApiRequests requests;
  private final Token token;

  BranchCommits(URI graphql, ApiRequests requests, Token token) {
    this.graphql = graphql;
    this.requests = requests;
    this.token = token;
  }

  /** Sends {@code request} (see {@link CommitRequest}). */
  Answer create(String request) throws GitHubApiException {
    try {
      return answer(send(request), false);
    } catch (GitHubApiException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      // the commit may have been made: a repeat cannot make a second one, since the branch
      // then no longer points at expectedHeadOid, but its STALE_DATA must not read as a newer push
      return answer(send(request), true);
    }
  }

  private JsonNode send(String request) throws GitHubApiException {
    return ApiRequests.parse(
        requests.send(
            "POST",
            graphql,
            Map.of("Accept", "application/json"),
            Optional.of(request),
            200,
            false));
  }

  private Answer answer(JsonNode r, boolean afterLostAnswer) throws GitHubApiException {
    JsonNode errors = r.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      for (JsonNode e : errors) {
        if ("STALE_DATA".equals(e.path("type").asText(""))) {
          return new Stale(message(e), afterLostAnswer);
        }
      }
      throw new GitHubApiException(200, "GitHub refused the commit: " + message(errors.get(0)));
    }
    JsonNode commit = r.path("data").path("createCommitOnBranch").path("commit");
    String oid = commit.path("oid").asText("");
    if (!SHA.matcher(oid).matches()) {
      throw new GitHubApiException(200, "GitHub's answer names no new commit");
    }
    String url = commit.path("url").asText("");
    return new Created(oid, url.isEmpty() ? Optional.empty() : Optional.of(url));
  }

  private String message(JsonNode error) {
    String type = error.path("type").asText("");
    String m = ApiFailures.safe(token.redact(error.path("message").asText("")));
    return type.isEmpty() ? m : type + ": " + m;
  }
}
