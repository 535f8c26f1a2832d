package dev.kubegenerate.cli;

import dev.kubegenerate.check.Progress;
import java.io.PrintStream;

/**
 * Shows progress on a terminal's stderr for runs that last over a second: one line, rewritten in
 * place at most ten times a second, and erased when the run is done.
 */
final class TerminalProgress implements Progress {

  private static final long QUIET_MILLIS = 1000;
  private static final long REDRAW_MILLIS = 100;

  private final PrintStream err;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean shown;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** Progress for this terminal: nothing at all when stderr is not a terminal or in Actions. */
  static Progress of(Terminal terminal) {
    return terminal.interactive() && !terminal.githubActions()
        ? new TerminalProgress(terminal.err())
        : Progress.NONE;
  }

  @Override
  public synchronized void advance(String phase, int done, int total) {
    long now = (System.nanoTime() - started) / 1_000_000;
    if (now < QUIET_MILLIS || (now - lastDrawn < REDRAW_MILLIS && done < total)) {
      return;
    }
    lastDrawn = now;
    shown = true;
    err.print("\r\033[K" + phase + " " + done + "/" + total + " configs");
    err.flush();
  }

  /** Erases the progress line, if one was drawn. */
  static void finish(Progress progress) {
    if (progress instanceof TerminalProgress p) {
      synchronized (p) {
        if (p.shown) {
          p.err.print("\r\033[K");
          p.err.flush();
        }
      }
    }
  }
}
