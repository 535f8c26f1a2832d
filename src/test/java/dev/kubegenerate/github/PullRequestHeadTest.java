package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestHeadTest {

  @TempDir Path dir;

  private Optional<PullRequestHead> read(String json) throws Exception {
    return PullRequestHead.read(Files.writeString(dir.resolve("event.json"), json));
  }

  @Test
  void read_pullRequest_headBranchShaAndRepositories() throws Exception {
    PullRequestHead head =
        read("{\"number\": 7, \"pull_request\": {\"head\": {\"ref\": \"bump-web\", \"sha\":"
                + " \"abc\", \"repo\": {\"full_name\": \"example/people\"}}},"
                + " \"repository\": {\"full_name\": \"example/people\"}}")
            .orElseThrow();

    assertEquals(
        new PullRequestHead("example/people", Optional.of("example/people"), "bump-web", "abc"),
        head);
    assertFalse(head.fork());
  }

  @Test
  void read_deletedForkOrOtherRepository_aFork() throws Exception {
    for (String repo : new String[] {"null", "{\"full_name\": \"mallory/people\"}"}) {
      PullRequestHead head =
          read("{\"pull_request\": {\"head\": {\"ref\": \"main\", \"sha\": \"abc\", \"repo\": "
                  + repo
                  + "}}, \"repository\": {\"full_name\": \"example/people\"}}")
              .orElseThrow();
      assertTrue(head.fork(), repo);
    }
  }

  @Test
  void read_notAPullRequestOrFieldsOfTheWrongType_emptyOrBlank() throws Exception {
    assertEquals(Optional.empty(), read("{\"ref\": \"refs/heads/main\"}"));
    assertEquals(Optional.empty(), read("null"));
    PullRequestHead odd =
        read("{\"pull_request\": {\"head\": {\"ref\": 5, \"sha\": [\"x\"]}}}").orElseThrow();
    assertEquals("", odd.branch());
    assertEquals("", odd.sha());
    assertTrue(odd.fork());
  }
}
