package dev.kubegenerate.report;

import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.Map;

/**
 * The {@code --format json} report of SPEC §6: one object, keys in the spec's order, two-space
 * indent, a trailing newline.
 *
 * <p>Every file is listed; {@code template} and {@code cluster} only when known; {@code diff} and
 * {@code lines} only when the file differs; a {@code missing} file has {@code configLine}, the line
 * of the config entry that produces it. Errors always carry all four fields, with {@code
 * line}/{@code column} 0 when unknown and {@code file} empty when not about a file.
 *
 * <p>Written here rather than through Jackson's ObjectMapper: the action writes this report on
 * every run, and the mapper's few hundred classes cost more start-up than the whole check of a
 * small repository. The text is byte for byte what Jackson's pretty printer wrote (a test keeps the
 * two equal).
 */
public final class JsonReport {

  /** Bumped when a field changes meaning or goes; new fields do not bump it. */
  public static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  /**
   * The same JSON document with nothing the Actions runner obeys: no line of it starts with {@code
   * ::} (every line starts with indentation and a structural character), and every {@code #}, which
   * occurs only inside strings, becomes the escape {@code \u0023}, so no {@code ##[} is left. A
   * fence would make it unparseable for a step that captures it.
   */
  public static String inertInWorkflowLog(String json) {
    return json.replace("#", "\\u0023");
  }

  /** The report as JSON text. */
  public static String render(Report report) {
    JsonWriter w = new JsonWriter();
    w.open('{');
    w.field("schemaVersion").number(SCHEMA_VERSION);
    w.field("result").string(report.result().id());
    w.field("files").open('[');
    report.files().forEach(f -> file(w.item(), report, f));
    w.close(']');
    w.field("errors").open('[');
    report.errors().forEach(e -> error(w.item(), e));
    w.close(']');
    w.field("counts").open('{');
    Map<Status, Integer> byStatus = report.counts();
    for (Status status : Status.reportOrder()) {
      w.field(status.id()).number(byStatus.get(status));
    }
    report.ruleCounts().forEach((rule, n) -> w.field(rule.id()).number(n));
    w.close('}');
    w.close('}');
    return w.text() + "\n";
  }

  /** One file of {@code report} as the JSON of {@code files} holds it. */
  static void file(JsonWriter w, Report report, FileResult f) {
    w.open('{');
    w.field("path").string(f.path().value());
    w.field("status").string(f.status().id());
    w.field("config").string(f.config());
    if (f.status() == Status.MISSING) {
      // no committed file to point into: the entry that produces it is where the fix goes
      w.field("configLine").number(f.annotationLine().line());
    }
    f.template().ifPresent(t -> w.field("template").string(t));
    f.cluster().ifPresent(c -> w.field("cluster").string(c));
    f.diff()
        .filter(d -> !d.isEmpty())
        .ifPresent(
            d -> {
              w.field("diff").string(d);
              w.field("lines").open('[');
              for (LineRange range : f.lines()) {
                w.item().open('{');
                w.field("start").number(range.start());
                w.field("end").number(range.end());
                w.close('}');
              }
              w.close(']');
            });
    w.field("violations").open('[');
    for (Violation v : f.violations()) {
      w.item().open('{');
      w.field("rule").string(v.rule().id());
      w.field("severity").string(severity(report, v));
      w.field("line").number(v.line());
      w.field("path").string(v.path());
      w.field("message").string(v.message());
      w.close('}');
    }
    w.close(']');
    if (!f.fixes().isEmpty()) {
      fixes(w, f);
    }
    w.close('}');
  }

  /**
   * What in the config would keep each hand edit: the edited fields (a Secret's without values),
   * the entry, and the key to set or the patch to add with the line where it goes.
   */
  private static void fixes(JsonWriter w, FileResult f) {
    w.field("fixes").open('[');
    for (EditFix fix : f.fixes()) {
      w.item().open('{');
      w.field("object").string(fix.object());
      w.field("cluster").string(fix.cluster());
      w.field("fields").open('[');
      for (EditFix.Field field : fix.fields()) {
        w.item().open('{');
        w.field("field").string(field.pointer());
        field.from().ifPresent(v -> w.field("from").value(v));
        field.to().ifPresent(v -> w.field("to").value(v));
        w.close('}');
      }
      w.close(']');
      w.field("fix").string(fix.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (fix.kind() == EditFix.Kind.KEY || fix.kind() == EditFix.Kind.PATCH) {
        w.field("entry").string(fix.entry());
        w.field("everyCluster").bool(fix.everyCluster());
        if (fix.kind() == EditFix.Kind.KEY) {
          w.field("key").string(fix.key());
          w.field("value").value(fix.value().orElse(null));
        } else {
          w.field("under").string(fix.key());
          w.field("patch").string(fix.patch());
        }
        w.field("line").number(fix.line());
        w.field("alsoChanges").open('[');
        fix.alsoChanges().forEach(p -> w.item().string(p));
        w.close(']');
      }
      w.field("message").string(FixText.sentence(fix, f.config()));
      w.close('}');
    }
    w.close(']');
  }

  /**
   * {@code error} when the violation fails this run, {@code notice} for a notice, else {@code
   * warning}.
   */
  static String severity(Report report, Violation v) {
    return report.fails(v)
        ? "error"
        : v.severity() == Violation.Severity.NOTICE ? "notice" : "warning";
  }

  /** One problem as the JSON of {@code errors} holds it. */
  static void error(JsonWriter w, Problem p) {
    w.open('{');
    w.field("file").string(p.file());
    w.field("line").number(p.line());
    w.field("column").number(p.column());
    w.field("message").string(p.message());
    w.close('}');
  }
}
