package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionsEnvironmentTest {

  @Test
  void from_containerAction_readsEveryVariable() {
    ActionsEnvironment env =
        ActionsEnvironment.from(
            Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_WORKSPACE", "/github/workspace",
                "GITHUB_STEP_SUMMARY", "/github/file_commands/step_summary_1",
                "GITHUB_OUTPUT", "/github/file_commands/set_output_1",
                "GITHUB_EVENT_PATH", "/github/workflow/event.json",
                "GITHUB_API_URL", "https://ghe.example.com/api/v3/",
                "GITHUB_REPOSITORY", "example/people",
                "RUNNER_TEMP", "/home/runner/work/_temp",
                "INPUT_GITHUB-TOKEN", " ghs_input \n",
                "GITHUB_TOKEN", "ghs_env"));

    assertTrue(env.actions());
    assertEquals(Optional.of(Path.of("/github/workspace")), env.workspace());
    assertEquals(Optional.of(Path.of("/github/file_commands/step_summary_1")), env.stepSummary());
    assertEquals(Optional.of(Path.of("/github/file_commands/set_output_1")), env.output());
    assertEquals(Optional.of(Path.of("/github/workflow/event.json")), env.eventPath());
    assertEquals(java.util.Optional.of(URI.create("https://ghe.example.com/api/v3")), env.apiUrl());
    assertEquals(Optional.of("example/people"), env.repository());
    assertEquals(Optional.of(Path.of("/home/runner/work/_temp")), env.runnerTemp());
    assertEquals(Optional.of(new Token("ghs_input")), env.token());
  }

  @Test
  void from_nothingSet_defaults() {
    ActionsEnvironment env = ActionsEnvironment.from(Map.of());

    assertFalse(env.actions());
    assertEquals(java.util.Optional.of(URI.create("https://api.github.com")), env.apiUrl());
    assertEquals(Optional.empty(), env.token());
    assertEquals(Optional.empty(), env.stepSummary());
  }

  @Test
  void from_emptyInputToken_fallsBackToGithubToken() {
    ActionsEnvironment env =
        ActionsEnvironment.from(Map.of("INPUT_GITHUB-TOKEN", "  ", "GITHUB_TOKEN", "ghs_env"));

    assertEquals(Optional.of(new Token("ghs_env")), env.token());
  }

  @Test
  void from_autofix_graphqlUrlDefaultOrEnterprisesAndItsOwnToken() {
    assertEquals(
        Optional.of(URI.create("https://api.github.com/graphql")),
        ActionsEnvironment.from(Map.of()).graphqlUrl());
    ActionsEnvironment ghes =
        ActionsEnvironment.from(
            Map.of(
                "GITHUB_GRAPHQL_URL", "https://ghe.example.com/api/graphql",
                "INPUT_GITHUB-TOKEN", "ghs_workflow",
                "INPUT_AUTOFIX-TOKEN", " ghs_app \n"));
    assertEquals(Optional.of(URI.create("https://ghe.example.com/api/graphql")), ghes.graphqlUrl());
    assertEquals(Optional.of(new Token("ghs_app")), ghes.autofixToken());
    assertEquals("*** and ***", ghes.redact("ghs_workflow and ghs_app"));
    // a malformed value must not fall back to api.github.com: the token belongs to its own server
    assertEquals(
        Optional.empty(),
        ActionsEnvironment.from(Map.of("GITHUB_GRAPHQL_URL", "file:///etc/passwd")).graphqlUrl());
  }

  @Test
  void token_neverShownByToString() {
    Token t = new Token("ghs_secret");
    ActionsEnvironment env = ActionsEnvironment.from(Map.of("GITHUB_TOKEN", "ghs_secret"));

    assertEquals("Token[***]", t.toString());
    assertFalse(env.toString().contains("ghs_secret"), env.toString());
    assertEquals("auth *** failed", t.redact("auth ghs_secret failed"));
  }
}
