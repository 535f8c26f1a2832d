package dev.kubegenerate.github;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GitHub Actions run tells the tool through its environment, read once from a map of
 * variables (the caller passes {@code System.getenv()}; tests pass their own).
 *
 * @param actions {@code GITHUB_ACTIONS=true}: running in GitHub Actions
 * @param workspace {@code GITHUB_WORKSPACE}
 * @param stepSummary {@code GITHUB_STEP_SUMMARY}: the markdown file of this step
 * @param output {@code GITHUB_OUTPUT}: the step's outputs file
 * @param eventPath {@code GITHUB_EVENT_PATH}: the webhook payload
 * @param apiUrl {@code GITHUB_API_URL}, by default {@code https://api.github.com}; empty when the
 *     variable holds no http(s) URL
 * @param repository {@code GITHUB_REPOSITORY}, {@code owner/name}
 * @param runnerTemp {@code RUNNER_TEMP}
 * @param runnerWorkspace {@code RUNNER_WORKSPACE}: the runner's folder of this repository, whose
 *     parent holds the runner's {@code _temp}; a container action sees it untranslated
 * @param token {@code INPUT_GITHUB-TOKEN} (the action's input), else {@code GITHUB_TOKEN}
 * @param graphqlUrl {@code GITHUB_GRAPHQL_URL}, by default {@code https://api.github.com/graphql};
 *     empty when the variable holds no http(s) URL
 * @param autofixToken {@code INPUT_AUTOFIX-TOKEN}: the token autofix commits with, when given
 */
public record ActionsEnvironment(
    boolean actions,
    Optional<Path> workspace,
    Optional<Path> stepSummary,
    Optional<Path> output,
    Optional<Path> eventPath,
    Optional<URI> apiUrl,
    Optional<String> repository,
    Optional<Path> runnerTemp,
    Optional<Path> runnerWorkspace,
    Optional<Token> token,
    Optional<URI> graphqlUrl,
    Optional<Token> autofixToken) {

  /** GitHub's public API root, used when {@code GITHUB_API_URL} is not set. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");

  /** GitHub's public GraphQL endpoint, used when {@code GITHUB_GRAPHQL_URL} is not set. */
  public static final URI DEFAULT_GRAPHQL_URL = URI.create("https://api.github.com/graphql");

  public ActionsEnvironment {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(graphqlUrl, "graphqlUrl");
    Objects.requireNonNull(autofixToken, "autofixToken");
  }

  /** Reads the variables; blank values count as unset, values are trimmed like action inputs. */
  public static ActionsEnvironment from(Map<String, String> env) {
    return new ActionsEnvironment(
        "true".equals(get(env, "GITHUB_ACTIONS").orElse("")),
        get(env, "GITHUB_WORKSPACE").map(Path::of),
        get(env, "GITHUB_STEP_SUMMARY").map(Path::of),
        get(env, "GITHUB_OUTPUT").map(Path::of),
        get(env, "GITHUB_EVENT_PATH").map(Path::of),
        get(env, "GITHUB_API_URL")
            .map(ActionsEnvironment::apiRoot)
            .orElse(Optional.of(DEFAULT_API_URL)),
        get(env, "GITHUB_REPOSITORY"),
        get(env, "RUNNER_TEMP").map(Path::of),
        get(env, "RUNNER_WORKSPACE").map(Path::of),
        get(env, "INPUT_GITHUB-TOKEN").or(() -> get(env, "GITHUB_TOKEN")).map(Token::new),
        get(env, "GITHUB_GRAPHQL_URL")
            .map(ActionsEnvironment::apiRoot)
            .orElse(Optional.of(DEFAULT_GRAPHQL_URL)),
        get(env, "INPUT_AUTOFIX-TOKEN").map(Token::new));
  }

  /** {@code text} with every token of the run replaced by {@code ***}. */
  public String redact(String text) {
    String out = text;
    for (Optional<Token> t : java.util.List.of(token, autofixToken)) {
      if (t.isPresent()) {
        out = t.get().redact(out);
      }
    }
    return out;
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  // GitHub Enterprise Server's root has a path (https://HOST/api/v3); a trailing slash would
  // double.
  // A malformed value must not fall back to api.github.com: the token belongs to its own server.
  private static Optional<URI> apiRoot(String url) {
    String u = url;
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    try {
      URI uri = new URI(u);
      boolean web =
          "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      return web
              && uri.getHost() != null
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
