package dev.kubegenerate.check;

/** Told as each config of a run is loaded and rendered, so a long run can show how far it is. */
@FunctionalInterface
public interface Progress {

  /** Shows nothing. */
  Progress NONE = (done, total) -> {};

  /**
   * Called once per config, from whichever thread rendered it.
   *
   * @param done configs finished so far, counting up to {@code total}
   * @param total configs in the run
   */
  void configDone(int done, int total);
}
