package dev.kubegenerate.github;

import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.AutofixText;
import dev.kubegenerate.report.StepSummary;
import dev.kubegenerate.report.WorkflowCommand;
import dev.kubegenerate.report.WorkflowCommands;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a report in GitHub Actions: annotations on stdout, the job summary, the step outputs
 * and, when asked, the sticky pull-request comment. Nothing here changes the check's verdict: every
 * failure to publish becomes a one-line warning annotation.
 */
public final class GitHubPublisher {

  /** Where the runner mounts {@code RUNNER_TEMP} inside a container action. */
  static final Path CONTAINER_RUNNER_TEMP = Path.of("/github/runner_temp");

  /** The workspace folder that holds the JSON report when RUNNER_TEMP is the container's. */
  public static final String REPORT_FOLDER = ".kube-generate";

  /** All the time the comment may take, every request, pause and page included. */
  public static final Duration COMMENT_BUDGET = Duration.ofSeconds(60);

  /** All the time autofix may take talking to GitHub (the commit may carry megabytes). */
  public static final Duration AUTOFIX_BUDGET = Duration.ofSeconds(90);

  private final HttpTransport http;
  private final RetryPolicy retry;
  private final Path containerRunnerTemp;
  private final Duration commentBudget;

  /** A publisher using {@code http} for the API. */
  public GitHubPublisher(HttpTransport http, RetryPolicy retry) {
    this(http, retry, CONTAINER_RUNNER_TEMP, COMMENT_BUDGET);
  }

  /** As {@link #GitHubPublisher(HttpTransport, RetryPolicy)} with a shorter budget, for tests. */
  public GitHubPublisher(HttpTransport http, RetryPolicy retry, Duration commentBudget) {
    this(http, retry, CONTAINER_RUNNER_TEMP, commentBudget);
  }

  GitHubPublisher(HttpTransport http, RetryPolicy retry, Path containerRunnerTemp) {
    this(http, retry, containerRunnerTemp, COMMENT_BUDGET);
  }

  private GitHubPublisher(
      HttpTransport http, RetryPolicy retry, Path containerRunnerTemp, Duration commentBudget) {
    this.http = http;
    this.retry = retry;
    this.containerRunnerTemp = containerRunnerTemp;
    this.commentBudget = commentBudget;
  }

  /**
   * The publisher for a real run: the JDK's HTTP client, two repeats of safe requests. The client
   * is set up from now on, in parallel with the check, and only when a comment can be written
   * ({@code comment}, a token and an event): without one, nothing of HTTP or TLS is loaded.
   */
  public static GitHubPublisher standard(ActionsEnvironment env, boolean comment) {
    return standard(env, comment, false);
  }

  /** As {@link #standard(ActionsEnvironment, boolean)}, with HTTP for autofix when asked. */
  public static GitHubPublisher standard(ActionsEnvironment env, boolean comment, boolean autofix) {
    boolean token = env.token().isPresent() || autofix && env.autofixToken().isPresent();
    boolean http = (comment || autofix) && token && env.eventPath().isPresent();
    return new GitHubPublisher(
        http ? JdkHttpTransport.startingNow() : GitHubPublisher::noHttp, RetryPolicy.standard());
  }

  private static HttpTransport.Response noHttp(HttpTransport.Request request) throws IOException {
    throw new IOException("no HTTP client: this run writes no comment");
  }

  /**
   * Runs autofix for {@code report} (see {@link Autofix}); empty when the check does not fail. Any
   * failure becomes an outcome that says so: autofix never stops the report from being published.
   */
  public Optional<AutofixOutcome> autofix(
      Report report, ActionsEnvironment env, Path root, Regeneration.Source regeneration) {
    return new Autofix(http, retry, Deadline.in(AUTOFIX_BUDGET))
        .run(report, env, root, regeneration);
  }

  /**
   * As {@link #publish(Report, ActionsEnvironment, String, boolean, String, PrintStream, Optional)}
   * without autofix.
   */
  public Optional<StickyComment.Outcome> publish(
      Report report,
      ActionsEnvironment env,
      String workingDirectory,
      boolean comment,
      String jsonReport,
      PrintStream out) {
    return publish(report, env, workingDirectory, comment, jsonReport, out, Optional.empty());
  }

  /**
   * Publishes {@code report}.
   *
   * @param workingDirectory the folder the check ran in, relative to the repository root; names the
   *     comment, so two checks in one repository keep two comments
   * @param comment whether to keep the pull-request comment
   * @param jsonReport the report as JSON, written to a file named by the {@code report} output
   * @param out stdout: only workflow commands are written to it
   * @param autofix what autofix did, shown in the summary, the comment, the log and the outputs
   * @return what happened to the comment, empty when no comment was kept
   */
  public Optional<StickyComment.Outcome> publish(
      Report report,
      ActionsEnvironment env,
      String workingDirectory,
      boolean comment,
      String jsonReport,
      PrintStream out,
      Optional<AutofixOutcome> autofix) {
    // everything the runner reads from files and stdout first: the comment talks to a server
    // that may be slow or hostile, and must not stand between the check and its verdict
    List<String> warnings = new ArrayList<>();
    JobSummary.append(env, StepSummary.render(report, workingDirectory, autofix), warnings);
    env.output().ifPresent(file -> outputs(report, env, jsonReport, file, warnings, autofix));
    // publishing problems first: the runner shows only the first warnings of a step; one place
    // is kept for the comment's own
    autofix.ifPresent(
        a -> {
          if (a.kind() == AutofixOutcome.Kind.COMMITTED) {
            out.println(
                new WorkflowCommand(
                        "notice",
                        Map.of("title", "kube-generate"),
                        env.redact(AutofixText.line(a, report.fixCommand())))
                    .format());
          } else {
            warnings.add(AutofixText.line(a, report.fixCommand()));
          }
        });
    warn(warnings, env, out);
    WorkflowCommands.render(report, warnings.size() + (comment ? 1 : 0)).forEach(out::println);
    out.flush();
    Optional<StickyComment.Outcome> outcome = Optional.empty();
    if (comment) {
      List<String> commentWarnings = new ArrayList<>();
      outcome = comment(report, env, workingDirectory, autofix, commentWarnings);
      warn(commentWarnings, env, out);
      out.flush();
    }
    return outcome;
  }

