package dev.kubegenerate.generate;

import dev.kubegenerate.model.Violation;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The PodDisruptionBudgets a config renders that allow no disruption at the replicas their app runs
 * ({@code pdb-blocks-drain}): an eviction is refused while it would leave fewer pods than the
 * budget wants, so a node drain, and every cluster upgrade, waits on them forever. The app's
 * replicas are the workloads' in the same cluster and namespace whose pods the budget selects:
 * their {@code replicas}, else the {@code minReplicas} of the autoscaler that scales them (the
 * fewest it runs), else one.
 */
final class DisruptionBudgets {

  private DisruptionBudgets() {}

  /** A budget that may block: {@code minAvailable}, or {@code maxUnavailable} 0. */
  private static final Pattern MAY_BLOCK =
      Pattern.compile("minAvailable: |maxUnavailable: (0|\"?0%\"?)\\n");

  private static final LoadSettings MARKED = YamlNodes.safeSettings("render", true);

  /**
   * The violations of each file of {@code files} that holds such a budget.
   *
   * @param composed each file's documents as the canonical writer composed them (without lines),
   *     when known: the files are not read again for them
   */
  static Map<RenderedFile, List<Violation>> check(
      List<RenderedFile> files, Function<RenderedFile, Optional<List<Node>>> composed) {
    Map<RenderedFile, List<Violation>> out = new LinkedHashMap<>();
    List<RenderedFile> budgets = new ArrayList<>();
    for (RenderedFile file : files) {
      Optional<List<Node>> docs = composed.apply(file);
      boolean mayBlock =
          docs.isPresent()
              ? docs.get().stream().anyMatch(DisruptionBudgets::mayBlock)
              : file.text().body().contains("kind: PodDisruptionBudget")
                  && MAY_BLOCK.matcher(file.text().body()).find();
      if (mayBlock) {
        budgets.add(file);
      }
    }
    if (budgets.isEmpty()) {
      return out; // the common case: every budget allows a disruption whatever the replicas
    }
    // each cluster's workloads and autoscalers, read once
    Map<String, List<Workload>> workloads = new HashMap<>();
    for (RenderedFile file : budgets) {
      List<Workload> inCluster =
          workloads.computeIfAbsent(file.cluster(), c -> workloads(c, files, composed));
      List<Node> docs = documents(file, composed);
      for (int i = 0; i < docs.size(); i++) {
        Node doc = docs.get(i);
        if ("PodDisruptionBudget".equals(text(doc, "kind"))) {
          int index = i;
          blocking(doc, inCluster)
              .ifPresent(
                  v ->
                      out.computeIfAbsent(file, f -> new ArrayList<>())
                          .add(located(v, file, index)));
        }
      }
    }
    return out;
  }

  /** A budget with {@code minAvailable}, or with {@code maxUnavailable} 0: it may block. */
  private static boolean mayBlock(Node doc) {
    if (!"PodDisruptionBudget".equals(text(doc, "kind"))) {
      return false;
    }
    Node spec = field(doc, "spec");
    String max = text(spec, "maxUnavailable");
    return field(spec, "minAvailable") != null || "0".equals(max) || "0%".equals(max);
  }

  /** The violation on the line of its field: the file is read with lines only now. */
  private static Violation located(Violation v, RenderedFile file, int document) {
    List<Node> marked = documents(file, f -> Optional.empty());
    if (document >= marked.size()) {
      return v;
    }
    Node at = field(field(marked.get(document), "spec"), v.path().substring("spec.".length()));
    if (at == null) {
      return v;
    }
    return new Violation(
        v.rule(),
        v.severity(),
        at.getStartMark().map(m -> m.getLine() + 1).orElse(1),
        at.getStartMark().map(m -> m.getColumn() + 1).orElse(0),
        v.path(),
        v.message());
  }

  /**
   * A workload whose pods a budget may select.
   *
   * @param replicas its replicas, else its autoscaler's minReplicas, else 1
   */
  private record Workload(
      String kind, String name, String namespace, Map<String, String> podLabels, long replicas) {}

  private static List<Workload> workloads(
      String cluster,
      List<RenderedFile> files,
      Function<RenderedFile, Optional<List<Node>>> composed) {
    List<Node> workloads = new ArrayList<>();
    Map<String, Long> autoscaled = new HashMap<>();
    for (RenderedFile file : files) {
      if (!file.cluster().equals(cluster)) {
        continue;
      }
      for (Node doc : documents(file, composed)) {
        String kind = text(doc, "kind");
        if ("HorizontalPodAutoscaler".equals(kind)) {
          Node target = field(field(doc, "spec"), "scaleTargetRef");
          autoscaled.put(
              key(text(target, "kind"), text(target, "name"), namespace(doc)),
              number(field(field(doc, "spec"), "minReplicas")).orElse(1L));
        } else if (WORKLOADS.contains(kind)) {
          workloads.add(doc);
        }
      }
    }
    List<Workload> out = new ArrayList<>();
    for (Node doc : workloads) {
      String kind = text(doc, "kind");
      String name = text(field(doc, "metadata"), "name");
      Node labels = field(field(field(field(doc, "spec"), "template"), "metadata"), "labels");
      long replicas =
          number(field(field(doc, "spec"), "replicas"))
              .orElseGet(() -> autoscaled.getOrDefault(key(kind, name, namespace(doc)), 1L));
      out.add(
          new Workload(
              kind,
              name,
              namespace(doc),
              labels instanceof MappingNode m ? strings(m) : Map.of(),
              replicas));
    }
    return out;
  }

