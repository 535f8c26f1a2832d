package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.template.TemplateLibrary;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an experiment on one entry renders: the entry, and every entry whose template makes no pods
 * (a ConfigMap's hash goes into the pods that read it), with the {@code values} their templates
 * declare. Another workload's files cannot change with this entry's parameters or patches, and
 * rendering only what can keeps an experiment to a fraction of a whole render. An entry that makes
 * no pods itself may change any pod's ConfigMap hash: then every entry is rendered.
 *
 * @param entry the entry experimented on
 * @param entries the entries rendered, in config order
 * @param lines the config lines of those entries, which their rendered files record
 * @param values the {@code values} those entries' templates declare
 */
record Focus(Entry entry, List<Entry> entries, Set<Integer> lines, Map<String, Param> values) {

  static Focus of(Config config, TemplateLibrary library, Entry entry) {
    boolean makesPods = makesPods(library, entry);
    List<Entry> entries = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (Entry e : config.entries()) {
      if (e == entry || !makesPods || !makesPods(library, e)) {
        entries.add(e);
        template(library, e).ifPresent(t -> declared.addAll(t.parameterNames()));
      }
    }
    Map<String, Param> values = new LinkedHashMap<>(config.values());
    values.keySet().retainAll(declared);
    Set<Integer> lines = new HashSet<>();
    entries.forEach(e -> lines.add(e.line()));
    return new Focus(entry, List.copyOf(entries), Set.copyOf(lines), values);
  }

  private static boolean makesPods(TemplateLibrary library, Entry e) {
    // an unknown template fails the whole render before any suggestion is looked for
    return template(library, e).map(TemplateSpec::createsPods).orElse(true);
  }

  private static Optional<TemplateSpec> template(TemplateLibrary library, Entry e) {
    try {
      return library.get(e.template());
    } catch (InputException ex) {
      return Optional.empty();
    }
  }

  /** The config that renders only these entries, with {@code with} in place of the entry. */
  Config config(Config config, Entry with) {
    List<Entry> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e == entry ? with : e));
    return new Config(
        config.file(),
        config.shownAs(),
        config.folder(),
        config.app(),
        config.outputDir(),
        config.clusters(),
        config.templateDirs(),
        values,
        config.handwritten(),
        config.manualAnnotation(),
        out,
        config.kubernetesVersion(),
        config.clusterVersions(),
        config.schemaDirs());
  }
}
