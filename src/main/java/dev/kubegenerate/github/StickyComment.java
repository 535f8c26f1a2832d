package dev.kubegenerate.github;

import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.report.PullRequestComment;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one comment per pull request and working directory up to date: found again by its hidden
 * marker, updated in place, created only when there is something to say, never duplicated.
 */
public final class StickyComment {

  /** What a run did to the comment. */
  public enum Outcome {
    CREATED, UPDATED, UNCHANGED, NOTHING_TO_SAY
  }

  private final IssueComments comments;

  /** Keeps comments through {@code comments}. */
  public StickyComment(IssueComments comments) {
    this.comments = comments;
  }

  /** Brings the comment of {@code workingDirectory} in line with {@code report}. */
  public Outcome keep(PullRequestEvent pr, Report report, String workingDirectory)
      throws GitHubApiException {
    String marker = PullRequestComment.marker(workingDirectory);
    Optional<IssueComments.Comment> earlier = find(pr, marker);
    boolean clean = report.result() == Result.CLEAN;
    if (clean && earlier.isEmpty()) {
      // nobody needs to hear that a pull request which never failed still passes
      return Outcome.NOTHING_TO_SAY;
    }
    String body = clean && !report.hasFindings()
        ? PullRequestComment.resolved(report, workingDirectory)
        : PullRequestComment.render(report, workingDirectory);
    if (earlier.isPresent()) {
      return update(pr, earlier.get(), body);
    }
    try {
      comments.create(pr, body);
      return Outcome.CREATED;
    } catch (GitHubApiException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      // the comment may exist although the answer was lost: look before creating it again
      Optional<IssueComments.Comment> made = find(pr, marker);
      if (made.isPresent()) {
        return update(pr, made.get(), body);
      }
      comments.create(pr, body);
      return Outcome.CREATED;
    }
  }

  private Outcome update(PullRequestEvent pr, IssueComments.Comment c, String body)
      throws GitHubApiException {
    if (c.body().equals(body)) {
      return Outcome.UNCHANGED;
    }
    comments.update(pr, c.id(), body);
    return Outcome.UPDATED;
  }

  private Optional<IssueComments.Comment> find(PullRequestEvent pr, String marker)
      throws GitHubApiException {
    List<IssueComments.Comment> all = comments.list(pr);
    // the oldest one wins, so a duplicate left by some other tool never takes over
    return all.stream().filter(c -> c.body().startsWith(marker)).findFirst();
  }
}
