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

  /**
   * The impacts grouped by the file that holds each object, files in the order first named: looked
   * up once per path, where filtering the whole list for every path took minutes at 5,000 apps.
   */
  public static Map<ManifestPath, List<ObjectImpact>> byPath(List<ObjectImpact> impacts) {
    Map<ManifestPath, List<ObjectImpact>> out = new LinkedHashMap<>();
    for (ObjectImpact i : impacts) {
      out.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(i);
    }
    return out;
  }

  /** The lines of {@code impacts} (the objects of one file), each indented by {@code indent}. */
  public static String of(List<ObjectImpact> impacts, String indent) {
    StringBuilder out = new StringBuilder();
    for (ObjectImpact i : impacts) {
      out.append(indent).append(line(i)).append('\n');
    }
    return out.toString();
  }

  /** The lines of every object, each after its file's path, files in the order first named. */
  public static String byFile(List<ObjectImpact> impacts) {
    StringBuilder out = new StringBuilder();
    byPath(impacts)
        .forEach(
            (file, ofFile) ->
                out.append("  ").append(file).append('\n').append(of(ofFile, "    ")));
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
