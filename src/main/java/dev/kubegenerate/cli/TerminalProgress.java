package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line counter on a terminal for runs longer than a second (SPEC §5): rewritten in place
 * at most ten times a second, and erased when the run ends, so the report that follows reads as
 * if it had never been there. Nothing at all when the output is not a terminal.
 */
final class TerminalProgress implements Progress {

  /** Runs shorter than this show nothing: a flash of text would only be noise. */
  static final long DELAY_NANOS = 1_000_000_000L;

  /** The line is rewritten at most this often. */
  static final long INTERVAL_NANOS = 100_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long lastShown = Long.MIN_VALUE;
  private boolean shown;

  TerminalProgress(PrintStream err, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** Progress on a terminal, never inside GitHub Actions (its log is not a terminal). */
  static TerminalProgress on(Terminal terminal) {
    return on(terminal, System::nanoTime);
  }

  static TerminalProgress on(Terminal terminal, LongSupplier clock) {
    return new TerminalProgress(terminal.err(), terminal.interactive() && !terminal.githubActions(), clock);
  }

  @Override
  public synchronized void configDone(int done, int total) {
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (now - start < DELAY_NANOS || (shown && now - lastShown < INTERVAL_NANOS && done < total)) {
      return;
    }
    err.print("\rRendering " + done + "/" + total + " configs");
    err.flush();
    lastShown = now;
    shown = true;
  }

  /** Erases the line, if one was shown. */
  synchronized void finish() {
    if (shown) {
      // carriage return, then ANSI "erase to end of line"
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }
}
