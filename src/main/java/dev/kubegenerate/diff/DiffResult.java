package dev.kubegenerate.diff;

import dev.kubegenerate.model.LineRange;
import java.util.List;
import java.util.Objects;

/**
 * A unified diff of one file and the committed file's changed lines.
 *
 * @param unified the {@code --- / +++} headers and hunks, or {@code ""} when both sides are equal
 * @param lines changed line ranges of the committed file, sorted and merged; empty when equal or
 *     when the committed file does not exist
 */
public record DiffResult(String unified, List<LineRange> lines) {

  /** The result for two equal sides. */
  public static final DiffResult EQUAL = new DiffResult("", List.of());

  public DiffResult {
    Objects.requireNonNull(unified, "unified");
    lines = List.copyOf(lines);
  }

  /** True when the two sides differ. */
  public boolean differs() {
    return !unified.isEmpty();
  }
}
