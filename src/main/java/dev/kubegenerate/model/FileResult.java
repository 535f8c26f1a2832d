package dev.kubegenerate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The check's verdict on one manifest file.
 *
 * @param path repository-relative path
 * @param status what was found
 * @param config the config that produces or owns the file, relative to the repository root
 * @param template the template that produces it, when known
 * @param cluster the cluster folder it belongs to, when known
 * @param committed the committed text, empty when the file is missing, and for an {@code ok} file
 *     (no report shows or patches one, and a run need not hold every up-to-date text) unless its
 *     marker lines are to be written again
 * @param rendered today's render, empty when no entry produces the file, and for an {@code ok} file
 *     unless {@code --update} writes its marker lines again (its body is today's, its marker of an
 *     earlier version, SPEC §8.6)
 * @param diff unified diff committed to expected, with Secret values masked; empty when equal
 * @param lines changed line ranges of the committed file (for {@code missing}: of the config)
 * @param annotationLine where a finding's annotation lands: the file, or the config entry
 * @param violations what the file's objects break for their cluster's Kubernetes version (SPEC §6)
 * @param fixes for a {@code hand-edited} file: what in the config would produce each edit
 */
public record FileResult(
    ManifestPath path,
    Status status,
    String config,
    Optional<String> template,
    Optional<String> cluster,
    Optional<String> committed,
    Optional<String> rendered,
    Optional<String> diff,
    List<LineRange> lines,
    Location annotationLine,
    List<Violation> violations,
    List<EditFix> fixes) {

  public FileResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(annotationLine, "annotationLine");
    lines = List.copyOf(lines);
    violations = List.copyOf(violations);
    fixes = List.copyOf(fixes);
  }

  /** The same result with other violations. */
  public FileResult withViolations(List<Violation> other) {
    return new FileResult(
        path,
        status,
        config,
        template,
        cluster,
        committed,
        rendered,
        diff,
        lines,
        annotationLine,
        other,
        fixes);
  }

  /** The same result with what in the config would produce its hand edits. */
  public FileResult withFixes(List<EditFix> other) {
    return new FileResult(
        path,
        status,
        config,
        template,
        cluster,
        committed,
        rendered,
        diff,
        lines,
        annotationLine,
        violations,
        other);
  }

  /** Where in the repository an annotation for this file belongs. */
  public record Location(String file, int line, int endLine) {}
}
