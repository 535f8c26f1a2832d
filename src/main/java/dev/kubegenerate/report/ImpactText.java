package dev.kubegenerate.report;

import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line per changed object, as the text output shows it after each path: {@code Deployment
 * shop/shop-web: updated /spec/template/spec/containers/0/image; pods restart}.
 */
public final class ImpactText {

  /** The most changed fields a line names; the rest are counted. */
  static final int MAX_FIELDS = 5;

  private ImpactText() {}

  /** The impacts of each file, files in the order first named: one pass, however many files. */
  public static Map<ManifestPath, List<ObjectImpact>> byFile(List<ObjectImpact> impacts) {
    Map<ManifestPath, List<ObjectImpact>> out = new LinkedHashMap<>();
    impacts.forEach(i -> out.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(i));
    return out;
  }

  /** The lines of {@code impacts}, each indented by {@code indent}. */
  public static String lines(List<ObjectImpact> impacts, String indent) {
    StringBuilder out = new StringBuilder();
    impacts.forEach(i -> out.append(indent).append(line(i)).append('\n'));
    return out.toString();
  }

  /** The lines of every object, each after its file's path. */
  public static String underPaths(List<ObjectImpact> impacts) {
    StringBuilder out = new StringBuilder();
    byFile(impacts)
        .forEach(
            (file, objects) ->
                out.append("  ").append(file).append('\n').append(lines(objects, "    ")));
    return out.toString();
  }

  /** {@code Kind namespace/name: change [fields]; consequences}. */
  static String line(ObjectImpact i) {
    StringBuilder b =
        new StringBuilder(i.kind()).append(' ').append(i.qualifiedName()).append(": ");
    b.append(i.change().id());
    if (!i.fields().isEmpty()) {
      b.append(' ').append(fields(i.fields()));
    }
    for (String consequence : consequences(i)) {
      b.append("; ").append(consequence);
    }
    return b.toString();
  }

  /** What follows from a change, in words: pods restart, capacity, next run, refused fields. */
  static List<String> consequences(ObjectImpact i) {
    List<String> out = new ArrayList<>();
    if (i.restarts()) {
      out.add("pods restart");
    }
    if (i.nextRun()) {
      out.add("the next run uses it");
    }
    if (i.capacity()) {
      out.add("capacity changes");
    }
    if (!i.immutable().isEmpty()) {
      out.add(
          "immutable: "
              + fields(i.immutable())
              + " (the API server refuses the update; delete and re-create the object)");
    }
    return out;
  }

  private static String fields(List<String> fields) {
    if (fields.size() <= MAX_FIELDS) {
      return String.join(", ", fields);
    }
    return String.join(", ", fields.subList(0, MAX_FIELDS))
        + " and "
        + (fields.size() - MAX_FIELDS)
        + " more";
  }
}
