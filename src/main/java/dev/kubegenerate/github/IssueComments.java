package dev.kubegenerate.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubegenerate.yaml.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST calls for one pull request's comments: list (following {@code Link} pages), create and
 * update. Requests that are safe to repeat (GET, PATCH) are repeated on 5xx and lost answers.
 */
public final class IssueComments {

  /** Pages followed at most: 100 pages of 100 comments. */
  static final int MAX_PAGES = 100;

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final URI api;
  private final URI graphql;
  private final ApiRequests requests;

  /** A client for the API at {@code api} (e.g. {@code https://api.github.com}), within 60 s. */
  public IssueComments(HttpTransport http, URI api, Token token, RetryPolicy retry) {
    this(http, api, token, retry, Deadline.in(java.time.Duration.ofSeconds(60)));
  }

  /** A client whose requests, pauses and pages all end by {@code deadline}. */
  public IssueComments(
      HttpTransport http, URI api, Token token, RetryPolicy retry, Deadline deadline) {
    this(http, api, graphqlOf(api), token, retry, deadline);
  }

  /** As above, with GitHub's GraphQL endpoint at {@code graphql}. */
  public IssueComments(
      HttpTransport http, URI api, URI graphql, Token token, RetryPolicy retry, Deadline deadline) {
    this.api = api;
    this.graphql = graphql;
    this.requests =
        new ApiRequests(
            http, token, retry, deadline, "the comment's", (m, r) -> ApiFailures.of(m, r, token));
  }

  /**
   * The GraphQL endpoint beside a REST one: {@code https://api.github.com/graphql}, and on GitHub
   * Enterprise Server {@code https://HOST/api/graphql} for {@code https://HOST/api/v3}.
   */
  static URI graphqlOf(URI api) {
    String base = api.toString().replaceAll("/+$", "");
    return URI.create(
        base.endsWith("/api/v3")
            ? base.substring(0, base.length() - "/v3".length()) + "/graphql"
            : base + "/graphql");
  }

  /**
   * A comment: its id, body and author.
   *
   * @param author the author's login ({@code github-actions[bot]} for {@code GITHUB_TOKEN})
   * @param bot whether the author is a bot ({@code user.type} is {@code Bot})
   * @param app the slug of the GitHub App that wrote it ({@code performed_via_github_app}), or ""
   */
  public record Comment(long id, String body, String author, boolean bot, String app) {}

  /**
   * The login the token writes comments as. A personal token's is its user's ({@code GET /user}).
   * {@code GET /user} refuses {@code GITHUB_TOKEN} and GitHub App installation tokens, which write
   * as their App's bot: GraphQL's {@code viewer} names it ({@code github-actions[bot]}, {@code
   * <app-slug>[bot]}). When neither answers, the token is taken for {@code GITHUB_TOKEN}: an App
   * token's earlier comment is then not found again, but no other App's comment is ever taken.
   */
  public String tokenLogin() throws GitHubApiException {
    try {
      String login =
          parse(call("GET", URI.create(api + "/user"), Optional.empty(), 200, true))
              .path("login")
              .asText("");
      if (!login.isEmpty()) {
        return login;
      }
    } catch (GitHubApiException e) {
      if (e.status() != 401 && e.status() != 403 && e.status() != 404) {
        throw e;
      }
    }
    String viewer = "";
    try {
      String query = Json.object().put("query", "query { viewer { login } }").toString();
      viewer =
          parse(call("POST", graphql, Optional.of(query), 200, true))
              .path("data")
              .path("viewer")
              .path("login")
              .asText("");
    } catch (GitHubApiException e) {
      // no GraphQL here, or the token may not ask: taken for GITHUB_TOKEN, as said above
    }
    if (viewer.isEmpty()) {
      return StickyComment.ACTIONS_BOT;
    }
    // an installation token is no user: its login is its App's bot
    return viewer.endsWith("[bot]") ? viewer : viewer + "[bot]";
  }

  /** Every comment of the pull request, oldest first. */
  public List<Comment> list(PullRequestEvent pr) throws GitHubApiException {
    List<Comment> all = new ArrayList<>();
    Optional<URI> next = Optional.of(uri("/repos/%s/%s/issues/%d/comments?per_page=100", pr));
    java.util.Set<URI> seen = new java.util.HashSet<>();
    for (int page = 0; next.isPresent(); page++) {
      if (page == MAX_PAGES) {
        throw new GitHubApiException(0, "more than " + MAX_PAGES + " pages of comments");
      }
      if (!seen.add(next.get())) {
        throw new GitHubApiException(0, "the pages of comments link back to a page already read");
      }
      HttpTransport.Response r = call("GET", next.get(), Optional.empty(), 200, true);
      for (JsonNode c : parse(r)) {
        all.add(comment(c));
      }
      next = r.header("link").flatMap(this::nextPage);
    }
    return all;
  }

  /** Creates a comment; never repeated here, since a lost answer may hide a created comment. */
  public Comment create(PullRequestEvent pr, String body) throws GitHubApiException {
    HttpTransport.Response r =
        call(
            "POST",
            uri("/repos/%s/%s/issues/%d/comments", pr),
            Optional.of(json(body)),
            201,
            false);
    return comment(parse(r));
  }

  /** Replaces a comment's body. */
  public Comment update(PullRequestEvent pr, long id, String body) throws GitHubApiException {
    URI uri = URI.create(api + "/repos/" + pr.owner() + "/" + pr.name() + "/issues/comments/" + id);
    return comment(parse(call("PATCH", uri, Optional.of(json(body)), 200, true)));
  }

  private HttpTransport.Response call(
      String method, URI uri, Optional<String> body, int expected, boolean repeatable)
      throws GitHubApiException {
    return requests.rest(method, uri, body, expected, repeatable);
  }

  private URI uri(String format, PullRequestEvent pr) {
    return URI.create(api + String.format(Locale.ROOT, format, pr.owner(), pr.name(), pr.number()));
  }

  // the token goes with every request, so pages are only followed on the API's own host
  private Optional<URI> nextPage(String link) {
    Matcher m = NEXT.matcher(link);
    if (!m.find()) {
      return Optional.empty();
    }
    URI next = URI.create(m.group(1));
    boolean sameOrigin =
        api.getScheme().equalsIgnoreCase(next.getScheme())
            && api.getHost().equalsIgnoreCase(next.getHost())
            && api.getPort() == next.getPort();
    return sameOrigin ? Optional.of(next) : Optional.empty();
  }

  private static String json(String body) {
    return Json.object().put("body", body).toString();
  }

  private static JsonNode parse(HttpTransport.Response r) throws GitHubApiException {
    return ApiRequests.parse(r);
  }

  private static Comment comment(JsonNode c) throws GitHubApiException {
    if (!c.path("id").canConvertToLong()) {
      throw new GitHubApiException(0, "GitHub's answer holds no comment id");
    }
    JsonNode user = c.path("user");
    return new Comment(
        c.path("id").asLong(),
        c.path("body").asText(""),
        user.path("login").asText(""),
        "Bot".equals(user.path("type").asText("")),
        c.path("performed_via_github_app").path("slug").asText(""));
  }
}
