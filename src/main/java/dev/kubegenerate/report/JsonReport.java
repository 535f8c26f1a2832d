package dev.kubegenerate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.kubegenerate.yaml.Json;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code --format json} report of SPEC §6: one object, keys in the spec's order, two-space
 * indent, a trailing newline.
 *
 * <p>Every file is listed; {@code template} and {@code cluster} only when known; {@code diff} and
 * {@code lines} only when the file differs; a {@code missing} file has {@code configLine}, the
 * line of the config entry that produces it. Errors always carry all four fields, with {@code
 * line}/{@code column} 0 when unknown and {@code file} empty when not about a file.
 */
public final class JsonReport {

  /** Bumped when a field changes meaning or goes; new fields do not bump it. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectWriter WRITER = Json.WRITER.with(prettyPrinter());

  private JsonReport() {}

  /** The report as JSON text. */
  public static String render(Report report) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("result", report.result().id());
    ArrayNode files = root.putArray("files");
    report.files().forEach(f -> files.add(file(report, f)));
    ArrayNode errors = root.putArray("errors");
    report.errors().forEach(e -> errors.add(error(e)));
    ObjectNode counts = root.putObject("counts");
    Map<Status, Integer> byStatus = report.counts();
    for (Status status : Status.reportOrder()) {
      counts.put(status.id(), byStatus.get(status));
    }
    report.ruleCounts().forEach((rule, n) -> counts.put(rule.id(), n));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
    }
  }

  private static ObjectNode file(Report report, FileResult f) {
    ObjectNode node = Json.object();
    node.put("path", f.path().value());
    node.put("status", f.status().id());
    node.put("config", f.config());
    if (f.status() == Status.MISSING) {
      // no committed file to point into: the entry that produces it is where the fix goes
      node.put("configLine", f.annotationLine().line());
    }
    f.template().ifPresent(t -> node.put("template", t));
    f.cluster().ifPresent(c -> node.put("cluster", c));
    f.diff()
        .filter(d -> !d.isEmpty())
        .ifPresent(
            d -> {
              node.put("diff", d);
              ArrayNode lines = node.putArray("lines");
              for (LineRange range : f.lines()) {
                lines.addObject().put("start", range.start()).put("end", range.end());
              }
            });
    ArrayNode violations = node.putArray("violations");
    for (Violation v : f.violations()) {
      violations.addObject()
          .put("rule", v.rule().id())
          .put("severity", severity(report, v))
          .put("line", v.line())
          .put("path", v.path())
          .put("message", v.message());
    }
    return node;
  }

  /** {@code error} when the violation fails this run, {@code notice} for a notice, else {@code warning}. */
  static String severity(Report report, Violation v) {
    return report.fails(v) ? "error" : v.severity() == Violation.Severity.NOTICE ? "notice" : "warning";
  }

  private static ObjectNode error(Problem p) {
    ObjectNode node = Json.object();
    node.put("file", p.file());
    node.put("line", p.line());
    node.put("column", p.column());
    node.put("message", p.message());
    return node;
  }

  /** {@code "key": value}, one entry per line, {@code []} and {@code {}} when empty. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
