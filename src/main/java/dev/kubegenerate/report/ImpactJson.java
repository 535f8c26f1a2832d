package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code kube-generate [--update] --format json} (SPEC §8.4): {@code schemaVersion},
 * {@code changes} object by object, without {@code --update} the {@code files} the update would
 * write or delete (as {@code check --format json} shows them), and {@code errors} when the input
 * could not be rendered.
 */
public final class ImpactJson {

  private ImpactJson() {}

  /**
   * @param files the files of the diff mode, in the check report's form; empty for {@code --update}
   */
  public static String render(
      List<ObjectImpact> changes, Optional<Report> files, List<Problem> errors) {
    JsonWriter w = new JsonWriter();
    w.open('{');
    w.field("schemaVersion").number(JsonReport.SCHEMA_VERSION);
    w.field("changes").open('[');
    changes.forEach(c -> change(w.item(), c));
    w.close(']');
    files.ifPresent(
        report -> {
          w.field("files").open('[');
          for (FileResult f : report.files()) {
            JsonReport.file(w.item(), report, f);
          }
          w.close(']');
        });
    if (!errors.isEmpty()) {
      w.field("errors").open('[');
      errors.forEach(e -> JsonReport.error(w.item(), e));
      w.close(']');
    }
    w.close('}');
    return w.text() + "\n";
  }

  private static void change(JsonWriter w, ObjectImpact c) {
    w.open('{');
    w.field("cluster").string(c.cluster());
    w.field("file").string(c.file().value());
    w.field("kind").string(c.kind());
    c.namespace().ifPresent(n -> w.field("namespace").string(n));
    w.field("name").string(c.name());
    w.field("change").string(c.change().id());
    strings(w.field("fields"), c.fields());
    w.field("restarts").bool(c.restarts());
    strings(w.field("immutable"), c.immutable());
    w.field("capacity").bool(c.capacity());
    w.field("nextRun").bool(c.nextRun());
    w.close('}');
  }

  private static void strings(JsonWriter w, List<String> values) {
    w.open('[');
    values.forEach(v -> w.item().string(v));
    w.close(']');
  }
}
