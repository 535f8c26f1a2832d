package dev.kubegenerate.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What the check found for one manifest file (SPEC §6), in order of importance for reviewers. */
public enum Status {
  HAND_EDITED("hand-edited"),
  STALE("stale"),
  OUTDATED("outdated"),
  MISSING("missing"),
  UNMANAGED("unmanaged"),
  ORPHANED("orphaned"),
  OK("ok"),
  HANDWRITTEN("handwritten");

  private final String id;

  Status(String id) {
    this.id = id;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  /** Looks a status up by its report name. */
  public static Optional<Status> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  /**
   * Statuses that fail the check unless {@code --fail-on} says otherwise: every finding but {@code
   * outdated}, which only kube-generate's own release caused (SPEC §6), so it must not fail a pull
   * request that did not cause it.
   */
  public static Set<Status> defaultFailOn() {
    return EnumSet.complementOf(EnumSet.of(OK, HANDWRITTEN, OUTDATED));
  }

  /** True for statuses that are a finding at all (fail or warn). */
  public boolean isFinding() {
    return this != OK && this != HANDWRITTEN;
  }

  /** The report order used by SPEC §6's counts object. */
  public static Status[] reportOrder() {
    return new Status[] {
      OK, STALE, OUTDATED, HAND_EDITED, MISSING, ORPHANED, UNMANAGED, HANDWRITTEN
    };
  }
}
