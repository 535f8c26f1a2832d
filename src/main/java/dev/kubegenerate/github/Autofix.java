package dev.kubegenerate.github;

import dev.kubegenerate.github.AutofixDecision.Go;
import dev.kubegenerate.github.AutofixDecision.Scope;
import dev.kubegenerate.github.AutofixDecision.Step;
import dev.kubegenerate.github.AutofixDecision.Stop;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Commits the regeneration of a failing check to the pull request's branch, when {@link
 * AutofixDecision} allows it: reads the event and the checked-out commit, asks GitHub for the head
 * commit's message, renders again, and makes one commit. Nothing here changes the check's verdict.
 */
public final class Autofix {

  private final HttpTransport http;
  private final RetryPolicy retry;
  private final Deadline deadline;

  /** Autofix talking to GitHub through {@code http}, all of it done by {@code deadline}. */
  public Autofix(HttpTransport http, RetryPolicy retry, Deadline deadline) {
    this.http = http;
    this.retry = retry;
    this.deadline = deadline;
  }

  /**
   * What autofix does for {@code report}; empty when the check does not fail.
   *
   * @param root the checked folder
   * @param regeneration what {@code --update} would write there, computed only when needed
   */
  public Optional<AutofixOutcome> run(
      Report report, ActionsEnvironment env, Path root, Regeneration.Source regeneration) {
    Optional<AutofixOutcome> outcome;
    try {
      outcome = attempt(report, env, root, regeneration);
    } catch (RuntimeException e) {
      outcome =
          Optional.of(
              AutofixOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), ""));
    }
    // GitHub's messages end up in the outcome: no token may reach the comment through them
    return outcome.map(
        a ->
            new AutofixOutcome(
                a.kind(),
                a.reason(),
                env.redact(a.detail()),
                a.checked(),
                a.commit(),
                a.commitUrl(),
                a.files()));
  }

  private Optional<AutofixOutcome> attempt(
      Report report, ActionsEnvironment env, Path root, Regeneration.Source regeneration) {
    if (report.result() == Result.CLEAN) {
      return Optional.empty();
    }
    Optional<PullRequestHead> event;
    try {
      event =
          env.eventPath().isPresent()
              ? PullRequestHead.read(env.eventPath().get())
              : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(AutofixOutcome.failed("the event file cannot be read", ""));
    }
    GitHead git =
        event.isPresent()
            ? GitHead.of(root, env.workspace())
            : new GitHead(Optional.empty(), noCheckout());
    Step<Scope> first = AutofixDecision.decide(report, event, git.checkout()).orElseThrow();
    if (first instanceof Stop<Scope> stop) {
      return Optional.of(stop.outcome());
    }
    Scope scope = ((Go<Scope>) first).value();
    PullRequestHead pr = event.orElseThrow();
    return Optional.of(
        commit(report, env, root, git.repositoryRoot().orElseThrow(), pr, scope, regeneration));
  }

  private AutofixOutcome commit(
      Report report,
      ActionsEnvironment env,
      Path root,
      Path repositoryRoot,
      PullRequestHead pr,
      Scope scope,
      Regeneration.Source regeneration) {
    String checked = pr.sha();
    Optional<Token> token = env.autofixToken().or(env::token);
    if (token.isEmpty()) {
      return AutofixOutcome.failed(
          "no token (set the action's autofix-token or github-token)", checked);
    }
    if (env.apiUrl().isEmpty() || env.graphqlUrl().isEmpty()) {
      return AutofixOutcome.failed(
          "GITHUB_API_URL or GITHUB_GRAPHQL_URL is not an http(s) URL", checked);
    }
    ApiRequests requests =
        new ApiRequests(
            http,
            token.get(),
            retry,
            deadline,
            "autofix's",
            (m, r) -> ApiFailures.ofAutofix(m, r, token.get()));
    try {
      String message =
          new HeadCommits(env.apiUrl().get(), requests).message(pr.repository(), checked);
      Optional<AutofixOutcome> loop = AutofixDecision.headCommit(message, checked);
      if (loop.isPresent()) {
        return loop.get();
      }
    } catch (GitHubApiException e) {
      return AutofixOutcome.failed(
          "the head commit could not be read to rule out a loop: " + e.getMessage(), checked);
    }
    Step<FileChanges> changes;
    try {
      changes = AutofixFiles.of(scope, regeneration.get(), prefix(repositoryRoot, root), checked);
    } catch (InputException | IOException e) {
      return AutofixOutcome.failed(
          "the regeneration failed: " + ApiFailures.safe(String.valueOf(e.getMessage())), checked);
    }
    if (changes instanceof Stop<FileChanges> stop) {
      return stop.outcome();
    }
    FileChanges files = ((Go<FileChanges>) changes).value();
    try {
      BranchCommits.Answer answer =
          new BranchCommits(env.graphqlUrl().get(), requests, token.get())
              .create(CommitRequest.of(pr, files));
      if (answer instanceof BranchCommits.Created created) {
        return AutofixOutcome.committed(checked, created.oid(), created.url(), files.files());
      }
      BranchCommits.Stale stale = (BranchCommits.Stale) answer;
      return AutofixOutcome.superseded(
          checked,
          stale.afterLostAnswer()
              ? "GitHub's first answer was lost, so the newer commit may be this run's own; see the"
                  + " branch"
              : "");
    } catch (GitHubApiException e) {
      return AutofixOutcome.failed(e.getMessage(), checked);
    }
  }

  /** The checked folder relative to the repository root, with {@code /}; empty for the root. */
  static String prefix(Path repositoryRoot, Path root) throws IOException {
    Path real = root.toRealPath();
    return repositoryRoot.relativize(real).toString().replace('\\', '/');
  }

  private static AutofixDecision.Checkout noCheckout() {
    return new AutofixDecision.Checkout(Optional.empty(), "not read");
  }
}
