package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.yaml.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of the pull request a run belongs to, as the webhook payload names it: where autofix
 * would commit. The values are as GitHub sent them; {@link AutofixDecision} judges them.
 *
 * @param repository {@code owner/name} of the base repository ({@code repository.full_name})
 * @param headRepository {@code pull_request.head.repo.full_name}; empty when GitHub gives none (the
 *     fork was deleted)
 * @param branch {@code pull_request.head.ref}, the branch's unqualified name
 * @param sha {@code pull_request.head.sha}, the commit the pull request's run is for
 */
public record PullRequestHead(
    String repository, Optional<String> headRepository, String branch, String sha) {

  public PullRequestHead {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(headRepository, "headRepository");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(sha, "sha");
  }

  /** The head of the payload's pull request, or empty when the event is about none. */
  public static Optional<PullRequestHead> read(Path eventFile) throws IOException {
    JsonNode event;
    try (InputStream in = Files.newInputStream(eventFile)) {
      event = Json.READER.readTree(in);
    }
    JsonNode pr = event == null ? null : event.path("pull_request");
    if (pr == null || !pr.isObject()) {
      return Optional.empty();
    }
    String repository = event.path("repository").path("full_name").asText("");
    if (repository.isEmpty()) {
      repository = pr.path("base").path("repo").path("full_name").asText("");
    }
    JsonNode head = pr.path("head");
    JsonNode headRepo = head.path("repo").path("full_name");
    return Optional.of(
        new PullRequestHead(
            repository,
            headRepo.isTextual() ? Optional.of(headRepo.asText()) : Optional.empty(),
            head.path("ref").isTextual() ? head.path("ref").asText() : "",
            head.path("sha").isTextual() ? head.path("sha").asText() : ""));
  }

  /** Whether the head branch lives anywhere but the base repository. */
  public boolean fork() {
    return headRepository.map(h -> !h.equals(repository)).orElse(true);
  }
}
