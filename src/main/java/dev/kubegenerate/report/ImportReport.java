package dev.kubegenerate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.importing.ImportResidual;
import dev.kubegenerate.yaml.Json;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The residual of {@code kube-generate import}, object by object (SPEC §8.2): as text a team can
 * paste into the pull request that moves the app (a summary, then a table), or as JSON.
 */
public final class ImportReport {

  private ImportReport() {}

  /** {@code --format json}. */
  public static String json(String config, List<ImportResidual.Item> items) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", 1);
    root.put("config", config);
    ArrayNode objects = root.putArray("objects");
    for (ImportResidual.Item item : items) {
      ObjectNode o = objects.addObject();
      o.put("cluster", item.cluster());
      o.put("kind", item.kind());
      item.namespace().ifPresent(n -> o.put("namespace", n));
      o.put("name", item.name());
      o.put("status", item.status().id());
      o.put("file", item.file().value());
      if (item.status() == ImportResidual.Status.ADDED) {
        ArrayNode added = o.putArray("added");
        item.added().forEach(added::add);
        o.put("restarts", item.restarts());
      }
      if (item.status() == ImportResidual.Status.HANDWRITTEN) {
        o.put("reason", item.why());
      }
    }
    ObjectNode counts = root.putObject("counts");
    counts(items).forEach((status, n) -> counts.put(status.id(), n));
    try {
      // "key": value, as the check's JSON report writes it
      var printer =
          new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
              .withSeparators(
                  com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(
                          com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
      return Json.WRITER.with(printer).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text: what moved, what restarts, what stays, then one row per object. */
  public static String text(String config, List<ImportResidual.Item> items, boolean written) {
    Map<ImportResidual.Status, Integer> counts = counts(items);
    Set<String> clusters = new LinkedHashSet<>();
    items.forEach(i -> clusters.add(i.cluster()));
    int rendered =
        counts.get(ImportResidual.Status.IDENTICAL) + counts.get(ImportResidual.Status.ADDED);
    StringBuilder out = new StringBuilder();
    out.append(written ? "Imported " : "Would import ")
        .append(items.size())
        .append(" objects in ")
        .append(clusters.size())
        .append(clusters.size() == 1 ? " cluster" : " clusters")
        .append(" into ")
        .append(config)
        .append(": ")
        .append(rendered)
        .append(" rendered by templates (")
        .append(counts.get(ImportResidual.Status.IDENTICAL))
        .append(" identical, ")
        .append(counts.get(ImportResidual.Status.ADDED))
        .append(" with additions), ")
        .append(counts.get(ImportResidual.Status.HANDWRITTEN))
        .append(" left hand-written.\n");
    List<String> restarting =
        items.stream()
            .filter(ImportResidual.Item::restarts)
            .map(ImportResidual.Item::shown)
            .toList();
    out.append(
        restarting.isEmpty()
            ? "The first deploy restarts no pods.\n"
            : "The first deploy restarts the pods of " + String.join(", ", restarting) + ".\n");
    out.append("Comments in the original manifests are not kept.\n\n");
    out.append("| cluster | object | status | file | what |\n|---|---|---|---|---|\n");
    for (ImportResidual.Item item : items) {
      String what =
          switch (item.status()) {
            case IDENTICAL -> "";
            case ADDED ->
                "adds "
                    + String.join(", ", item.added())
                    + (item.restarts() ? "; its pods restart" : "");
            case HANDWRITTEN -> item.why();
          };
      out.append("| ")
          .append(cell(item.cluster()))
          .append(" | ")
          .append(cell(item.shown()))
          .append(" | ")
          .append(item.status().id())
          .append(" | ")
          .append(cell(item.file().value()))
          .append(" | ")
          .append(cell(what))
          .append(" |\n");
    }
    return out.toString();
  }

  private static Map<ImportResidual.Status, Integer> counts(List<ImportResidual.Item> items) {
    Map<ImportResidual.Status, Integer> counts = new EnumMap<>(ImportResidual.Status.class);
    for (ImportResidual.Status s : ImportResidual.Status.values()) {
      counts.put(s, 0);
    }
    items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
    return counts;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
