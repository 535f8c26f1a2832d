package dev.kubegenerate.github;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time left for the pull-request comment, all requests, pauses and pages together: a slow or
 * hostile API (a trickling body, pages that link to themselves) must not hold the check.
 */
public final class Deadline {

  private final LongSupplier nanoTime;
  private final long end;

  private Deadline(LongSupplier nanoTime, Duration budget) {
    this.nanoTime = nanoTime;
    this.end = nanoTime.getAsLong() + budget.toNanos();
  }

  /** A deadline {@code budget} from now on the system's monotonic clock. */
  public static Deadline in(Duration budget) {
    return new Deadline(System::nanoTime, budget);
  }

  /** As {@link #in(Duration)} on the clock {@code nanoTime}, for tests. */
  static Deadline in(Duration budget, LongSupplier nanoTime) {
    return new Deadline(nanoTime, budget);
  }

  /** The time left, zero once passed. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, end - nanoTime.getAsLong()));
  }

  /** Whether no time is left. */
  public boolean passed() {
    return remaining().isZero();
  }
}
