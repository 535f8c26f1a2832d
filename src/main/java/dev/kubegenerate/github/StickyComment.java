package dev.kubegenerate.github;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Result;
import dev.kubegenerate.report.PullRequestComment;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps one comment per pull request and working directory up to date: found again by its hidden
 * marker among the comments the token's identity wrote, updated in place, created only when there
 * is something to say, never duplicated.
 *
 * <p>Anybody can write the marker into a comment; only the token's own comments count, so a
 * stranger's (another App's bot included) is never edited and never stops the tool from keeping its
 * own. The token's identity is the login it writes as ({@link IssueComments#tokenLogin}): its user
 * for a personal token, {@code github-actions[bot]} for {@code GITHUB_TOKEN}, the App's {@code
 * <slug>[bot]} for an App's token. No person can write as a bot.
 */
public final class StickyComment {

  /** What a run did to the comment. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    NOTHING_TO_SAY
  }

  /** The login {@code GITHUB_TOKEN} writes comments as. */
  static final String ACTIONS_BOT = "github-actions[bot]";

  private final IssueComments comments;

  /** Keeps comments through {@code comments}. */
  public StickyComment(IssueComments comments) {
    this.comments = comments;
  }

  /** Brings the comment of {@code workingDirectory} in line with {@code report}. */
  public Outcome keep(PullRequestEvent pr, Report report, String workingDirectory)
      throws GitHubApiException {
    return keep(pr, report, workingDirectory, Optional.empty());
  }

  /** As {@link #keep(PullRequestEvent, Report, String)}, saying what autofix did. */
  public Outcome keep(
      PullRequestEvent pr, Report report, String workingDirectory, Optional<AutofixOutcome> autofix)
      throws GitHubApiException {
    String marker = PullRequestComment.marker(workingDirectory);
    Predicate<IssueComments.Comment> ours = ours(comments.tokenLogin());
    Optional<IssueComments.Comment> earlier = find(pr, marker, ours);
    boolean clean = report.result() == Result.CLEAN;
    if (clean && earlier.isEmpty()) {
      // nobody needs to hear that a pull request which never failed still passes
      return Outcome.NOTHING_TO_SAY;
    }
    String body =
        clean && !report.hasFindings()
            ? PullRequestComment.resolved(report, workingDirectory)
            : PullRequestComment.render(report, workingDirectory, autofix);
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
      Optional<IssueComments.Comment> made = find(pr, marker, ours);
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

  private Optional<IssueComments.Comment> find(
      PullRequestEvent pr, String marker, Predicate<IssueComments.Comment> ours)
      throws GitHubApiException {
    List<IssueComments.Comment> all = comments.list(pr);
    // the oldest one wins, so a duplicate left by some other run never takes over
    return all.stream().filter(ours).filter(c -> c.body().startsWith(marker)).findFirst();
  }

  /** Whether a comment was written by the token's identity, {@code tokenLogin}. */
  static Predicate<IssueComments.Comment> ours(String tokenLogin) {
    boolean bot = tokenLogin.endsWith("[bot]");
    return c -> c.author().equalsIgnoreCase(tokenLogin) && c.bot() == bot;
  }
}
