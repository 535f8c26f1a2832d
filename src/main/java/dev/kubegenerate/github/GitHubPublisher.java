package dev.kubegenerate.github;

import dev.kubegenerate.model.Report;
import dev.kubegenerate.report.StepSummary;
import dev.kubegenerate.report.WorkflowCommand;
import dev.kubegenerate.report.WorkflowCommands;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    boolean http = comment && env.token().isPresent() && env.eventPath().isPresent();
    return new GitHubPublisher(
        http ? JdkHttpTransport.startingNow() : GitHubPublisher::noHttp, RetryPolicy.standard());
  }

  private static HttpTransport.Response noHttp(HttpTransport.Request request) throws IOException {
    throw new IOException("no HTTP client: this run writes no comment");
  }

  /**
   * Publishes {@code report}.
   *
   * @param workingDirectory the folder the check ran in, relative to the repository root; names the
   *     comment, so two checks in one repository keep two comments
   * @param comment whether to keep the pull-request comment
   * @param jsonReport the report as JSON, written to a file named by the {@code report} output
   * @param out stdout: only workflow commands are written to it
   * @return what happened to the comment, empty when no comment was kept
   */
  public Optional<StickyComment.Outcome> publish(
      Report report,
      ActionsEnvironment env,
      String workingDirectory,
      boolean comment,
      String jsonReport,
      PrintStream out) {
    // everything the runner reads from files and stdout first: the comment talks to a server
    // that may be slow or hostile, and must not stand between the check and its verdict
    List<String> warnings = new ArrayList<>();
    env.stepSummary()
        .ifPresent(
            file -> {
              try {
                Files.writeString(
                    file,
                    StepSummary.render(report, workingDirectory) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
              } catch (IOException e) {
                warnings.add("could not append the job summary: " + e);
              }
            });
    env.output().ifPresent(file -> outputs(report, env, jsonReport, file, warnings));
    // publishing problems first: the runner shows only the first warnings of a step; one place
    // is kept for the comment's own
    warn(warnings, env, out);
    WorkflowCommands.render(report, warnings.size() + (comment ? 1 : 0)).forEach(out::println);
    out.flush();
    Optional<StickyComment.Outcome> outcome = Optional.empty();
    if (comment) {
      List<String> commentWarnings = new ArrayList<>();
      outcome = comment(report, env, workingDirectory, commentWarnings);
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
    env.stepSummary()
        .ifPresent(
            file -> {
              try {
                Files.writeString(
                    file,
                    "### kube-generate\n\n:x: The check could not finish: see the step's log.\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
              } catch (IOException | RuntimeException e) {
                // as above
              }
            });
  }

  private static void warn(List<String> warnings, ActionsEnvironment env, PrintStream out) {
    for (String w : warnings) {
      String text = env.token().map(t -> t.redact(w)).orElse(w);
      out.println(new WorkflowCommand("warning", Map.of("title", "kube-generate"), text).format());
    }
  }

  private void outputs(
      Report report, ActionsEnvironment env, String jsonReport, Path file, List<String> warnings) {
    String reportPath = "";
    try {
      reportPath = writeReport(env, jsonReport);
    } catch (IOException e) {
      warnings.add("could not write the JSON report: " + e);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("result", report.result().id());
    outputs.put("findings", Integer.toString(report.findingFiles()));
    outputs.put("report", reportPath);
    try {
      OutputFile.append(file, outputs);
    } catch (IOException e) {
      warnings.add("could not write the step outputs: " + e);
    }
  }

  private Optional<StickyComment.Outcome> comment(
      Report report, ActionsEnvironment env, String workingDirectory, List<String> warnings) {
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
      IssueComments api =
          new IssueComments(
              http, env.apiUrl().get(), env.token().get(), retry, Deadline.in(commentBudget));
      try {
        return Optional.of(new StickyComment(api).keep(pr.get(), report, workingDirectory));
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

  /**
   * Writes the JSON report to the runner's temp area and returns the path that later steps see. In
   * a container action RUNNER_TEMP names the host's folder, which the runner mounts at
   * /github/runner_temp; the file is written there and named by its host path.
   */
  private String writeReport(ActionsEnvironment env, String json) throws IOException {
    Path dir;
    Path shown;
    Optional<Path> temp = env.runnerTemp();
    Optional<Path> workspace = env.workspace();
    if (temp.isPresent()
        && temp.get().startsWith(containerRunnerTemp)
        && workspace.isPresent()
        && Files.isDirectory(workspace.get())) {
      // newer runners set RUNNER_TEMP to the container's mount point, a path no later step on
      // the host can open; the workspace is mounted too, and a path relative to it works in both
      Path folder = workspace.get().resolve(REPORT_FOLDER);
      if (Files.isSymbolicLink(folder)) {
        // the check refused the run already; never written through, whatever happened since
        throw new IOException(REPORT_FOLDER + " is a symbolic link");
      }
      dir = Files.createDirectories(folder);
      shown = Path.of(REPORT_FOLDER);
    } else if (temp.isPresent() && Files.isDirectory(temp.get())) {
      dir = temp.get();
      shown = dir;
    } else if (temp.isPresent() && Files.isDirectory(containerRunnerTemp)) {
      dir = containerRunnerTemp;
      shown = temp.get();
    } else {
      dir = Path.of(System.getProperty("java.io.tmpdir"));
      shown = dir;
    }
    Path file = Files.createTempFile(dir, "kube-generate-report-", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // a container action writes as root; later steps run as the runner's user and must read it
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return shown.resolve(file.getFileName()).toString();
  }
}
