package dev.kubegenerate.report;

import dev.kubegenerate.model.AutofixOutcome;
import java.net.URI;
import java.util.Optional;

/**
 * What the comment, the step summary and the log say about autofix: the new commit and its link, or
 * why nothing was pushed and the command that fixes the findings by hand.
 */
public final class AutofixText {

  private static final String HEAD_SHA = "${{ github.event.pull_request.head.sha }}";

  private AutofixText() {}

  /** The markdown section, ending in a blank line. */
  public static String markdown(AutofixOutcome outcome, String fixCommand) {
    StringBuilder b = new StringBuilder();
    switch (outcome.kind()) {
      case COMMITTED -> {
        String sha = outcome.commit().orElseThrow();
        String shown = "`" + MarkdownText.inline(shortSha(sha)) + "`";
        b.append("**Autofix:** committed the regeneration of ")
            .append(files(outcome.files()))
            .append(" to this pull request as ")
            .append(link(outcome.commitUrl()).map(u -> "[" + shown + "](" + u + ")").orElse(shown))
            .append(". This run checked ")
            .append(checked(outcome))
            .append(" and its verdict stands; the new commit gets a check of its own.\n\n");
        return b.toString();
      }
      case REFUSED ->
          b.append("**Autofix did not push:** ").append(reason(outcome.reason().orElseThrow()));
      case SUPERSEDED ->
          b.append("**Autofix did not push:** the branch moved on after ")
              .append(checked(outcome))
              .append(", the commit this run checked. A newer push wins; its own run checks it");
      case FAILED -> b.append("**Autofix failed**");
    }
    if (!outcome.detail().isEmpty()) {
      b.append(" (").append(MarkdownText.inline(outcome.detail())).append(')');
    }
    b.append(".\n\nTo fix the findings by hand, run this at the repository root and commit the")
        .append(" result:\n\n")
        .append(MarkdownText.fence("sh", fixCommand))
        .append('\n');
    return b.toString();
  }

  /** One line of plain text for the log (a workflow command escapes it). */
  public static String line(AutofixOutcome outcome, String fixCommand) {
    String detail = outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")";
    return switch (outcome.kind()) {
      case COMMITTED ->
          "autofix committed "
              + files(outcome.files())
              + " as "
              + outcome.commit().orElseThrow()
              + outcome.commitUrl().map(u -> " " + u).orElse("");
      case REFUSED ->
          "autofix did not push: "
              + plain(reason(outcome.reason().orElseThrow()))
              + detail
              + "; run `"
              + fixCommand
              + "` and commit the result";
      case SUPERSEDED ->
          "autofix did not push: the branch moved on after the checked commit; a newer push wins"
              + detail;
      case FAILED -> "autofix failed" + detail + "; run `" + fixCommand + "` and commit the result";
    };
  }

  private static String reason(AutofixOutcome.Reason reason) {
    return switch (reason) {
      case NOT_A_PULL_REQUEST -> "autofix commits only on `pull_request` events";
      case FORK -> "this pull request comes from a fork, and autofix never pushes to a fork";
      case NEEDS_A_PERSON -> "a finding needs a person, and a regeneration would not fix it";
      case UNSAFE_BRANCH -> "the pull request's branch name is not one autofix pushes to";
      case NOT_THE_HEAD ->
          "the checked-out commit is not the pull request's head commit. actions/checkout checks out"
              + " a merge commit by default; for autofix give it `ref: "
              + HEAD_SHA
              + "`";
      case AUTOFIX_HEAD ->
          "the head commit is an autofix commit already (its message carries"
              + " `Kube-Generate-Autofix: true`), and autofix never pushes twice in a row";
      case OUTSIDE_OUTPUT ->
          "the regeneration would write outside the output folders, or under `.github/`";
      case TOO_LARGE -> "the regeneration is larger than autofix commits";
    };
  }

  private static String checked(AutofixOutcome outcome) {
    return outcome.checked().isEmpty()
        ? "the pull request's head"
        : "`" + MarkdownText.inline(shortSha(outcome.checked())) + "`";
  }

  private static String files(int n) {
    return n + (n == 1 ? " file" : " files");
  }

  private static String shortSha(String sha) {
    return sha.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? sha.substring(0, 12) : sha;
  }

  // the markdown in the reasons, for a log line
  private static String plain(String markdown) {
    return markdown.replace("`", "");
  }

  /** A web link GitHub gave, when it is one that cannot break out of a markdown link. */
  private static Optional<String> link(Optional<String> url) {
    return url.filter(u -> u.matches("https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+"))
        .filter(
            u -> {
              try {
                URI uri = URI.create(u);
                return uri.getHost() != null;
              } catch (IllegalArgumentException e) {
                return false;
              }
            });
  }
}
