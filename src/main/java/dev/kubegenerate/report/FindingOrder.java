package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Report;
import java.util.Comparator;
import java.util.List;

/** Orders findings by what matters most to a reviewer: failures first, then status, then path. */
final class FindingOrder {

  private FindingOrder() {}

  /** Every finding of the report, most important first. */
  static List<FileResult> of(Report report) {
    // Status declares its constants in order of importance, so its ordinal is the rank
    Comparator<FileResult> order =
        Comparator.<FileResult, Boolean>comparing(f -> !report.fails(f))
            .thenComparing(FileResult::status)
            .thenComparing(FileResult::path);
    return report.findings().stream().sorted(order).toList();
  }
}
