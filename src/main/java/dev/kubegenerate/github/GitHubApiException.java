package dev.kubegenerate.github;

/**
 * A GitHub API call that did not succeed. The message is one line for a warning annotation and
 * never holds the token.
 */
public final class GitHubApiException extends Exception {

  private final int status;
  private final boolean rateLimited;

  /** A failure with the HTTP status (0 when no response arrived). */
  public GitHubApiException(int status, String message) {
    this(status, message, false);
  }

  /** A failure that may be the rate limit. */
  GitHubApiException(int status, String message, boolean rateLimited) {
    super(message);
    this.status = status;
    this.rateLimited = rateLimited;
  }

  /** True when the API's rate limit refused the request. */
  public boolean rateLimited() {
    return rateLimited;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** True when the request may have been carried out although no good answer arrived. */
  public boolean outcomeUnknown() {
    return status == 0 || status >= 500;
  }
}