  private static final java.util.Set<String> WORKLOADS =
      java.util.Set.of("Deployment", "StatefulSet", "ReplicaSet");

  private static String key(String kind, String name, String namespace) {
    return kind + "\n" + name + "\n" + namespace;
  }

  private static String namespace(Node doc) {
    return text(field(doc, "metadata"), "namespace");
  }

  private static Optional<Violation> blocking(Node budget, List<Workload> workloads) {
    Node spec = field(budget, "spec");
    Node selector = field(spec, "selector");
    if (field(selector, "matchExpressions") != null
        || !(field(selector, "matchLabels") instanceof MappingNode matchLabels)) {
      return Optional.empty(); // only label selectors are judged
    }
    Map<String, String> wanted = strings(matchLabels);
    String namespace = namespace(budget);
    List<String> apps = new ArrayList<>();
    long pods = 0;
    for (Workload w : workloads) {
      if (java.util.Objects.equals(namespace, w.namespace())
          && w.podLabels().entrySet().containsAll(wanted.entrySet())) {
        pods += w.replicas();
        apps.add(w.kind() + " " + w.name() + " runs " + w.replicas());
      }
    }
    if (apps.isEmpty()) {
      return Optional.empty();
    }
    Node minAvailable = field(spec, "minAvailable");
    Node maxUnavailable = field(spec, "maxUnavailable");
    Node at = minAvailable != null ? minAvailable : maxUnavailable;
    long allowed;
    if (minAvailable != null) {
      Optional<Long> min = scaled(minAvailable, pods);
      if (min.isEmpty()) {
        return Optional.empty();
      }
      allowed = pods - min.get();
    } else {
      Optional<Long> max = scaled(maxUnavailable, pods);
      if (max.isEmpty()) {
        return Optional.empty();
      }
      allowed = max.get();
    }
    if (allowed > 0) {
      return Optional.empty();
    }
    String field = minAvailable != null ? "minAvailable" : "maxUnavailable";
    return Optional.of(
        new Violation(
            Violation.Rule.PDB_BLOCKS_DRAIN,
            Violation.Severity.WARNING,
            at.getStartMark().map(m -> m.getLine() + 1).orElse(1),
            at.getStartMark().map(m -> m.getColumn() + 1).orElse(0),
            "spec." + field,
            "this PodDisruptionBudget ("
                + field
                + ": "
                + ((ScalarNode) at).getValue()
                + ") allows no pod to be evicted at the "
                + pods
                + " the app runs ("
                + String.join(", ", apps)
                + "): a node drain, and with it every cluster upgrade, waits on it forever;"
                + " use maxUnavailable: 1, or run more replicas than minAvailable"));
  }

  /**
   * The pods an int-or-string of a budget stands for at {@code pods} replicas: a percentage rounds
   * up, as the disruption controller rounds it.
   */
  private static Optional<Long> scaled(Node value, long pods) {
    if (!(value instanceof ScalarNode s)) {
      return Optional.empty();
    }
    String text = s.getValue();
    if (digits(text, 9)) {
      return Optional.of(Long.parseLong(text));
    }
    if (text.endsWith("%") && digits(text.substring(0, text.length() - 1), 3)) {
      long percent = Long.parseLong(text.substring(0, text.length() - 1));
      return Optional.of((percent * pods + 99) / 100);
    }
    return Optional.empty();
  }

  /** The file's documents; read with their lines when not composed already. */
  private static List<Node> documents(
      RenderedFile file, Function<RenderedFile, Optional<List<Node>>> composed) {
    Optional<List<Node>> known = composed.apply(file);
    if (known.isPresent()) {
      return known.get();
    }
    List<Node> out = new ArrayList<>();
    try {
      Composer composer = new Composer(MARKED, YamlNodes.parser(MARKED, file.content()));
      while (composer.hasNext()) {
        out.add(composer.next());
      }
    } catch (YamlEngineException e) {
      // the tool's own canonical text: validated before, so not reached
    }
    return out;
  }

  private static Map<String, String> strings(MappingNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
        out.put(k.getValue(), v.getValue());
      }
    }
    return out;
  }

  private static Optional<Long> number(Node node) {
    return node instanceof ScalarNode s && digits(s.getValue(), 9)
        ? Optional.of(Long.parseLong(s.getValue()))
        : Optional.empty();
  }

  /** One to {@code most} ASCII digits: a count, not a regex compiled per workload. */
  private static boolean digits(String text, int most) {
    if (text.isEmpty() || text.length() > most) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Node field(Node node, String name) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  private static String text(Node node, String name) {
    return field(node, name) instanceof ScalarNode s ? s.getValue() : null;
  }
}
