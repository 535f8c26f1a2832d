package dev.kubegenerate.github;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link HttpTransport} over the JDK's {@link HttpClient}, with time-outs on every request that
 * cover the body too (the client's own time-out ends with the headers), and a bound on the size of
 * an answer.
 */
public final class JdkHttpTransport implements HttpTransport {

  private final HttpClient client;
  private final Duration requestTimeout;

  /** A transport whose requests give up after {@code requestTimeout}. */
  public JdkHttpTransport(Duration connectTimeout, Duration requestTimeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // a redirect could carry the Authorization header to another host
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
  }

  /** The largest answer read: a page of 100 comments of 65,536 characters, with room to spare. */
  static final int MAX_ANSWER_BYTES = 16 << 20;

  /** The defaults for a CI step: 10 s to connect, 30 s per request. */
  public static JdkHttpTransport standard() {
    return new JdkHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /**
   * The standard transport, built from now on on a thread of its own: the HTTP client and its TLS
   * context take a few hundred milliseconds to set up, so a check that will write a comment
   * prepares them while it renders, and one that will not never loads them.
   */
  public static HttpTransport startingNow() {
    CompletableFuture<JdkHttpTransport> building = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                building.complete(standard());
              } catch (RuntimeException | Error e) {
                building.completeExceptionally(e);
              }
            },
            "kube-generate-http-setup");
    thread.setDaemon(true);
    thread.start();
    return request -> {
      JdkHttpTransport transport;
      try {
        transport = building.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      return transport.send(request);
    };
  }

  @Override
  public Response send(Request request) throws IOException, InterruptedException {
    return send(request, requestTimeout);
  }

  @Override
  public Response send(Request request, Duration timeout) throws IOException, InterruptedException {
    Duration limit = timeout.compareTo(requestTimeout) < 0 ? timeout : requestTimeout;
    if (limit.isZero() || limit.isNegative()) {
      throw new java.net.http.HttpTimeoutException("no time left");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(limit);
    request.headers().forEach(b::header);
    b.method(
        request.method(),
        request
            .body()
            .map(HttpRequest.BodyPublishers::ofString)
            .orElse(HttpRequest.BodyPublishers.noBody()));
    var pending = client.sendAsync(b.build(), info -> new BoundedBody(MAX_ANSWER_BYTES));
    HttpResponse<String> r;
    try {
      r = pending.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new java.net.http.HttpTimeoutException(
          "no complete answer within " + limit.toSeconds() + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
    Map<String, List<String>> headers = new HashMap<>();
    r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return new Response(r.statusCode(), headers, r.body());
  }
}
