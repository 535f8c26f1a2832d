package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a commit's message through GitHub's REST API: {@code GET
 * /repos/{owner}/{repo}/commits/{sha}}.
 */
final class HeadCommits {

  private final URI api;
  private final ApiRequests requests;

  HeadCommits(URI api, ApiRequests requests) {
    this.api = api;
    this.requests = requests;
  }

  /**
   * The message of commit {@code sha} of {@code repository} ({@code owner/name}, already checked).
   */
  String message(String repository, String sha) throws GitHubApiException {
    // one file per page: the answer lists the commit's files, which autofix does not need
    URI uri = URI.create(api + "/repos/" + repository + "/commits/" + sha + "?per_page=1");
    JsonNode commit = ApiRequests.parse(requests.rest("GET", uri, Optional.empty(), 200, true));
    if (!commit.path("sha").asText("").toLowerCase(Locale.ROOT).equals(sha)
        || !commit.path("commit").path("message").isTextual()) {
      throw new GitHubApiException(0, "GitHub's answer is not the commit " + sha);
    }
    return commit.path("commit").path("message").asText();
  }
}
