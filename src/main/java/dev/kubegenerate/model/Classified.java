package dev.kubegenerate.model;

import java.util.Optional;

/**
 * The verdict on one file of a config's output folder, and what an update may do with it.
 *
 * @param result the verdict as every report shows it
 * @param ownership whether the committed file carries kube-generate's marker
 * @param unreadable why the committed file could not be read (a link, binary, too large)
 * @param renderOrder the file's place in its config's render (entry order), or -1 when no entry
 *     renders it: an update lists what it writes in this order
 */
public record Classified(
    FileResult result, Ownership ownership, Optional<String> unreadable, int renderOrder) {

  /** What the committed file at a path is, as far as kube-generate may touch it. */
  public enum Ownership {
    /** Nothing is committed at the path. */
    ABSENT,
    /** Generated: the marker's checksum matches the body. */
    MARKED_INTACT,
    /** Generated, then edited by hand: the marker is there, its checksum is not the body's. */
    MARKED_EDITED,
    /**
     * Generated, then merged with conflicts: git's conflict markers around kube-generate's marker.
     * {@code --update} regenerates it (SPEC §8.3).
     */
    CONFLICTED,
    /** No marker: hand-written, or a generated file whose marker lines were removed. */
    UNMARKED,
    /** Not read at all: a link, a FIFO, binary, not UTF-8 or too large. */
    UNREADABLE;

    /** Whether {@code --update} may replace or delete the file. */
    public boolean generated() {
      return this == MARKED_INTACT || this == MARKED_EDITED || this == CONFLICTED;
    }
  }
}
