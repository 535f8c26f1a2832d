package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestEventTest {

  @TempDir Path dir;

  @Test
  void read_pullRequestFromTheSameRepository() throws IOException {
    assertEquals(
        Optional.of(new PullRequestEvent("example/people", 42, false)),
        PullRequestEvent.read(event(pr("example/people", "\"example/people\""))));
  }

  @Test
  void read_pullRequestFromAFork() throws IOException {
    assertEquals(
        Optional.of(new PullRequestEvent("example/people", 42, true)),
        PullRequestEvent.read(event(pr("example/people", "\"someone/people\""))));
  }

  @Test
  void read_forkWhoseRepositoryWasDeleted() throws IOException {
    String json =
        "{\"number\": 42, \"repository\": {\"full_name\": \"example/people\"},"
            + " \"pull_request\": {\"number\": 42, \"head\": {\"repo\": null, \"sha\": \"b\"}}}";

    assertEquals(
        Optional.of(new PullRequestEvent("example/people", 42, true)),
        PullRequestEvent.read(event(json)));
  }

  @Test
  void read_pushEvent_isNoPullRequest() throws IOException {
    assertEquals(
        Optional.empty(),
        PullRequestEvent.read(
            event(
                "{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"example/people\"}}")));
  }

  @Test
  void read_notJson_fails() {
    assertThrows(IOException.class, () -> PullRequestEvent.read(event("{not json")));
  }

  private static String pr(String base, String head) {
    return "{\"action\": \"synchronize\", \"number\": 42,"
        + " \"repository\": {\"full_name\": \""
        + base
        + "\"},"
        + " \"pull_request\": {\"number\": 42, \"base\": {\"sha\": \"a\"},"
        + " \"head\": {\"sha\": \"b\", \"repo\": {\"full_name\": "
        + head
        + "}}}}";
  }

  private Path event(String json) throws IOException {
    return Files.writeString(dir.resolve("event.json"), json);
  }
}
