package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.yaml.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the requests of one GitHub task (the comment, autofix) with the token, within the task's
 * deadline, repeating those that are safe to repeat on 5xx and lost answers.
 */
final class ApiRequests {

  /** Turns an answer of an unexpected status into the task's own explanation. */
  @FunctionalInterface
  interface Failures {
    GitHubApiException of(String method, HttpTransport.Response response);
  }

  private final HttpTransport http;
  private final Token token;
  private final RetryPolicy retry;
  private final Deadline deadline;
  private final String task;
  private final Failures failures;

  /**
   * @param task whose time is up when the deadline passes, for the message ("the comment's")
   */
  ApiRequests(
      HttpTransport http,
      Token token,
      RetryPolicy retry,
      Deadline deadline,
      String task,
      Failures failures) {
    this.http = http;
    this.token = token;
    this.retry = retry;
    this.deadline = deadline;
    this.task = task;
    this.failures = failures;
  }

  /** A REST request: GitHub's media type and API version. */
  HttpTransport.Response rest(
      String method, URI uri, Optional<String> body, int expected, boolean repeatable)
      throws GitHubApiException {
    Map<String, String> headers =
        new HashMap<>(
            Map.of(
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28"));
    return send(method, uri, headers, body, expected, repeatable);
  }

  /**
   * Sends a request with the token and {@code headers}; returns the answer of status {@code
   * expected}.
   */
  HttpTransport.Response send(
      String method,
      URI uri,
      Map<String, String> headers,
      Optional<String> body,
      int expected,
      boolean repeatable)
      throws GitHubApiException {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Authorization", token.bearer());
    all.put("User-Agent", "kube-generate");
    body.ifPresent(b -> all.put("Content-Type", "application/json"));
    HttpTransport.Request request = new HttpTransport.Request(method, uri, all, body);
    int attempt = 0;
    while (true) {
      if (deadline.passed()) {
        throw new GitHubApiException(0, method + " not sent: " + task + " time is up");
      }
      GitHubApiException failure;
      try {
        HttpTransport.Response r = http.send(request, deadline.remaining());
        if (r.status() == expected) {
          return r;
        }
        failure = failures.of(method, r);
      } catch (HttpTimeoutException e) {
        failure = new GitHubApiException(0, method + " timed out without an answer from GitHub");
      } catch (java.net.ConnectException e) {
        // nobody listens: repeating the request cannot help
        throw new GitHubApiException(0, method + " failed: cannot connect to " + uri.getHost());
      } catch (IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failure =
            new GitHubApiException(
                0, method + " failed: " + token.redact(detail).replaceAll("\\s+", " "));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubApiException(0, method + " was interrupted");
      }
      if (!repeatable
          || !failure.outcomeUnknown()
          || attempt == retry.pauses().size()
          || retry.pauses().get(attempt).compareTo(deadline.remaining()) >= 0) {
        throw failure;
      }
      try {
        retry.sleeper().sleep(retry.pauses().get(attempt++));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  /** The answer's JSON. */
  static JsonNode parse(HttpTransport.Response r) throws GitHubApiException {
    try {
      return Json.READER.readTree(r.body());
    } catch (IOException e) {
      throw new GitHubApiException(r.status(), "GitHub answered " + r.status() + " with no JSON");
    }
  }
}
