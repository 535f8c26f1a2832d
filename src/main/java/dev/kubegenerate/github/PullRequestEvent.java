package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.yaml.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The pull request a run belongs to, read from the webhook payload at {@code $GITHUB_EVENT_PATH}.
 *
 * @param repository {@code owner/name} of the base repository, where the comment goes
 * @param number the pull request's number
 * @param fork whether the head branch lives in another repository (its token is read-only)
 */
public record PullRequestEvent(String repository, int number, boolean fork) {

  public PullRequestEvent {
    Objects.requireNonNull(repository, "repository");
    if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("not an owner/name repository: " + repository);
    }
    if (number < 1) {
      throw new IllegalArgumentException("bad pull request number " + number);
    }
  }

  /** The pull request of the payload, or empty when the event is not about a pull request. */
  public static Optional<PullRequestEvent> read(Path eventFile) throws IOException {
    JsonNode event;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(eventFile)) {
      event = Json.READER.readTree(in);
    }
    JsonNode pr = event.path("pull_request");
    if (!pr.isObject()) {
      return Optional.empty();
    }
    int number = event.path("number").asInt(pr.path("number").asInt(0));
    String repository = event.path("repository").path("full_name").asText("");
    if (repository.isEmpty()) {
      repository = pr.path("base").path("repo").path("full_name").asText("");
    }
    if (repository.isEmpty() || number < 1) {
      throw new IOException("pull_request event without repository.full_name or number");
    }
    // head.repo is null when the fork was deleted: still not the base repository
    String head = pr.path("head").path("repo").path("full_name").asText("");
    return Optional.of(new PullRequestEvent(repository, number, !head.equals(repository)));
  }

  /** The repository's owner. */
  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  /** The repository's name. */
  public String name() {
    return repository.substring(repository.indexOf('/') + 1);
  }
}
