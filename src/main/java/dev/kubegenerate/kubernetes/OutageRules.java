package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What one object's schema cannot say and an outage can: a preStop sleep that uses up the whole
 * termination grace period ({@code prestop-grace}), and autoscaler bounds the API server refuses.
 * The budget that blocks a drain needs the workloads beside it, and is judged where a config's
 * objects are known together.
 */
final class OutageRules {

  private OutageRules() {}

  /** Kubernetes' terminationGracePeriodSeconds when a pod leaves it out. */
  static final long DEFAULT_GRACE = 30;

  /** Where each workload kind keeps its pod spec. */
  private static final Map<String, List<String>> POD_SPEC =
      Map.of(
          "Pod", List.of("spec"),
          "Deployment", List.of("spec", "template", "spec"),
          "StatefulSet", List.of("spec", "template", "spec"),
          "DaemonSet", List.of("spec", "template", "spec"),
          "ReplicaSet", List.of("spec", "template", "spec"),
          "ReplicationController", List.of("spec", "template", "spec"),
          "Job", List.of("spec", "template", "spec"),
          "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

  /** A shell's {@code sleep N} (alone, or first in a command line). */
  private static final Pattern SLEEP = Pattern.compile("^\\s*sleep\\s+(\\d{1,9})(?:\\s|;|&|$)");

  /** Adds the object's violations of these rules; the object's schema was checked before. */
  static void check(String kind, Node doc, FieldPath path, Walk walk) {
    if (kind.equals("HorizontalPodAutoscaler")) {
      autoscalerBounds(doc, path, walk);
      return;
    }
    List<String> specPath = POD_SPEC.get(kind);
    if (specPath == null) {
      return;
    }
    Node spec = doc;
    FieldPath at = path;
    for (String name : specPath) {
      spec = CustomResources.field(spec, name);
      at = at.field(name);
    }
    if (spec != null) {
      preStopGrace(spec, at, walk);
    }
  }

  /**
   * The kubelet counts the preStop hook against the grace period: a hook that sleeps as long gets
   * SIGTERM only as the period ends, and SIGKILL two seconds later. The app never drains.
   */
  private static void preStopGrace(Node spec, FieldPath path, Walk walk) {
    Node graceNode = CustomResources.field(spec, "terminationGracePeriodSeconds");
    OptionalLong given = number(graceNode);
    long grace = given.orElse(DEFAULT_GRACE);
    if (!(CustomResources.field(spec, "containers") instanceof SequenceNode containers)) {
      return;
    }
    for (int i = 0; i < containers.getValue().size(); i++) {
      Node container = containers.getValue().get(i);
      FieldPath preStopPath = path.field("containers").index(i).field("lifecycle").field("preStop");
      Node preStop =
          CustomResources.field(CustomResources.field(container, "lifecycle"), "preStop");
      Node sleepNode = CustomResources.field(CustomResources.field(preStop, "sleep"), "seconds");
      OptionalLong sleep = number(sleepNode);
      FieldPath sleepPath = preStopPath.field("sleep").field("seconds");
      if (sleep.isEmpty()) {
        Node command = CustomResources.field(CustomResources.field(preStop, "exec"), "command");
        sleepNode = command;
        sleep = shellSleep(command);
        sleepPath = preStopPath.field("exec").field("command");
      }
      if (sleep.isPresent() && sleep.getAsLong() >= grace && !walk.done()) {
        walk.add(
            Violations.at(
                Rule.PRESTOP_GRACE,
                Severity.WARNING,
                sleepNode,
                sleepPath.toString(),
                "the preStop hook sleeps "
                    + sleep.getAsLong()
                    + " s, "
                    + (sleep.getAsLong() == grace ? "all" : "more than")
                    + " of the termination grace period ("
                    + grace
                    + " s"
                    + (given.isPresent() ? "" : ", Kubernetes' default")
                    + "): the container gets SIGTERM as the period ends and SIGKILL two seconds"
                    + " later, so it never shuts down cleanly; make terminationGracePeriodSeconds"
                    + " longer than the sleep plus the app's own shutdown"));
      }
    }
  }

  /** {@code [sleep, 5]}, or a shell running {@code sleep 5} first: the seconds slept. */
  private static OptionalLong shellSleep(Node command) {
    if (!(command instanceof SequenceNode list) || list.getValue().isEmpty()) {
      return OptionalLong.empty();
    }
    StringBuilder line = new StringBuilder();
    for (Node part : list.getValue()) {
      if (!(part instanceof ScalarNode s)) {
        return OptionalLong.empty();
      }
      line.append(line.length() == 0 ? "" : " ").append(s.getValue());
    }
    String text = line.toString();
    // a shell: sh -c "sleep 5 && ..."
    Matcher shell = Pattern.compile("^\\S*sh\\s+-c\\s+(.*)$").matcher(text);
    if (shell.matches()) {
      text = shell.group(1);
    }
    text = text.replaceFirst("^\\S*/(?=sleep\\b)", "");
    Matcher m = SLEEP.matcher(text);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** {@code minReplicas} above {@code maxReplicas}: the API server refuses the object. */
  private static void autoscalerBounds(Node doc, FieldPath path, Walk walk) {
    Node spec = CustomResources.field(doc, "spec");
    Node minNode = CustomResources.field(spec, "minReplicas");
    OptionalLong min = number(minNode);
    OptionalLong max = number(CustomResources.field(spec, "maxReplicas"));
    if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong() && !walk.done()) {
      walk.add(
          Violations.at(
              Rule.INVALID,
              Severity.ERROR,
              minNode,
              path.field("spec").field("minReplicas").toString(),
              "minReplicas ("
                  + min.getAsLong()
                  + ") is above maxReplicas ("
                  + max.getAsLong()
                  + "): the API server refuses it; raise maxReplicas or lower minReplicas"));
    }
  }

  /** A whole number written as one. */
  static OptionalLong number(Node node) {
    if (node instanceof ScalarNode s && s.getValue().matches("[0-9]{1,18}")) {
      return OptionalLong.of(Long.parseLong(s.getValue()));
    }
    return OptionalLong.empty();
  }
}
