package dev.kubegenerate.github;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seam between the REST client and the network: one request, one response. The real one is
 * {@link JdkHttpTransport}; tests use it against a real peer, and a fake for what no peer can do on
 * demand (time-outs).
 */
public interface HttpTransport {

  /**
   * Sends a request and returns whatever status came back.
   *
   * @throws IOException when no response arrived (connection refused, time-out, reset)
   */
  Response send(Request request) throws IOException, InterruptedException;

  /**
   * Sends a request that must be answered, body included, within {@code timeout}.
   *
   * @throws java.net.http.HttpTimeoutException when the whole answer did not arrive in time
   */
  default Response send(Request request, java.time.Duration timeout)
      throws IOException, InterruptedException {
    return send(request);
  }

  /** An HTTP request; {@code body} is JSON or empty. */
  record Request(String method, URI uri, Map<String, String> headers, Optional<String> body) {
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  /** An HTTP response; header names are lower case. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    public Response {
      headers = Map.copyOf(headers);
    }

    /** The first value of a header, by lower-case name. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name)).flatMap(v -> v.stream().findFirst());
    }
  }
}
