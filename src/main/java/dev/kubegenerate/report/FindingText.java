package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** The words reviewers read about a finding, shared by annotations, the summary and the comment. */
final class FindingText {

  private FindingText() {}

  /** The annotation title, e.g. {@code kube-generate: hand-edited}. */
  static String title(Status status) {
    return "kube-generate: " + status.id();
  }

  /** The annotation title of a violation, e.g. {@code kube-generate: removed-api}. */
  static String title(Violation v) {
    return "kube-generate: " + v.rule().id();
  }

  /** A violation in one line: {@code file:line: path: message}. */
  static String message(FileResult file, Violation v) {
    return file.path() + ":" + v.line() + ": " + (v.path().isEmpty() ? "" : v.path() + ": ") + v.message();
  }

  /** What the status means, in one sentence. */
  static String meaning(Status status) {
    return switch (status) {
      case HAND_EDITED -> "was edited by hand; generated files must only change through the config";
      case STALE -> "is out of date: the config or the templates changed since it was generated";
      case MISSING -> "is produced by the config but was never generated";
      case UNMANAGED -> "is neither generated nor marked as hand-written";
      case ORPHANED -> "was generated, but no entry of the config produces it any more";
      case OK -> "matches the config";
      case HANDWRITTEN -> "is hand-managed";
    };
  }

  /** How to fix one file with this status. */
  static String fix(Status status, String fixCommand, String config) {
    return switch (status) {
      case HAND_EDITED -> "Move the change into " + config + ", then run: " + fixCommand;
      case UNMANAGED -> "Generate it from " + config + ", list it under handwritten:, or delete it."
          + " To regenerate everything run: " + fixCommand;
      case ORPHANED -> "Delete it by running: " + fixCommand;
      default -> "Run: " + fixCommand;
    };
  }

  /** The annotation message: the file, what is wrong, and the fix. */
  static String message(FileResult file, String fixCommand) {
    return file.path() + " " + meaning(file.status())
        + (ownLines(file) ? changedLines(bodyLines(file)) : "") + ". "
        + fix(file.status(), fixCommand, file.config());
  }

  /** The changed lines of the file itself, e.g. {@code 12-14, 20}, or empty. */
  static String fileLines(FileResult file) {
    return ownLines(file) ? lineList(bodyLines(file)) : "";
  }

  // the two marker lines change with every render; the change a reviewer wants is in the body
  private static List<LineRange> bodyLines(FileResult file) {
    List<LineRange> body = file.lines().stream().filter(r -> r.start() > 2).toList();
    return body.isEmpty() ? file.lines() : body;
  }

  // for missing files the ranges are lines of the config, which the annotation already points at
  private static boolean ownLines(FileResult file) {
    return file.status() == Status.HAND_EDITED || file.status() == Status.STALE;
  }

  /** {@code 12-14, 20} or empty. */
  static String lineList(List<LineRange> lines) {
    return lines.stream()
        .map(r -> r.start() == r.end() ? Integer.toString(r.start()) : r.start() + "-" + r.end())
        .collect(Collectors.joining(", "));
  }

  private static String changedLines(List<LineRange> lines) {
    if (lines.isEmpty()) {
      return "";
    }
    boolean one = lines.size() == 1 && lines.get(0).start() == lines.get(0).end();
    return (one ? " (line " : " (lines ") + lineList(lines) + ")";
  }
}
