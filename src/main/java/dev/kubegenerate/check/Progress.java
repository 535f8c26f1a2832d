package dev.kubegenerate.check;

/**
 * Hears how far a long run has got; the command line shows it on a terminal. Called from several
 * threads at once.
 */
@FunctionalInterface
public interface Progress {

  /** Ignores every step. */
  Progress NONE = (phase, done, total) -> {};

  /** {@code done} of {@code total} configs have passed {@code phase} ("rendering", "checking"). */
  void advance(String phase, int done, int total);
}
