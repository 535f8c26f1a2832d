package dev.kubegenerate.github;

import dev.kubegenerate.yaml.Json;

/** Turns an unexpected API answer into a one-line explanation a developer can act on. */
final class ApiFailures {

  private static final int MAX_DETAIL = 200;

  private ApiFailures() {}

  /** The failure for response {@code r} to a request with {@code method}. */
  static GitHubApiException of(String method, HttpTransport.Response r, Token token) {
    int s = r.status();
    String said = detail(r, token).map(d -> ": " + d).orElse("");
    String text;
    boolean limited = s == 429 || (s == 403 && rateLimited(r));
    if (limited) {
      text =
          "GitHub's API rate limit is used up ("
              + s
              + ")"
              + r.header("retry-after").map(a -> "; retry after " + safe(a) + " s").orElse("");
    } else if (s == 403) {
      text =
          "the token may not write pull-request comments (403"
              + said
              + "); a pull request"
              + " from a fork gets a read-only token, and the workflow needs"
              + " 'permissions: pull-requests: write'";
    } else if (s == 401) {
      text = "GitHub rejected the token (401" + said + ")";
    } else if (s == 404) {
      text =
          "GitHub found no such pull request or comment (404"
              + said
              + "); check that the"
              + " token can see the repository";
    } else if (s == 422) {
      text = "GitHub refused the comment (422" + said + ")";
    } else {
      text = "GitHub answered " + s + " to " + method + said;
    }
    return new GitHubApiException(s, text, limited);
  }

  /**
   * The failure of an autofix request ({@code GET} of the head commit, the GraphQL commit): what
   * the token may not do, and the permission it needs.
   */
  static GitHubApiException ofAutofix(String method, HttpTransport.Response r, Token token) {
    int s = r.status();
    String said = detail(r, token).map(d -> ": " + d).orElse("");
    boolean limited = s == 429 || (s == 403 && rateLimited(r));
    String text;
    if (limited) {
      text = "GitHub's API rate limit is used up (" + s + ")";
    } else if (s == 403) {
      text =
          "the token may not read or write the repository's contents (403"
              + said
              + "); autofix needs 'permissions: contents: write', or a GitHub App token whose App"
              + " may write contents";
    } else if (s == 401) {
      text = "GitHub rejected the token (401" + said + ")";
    } else if (s == 404) {
      text =
          "GitHub found no such repository or commit (404"
              + said
              + "); check that the token can see the repository";
    } else {
      text = "GitHub answered " + s + " to " + method + said;
    }
    return new GitHubApiException(s, text, limited);
  }

  private static boolean rateLimited(HttpTransport.Response r) {
    return r.header("x-ratelimit-remaining").map("0"::equals).orElse(false)
        || r.header("retry-after").isPresent();
  }

  // GitHub's own message, e.g. "Resource not accessible by integration": one line, short, no token
  static java.util.Optional<String> detail(HttpTransport.Response r, Token token) {
    try {
      String m = Json.READER.readTree(r.body()).path("message").asText("");
      return m.isBlank()
          ? java.util.Optional.empty()
          : java.util.Optional.of(safe(token.redact(m)));
    } catch (java.io.IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** One line, at most 200 characters. */
  static String safe(String s) {
    String one = s.replaceAll("\\p{Cntrl}+", " ").strip();
    return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "…";
  }
}
