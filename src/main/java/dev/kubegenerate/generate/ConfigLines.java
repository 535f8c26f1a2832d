package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where in kube-generate.yaml a rendered file's warning is fixed: the line of the first of the
 * rule's parameters the config sets for the file's cluster ({@code overrides.<cluster>}, then the
 * entry, then {@code values}), else the entry's own line. A warning of {@code --update} and of the
 * check names it, so the reader goes to the config, not to the generated file.
 */
final class ConfigLines {

  private ConfigLines() {}

  /** The parameters that decide what each rule warns about, in the order a fix looks at them. */
  private static final Map<Violation.Rule, List<String>> PARAMETERS =
      Map.of(
          Violation.Rule.PRESTOP_GRACE,
          List.of("preStopSleep", "terminationGracePeriodSeconds", "lifecycle"),
          Violation.Rule.PDB_BLOCKS_DRAIN,
          List.of("minAvailable", "maxUnavailable", "replicas", "disruptionBudget"));

  /** {@code violations} with the config's line added to each warning {@code --update} shows. */
  static List<Violation> located(
      Config config, Entry entry, String cluster, List<Violation> violations) {
    List<Violation> out = null;
    for (int i = 0; i < violations.size(); i++) {
      Violation v = violations.get(i);
      if (!v.rule().warnsAtUpdate()) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(violations);
      }
      out.set(
          i,
          new Violation(
              v.rule(),
              v.severity(),
              v.line(),
              v.column(),
              v.path(),
              v.message()
                  + " ("
                  + config.shownAs()
                  + " line "
                  + line(config, entry, cluster, PARAMETERS.getOrDefault(v.rule(), List.of()))
                  + ")"));
    }
    return out == null ? violations : out;
  }

  /** The line of the first parameter of {@code names} the config sets, else the entry's. */
  static int line(Config config, Entry entry, String cluster, List<String> names) {
    for (String name : names) {
      for (Map<String, Param> level :
          List.of(
              entry.overrides().getOrDefault(cluster, Map.of()), entry.params(), config.values())) {
        Param p = level.get(name);
        if (p != null) {
          return YamlNodes.line(p.key());
        }
      }
    }
    return entry.line();
  }
}