  /**
   * The step outputs ({@code result=error}) and a summary line of a run that could not publish its
   * report: out of memory, or any failure while publishing. A workflow that reads the outputs then
   * never finds them missing nor reads a verdict the run did not reach. Quotes nothing of the run
   * and never throws.
   */
  public static void publishFailure(ActionsEnvironment env) {
    env.output()
        .ifPresent(
            file -> {
              Map<String, String> outputs = new LinkedHashMap<>();
              outputs.put("result", "error");
              outputs.put("findings", "0");
              outputs.put("report", "");
              try {
                OutputFile.append(file, outputs);
              } catch (IOException | RuntimeException e) {
                // nothing left to report it to but the log, which the caller writes
              }
            });
    // a failure to append is left to the log, as above
    JobSummary.append(
        env,
        "### kube-generate\n\n:x: The check could not finish: see the step's log.",
        new ArrayList<>());
  }

  private static void warn(List<String> warnings, ActionsEnvironment env, PrintStream out) {
    for (String w : warnings) {
      String text = env.redact(w);
      out.println(new WorkflowCommand("warning", Map.of("title", "kube-generate"), text).format());
    }
  }

  private void outputs(
      Report report,
      ActionsEnvironment env,
      String jsonReport,
      Path file,
      List<String> warnings,
      Optional<AutofixOutcome> autofix) {
    String reportPath = "";
    try {
      reportPath = ReportFile.write(env, jsonReport, containerRunnerTemp);
    } catch (IOException e) {
      warnings.add("could not write the JSON report: " + e);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("result", report.result().id());
    outputs.put("findings", Integer.toString(report.findingFiles()));
    outputs.put("report", reportPath);
    outputs.put("autofix", autofix.map(AutofixOutcome::id).orElse(""));
    outputs.put("autofix-commit", autofix.flatMap(AutofixOutcome::commit).orElse(""));
    try {
      OutputFile.append(file, outputs);
    } catch (IOException e) {
      warnings.add("could not write the step outputs: " + e);
    }
  }

  private Optional<StickyComment.Outcome> comment(
      Report report,
      ActionsEnvironment env,
      String workingDirectory,
      Optional<AutofixOutcome> autofix,
      List<String> warnings) {
    String skipped = "pull-request comment skipped: ";
    if (env.token().isEmpty()) {
      warnings.add(skipped + "no token (set the action's github-token input, or GITHUB_TOKEN)");
      return Optional.empty();
    }
    if (env.apiUrl().isEmpty()) {
      warnings.add(skipped + "GITHUB_API_URL is not an http(s) URL");
      return Optional.empty();
    }
    if (env.eventPath().isEmpty()) {
      warnings.add(skipped + "not a pull request (GITHUB_EVENT_PATH is not set)");
      return Optional.empty();
    }
    try {
      Optional<PullRequestEvent> pr = PullRequestEvent.read(env.eventPath().get());
      if (pr.isEmpty()) {
        warnings.add(skipped + "this run is not for a pull request");
        return Optional.empty();
      }
      URI rest = env.apiUrl().get();
      // GraphQL names the token's identity; GitHub.com's endpoint only beside GitHub.com's API,
      // so a GitHub Enterprise token never goes there
      URI graphql =
          env.graphqlUrl()
              .filter(
                  g ->
                      !g.equals(ActionsEnvironment.DEFAULT_GRAPHQL_URL)
                          || rest.equals(ActionsEnvironment.DEFAULT_API_URL))
              .orElse(IssueComments.graphqlOf(rest));
      IssueComments api =
          new IssueComments(
              http, rest, graphql, env.token().get(), retry, Deadline.in(commentBudget));
      try {
        return Optional.of(
            new StickyComment(api).keep(pr.get(), report, workingDirectory, autofix));
      } catch (GitHubApiException e) {
        boolean readOnly = e.status() == 403 && pr.get().fork() && !e.rateLimited();
        warnings.add(
            "pull-request comment not updated: "
                + (readOnly
                    ? "this pull request comes from a fork, whose token may not write comments (403);"
                        + " the annotations and the job summary show every finding"
                    : e.getMessage()));
      }
    } catch (IOException | RuntimeException e) {
      warnings.add(
          "pull-request comment not updated: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
    return Optional.empty();
  }
}
