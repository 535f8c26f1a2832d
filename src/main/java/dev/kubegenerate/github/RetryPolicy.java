package dev.kubegenerate.github;

import java.time.Duration;
import java.util.List;

/**
 * How often and after which pauses a request that is safe to repeat is tried again.
 *
 * @param pauses one pause before each repeat; its size is the number of repeats
 * @param sleeper how to pause (a no-op in tests)
 */
public record RetryPolicy(List<Duration> pauses, Sleeper sleeper) {

  public RetryPolicy {
    pauses = List.copyOf(pauses);
  }

  /** Two repeats, after 1 s and 3 s. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(3)), d -> Thread.sleep(d.toMillis()));
  }

  /** Pauses the calling thread. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code d}. */
    void sleep(Duration d) throws InterruptedException;
  }
}
