package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Suggestions;
import dev.kubegenerate.template.ParameterSpec;
import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.NodeValues;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an entry's parameters against its template and merges them per cluster, lowest precedence
 * first: template defaults, {@code values}, the entry, {@code overrides.<cluster>}.
 */
final class ParameterResolver {

  private final Config config;
  private final Collection<Problem> problems;

  /** What {@link #typed} gives for a parameter the config sets to null, until it is merged. */
  private static final Object EXPLICIT_NULL = new Object();

  /**
   * The context variable listing the parameters set to null, for a body whose default is computed
   * (a namespace that defaults to the app's name, say) to tell "not given" from "left out".
   */
  static final String UNSET = "unset";

  /** Whether the entry being resolved opts out of pinned images ({@code imagePinned: false}). */
  private boolean unpinnedAllowed;

  /** Parameters whose value was reported as wrong: not "missing" on top of that. */
  private final java.util.Set<String> invalid = new java.util.HashSet<>();

  ParameterResolver(Config config, Collection<Problem> problems) {
    this.config = config;
    this.problems = problems;
  }

  /** The parameters for each targeted cluster, or empty when the entry has errors. */
  Optional<Map<String, Map<String, Object>>> resolve(
      Entry entry, TemplateSpec template, List<String> clusters) {
    int before = problems.size();
    invalid.clear();
    unpinnedAllowed =
        isFalse(entry.params().get("imagePinned")) || isFalse(config.values().get("imagePinned"));
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : config.values().values()) {
      // values apply to every template that declares them, and are ignored by the others
      template
          .parameter(p.name())
          .flatMap(spec -> typed(p, spec, template, versions(config.clusters())))
          .ifPresent(v -> values.put(p.name(), v));
    }
    Map<String, Object> own = typedParams(entry.params(), template, "", versions(clusters));
    Map<String, Map<String, Object>> byCluster = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Param>> o : entry.overrides().entrySet()) {
      if (!clusters.contains(o.getKey())) {
        // overrides for a cluster the entry does not target are kept for when it does again
        // (a cluster removed for a while); only a likely misspelling of a targeted one is an error
        if (!Suggestions.nearest(o.getKey(), clusters).isEmpty()) {
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  entry.overrideKeys().get(o.getKey()),
                  "overrides for cluster \""
                      + o.getKey()
                      + "\", which this entry does not target"
                      + Suggestions.didYouMean(o.getKey(), clusters)));
        }
        typedParams(o.getValue(), template, "overrides." + o.getKey() + ".", List.of());
        continue;
      }
      byCluster.put(
          o.getKey(),
          typedParams(
              o.getValue(),
              template,
              "overrides." + o.getKey() + ".",
              versions(List.of(o.getKey()))));
    }
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String cluster : clusters) {
      Map<String, Object> merged = new LinkedHashMap<>();
      for (ParameterSpec spec : template.parameters()) {
        merged.put(spec.name(), spec.defaultValue());
      }
      java.util.Set<String> unset = new java.util.TreeSet<>();
      for (Map<String, Object> level :
          List.of(values, own, byCluster.getOrDefault(cluster, Map.of()))) {
        level.forEach(
            (name, value) -> {
              if (value == EXPLICIT_NULL) {
                unset.add(name);
              } else {
                unset.remove(name);
              }
            });
        mergeInto(merged, level);
      }
      unset.forEach(name -> merged.put(name, null));
      for (ParameterSpec spec : template.parameters()) {
        if (spec.required()
            && merged.get(spec.name()) == null
            && !missing.contains(spec.name())
            && !invalid.contains(spec.name())) {
          missing.add(spec.name());
        }
      }
      merged.put(UNSET, new dev.kubegenerate.engine.NameList(List.copyOf(unset)));
      podLabelsOnSelector(entry, merged);
      out.put(cluster, merged);
    }
    for (String name : missing) {
      problems.add(
          YamlNodes.at(
              config.shownAs(),
              entry.templateNode(),
              "missing required parameter \""
                  + name
                  + "\" for template "
                  + template.name()
                  + " ("
                  + template.parameter(name).map(ParameterSpec::description).orElse("")
                  + ")"));
    }
    return problems.size() == before ? Optional.of(out) : Optional.empty();
  }

  /**
   * Pods always carry their selector's labels, or the workload would select none of them: {@code
   * podLabels} setting one of them to another value is an error at its key, once per entry.
   */
  private void podLabelsOnSelector(Entry entry, Map<String, Object> merged) {
    if (!(merged.get("podLabels") instanceof Map<?, ?> podLabels)) {
      return;
    }
    java.util.Set<String> selectorKeys =
        merged.get("selectorLabels") instanceof Map<?, ?> given
            ? new java.util.TreeSet<>(given.keySet().stream().map(String::valueOf).toList())
            : new java.util.TreeSet<>(
                List.of("app.kubernetes.io/name", "app.kubernetes.io/component"));
    for (Object key : podLabels.keySet()) {
      if (selectorKeys.contains(String.valueOf(key)) && invalid.add("podLabels")) {
        Param at = entry.params().get("podLabels");
        problems.add(
            YamlNodes.at(
                config.shownAs(),
                at != null ? at.value() : entry.templateNode(),
                "podLabels may not set "
                    + key
                    + ": the workload's selector matches it; set selectorLabels to choose the"
                    + " labels the selector matches"));
      }
    }
  }

  private static boolean isFalse(Param p) {
    return p != null
        && p.value() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s
        && s.getValue().equals("false");
  }

  /** The distinct Kubernetes versions of some clusters, which object parameters are checked for. */
  private java.util.Set<KubernetesVersion> versions(List<String> clusters) {
    java.util.Set<KubernetesVersion> out = new java.util.LinkedHashSet<>();
    clusters.forEach(c -> out.add(ClusterValidators.versionOf(config, c)));
    return out;
  }

  private Map<String, Object> typedParams(
      Map<String, Param> params,
      TemplateSpec template,
      String prefix,
      Collection<KubernetesVersion> versions) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param p : params.values()) {
      Optional<ParameterSpec> spec = template.parameter(p.name());
      if (spec.isEmpty()) {
        List<String> known = new ArrayList<>(template.parameterNames());
        if (prefix.isEmpty()) {
          known.addAll(Entry.RESERVED_KEYS);
        }
        problems.add(
            YamlNodes.at(
                config.shownAs(),
                p.key(),
                "unknown parameter \""
                    + prefix
                    + p.name()
                    + "\" for template "
                    + template.name()
                    + Suggestions.didYouMean(p.name(), known)));
        continue;
      }
      int problemsBefore = problems.size();
      typed(p, spec.get(), template, versions).ifPresent(v -> out.put(p.name(), v));
      if (problems.size() > problemsBefore) {
        invalid.add(p.name());
      }
    }
    return out;
  }

  private Optional<Object> typed(
      Param p, ParameterSpec spec, TemplateSpec template, Collection<KubernetesVersion> versions) {
    Object raw;
    try {
      // strings, and the items of lists and maps of strings, keep the text as written
      raw =
          switch (spec.type()) {
            // a list of Kubernetes objects keeps its numbers (defaultMode: 420)
            case LIST ->
                spec.kubernetesType() != null
                    ? NodeValues.toJava(p.value())
                    : NodeValues.toJavaText(p.value());
            case STRING, MAP, ENV, IMAGE, ENUM -> NodeValues.toJavaText(p.value());
            default -> NodeValues.toJava(p.value());
          };
    } catch (NodeValues.ValueException e) {
      problems.add(YamlNodes.at(config.shownAs(), e.node(), e.getMessage()));
      invalid.add(p.name());
      return Optional.empty();
    }
    if (raw == null) {
      // null means "not set": it takes away what a default or values would have put there
      if (!spec.nullable()) {
        problems.add(
            YamlNodes.at(
                config.shownAs(),
                p.value(),
                "parameter \""
                    + p.name()
                    + "\" of template "
                    + template.name()
                    + " cannot be null: "
                    + spec.description()));
        invalid.add(p.name());
        return Optional.empty();
      }
      return Optional.of(EXPLICIT_NULL);
    }
    Optional<Object> value =
        spec.type() == dev.kubegenerate.template.ParameterType.IMAGE
                && unpinnedAllowed
                && raw instanceof String
            ? Optional.of(raw)
            : spec.coerce(raw);
    if (value.isEmpty()) {
      problems.add(
          YamlNodes.at(
              config.shownAs(),
              p.value(),
              "parameter \""
                  + p.name()
                  + "\" of template "
                  + template.name()
                  + " "
                  + spec.mismatch(raw)));
      return Optional.empty();
    }
    if (unpinnedContainerImages(p, spec, template)) {
      return Optional.empty();
    }
    int before = problems.size();
    if (spec.type() == dev.kubegenerate.template.ParameterType.OBJECT) {
      unknownKeys(p, spec, template);
    }
    ObjectParameters.check(config, p, spec, template, versions, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    if ((p.name().equals("name") || p.name().equals("namespace") || p.name().equals("objectName"))
        && !Names.isDnsLabel((String) value.get())) {
      problems.add(
          YamlNodes.at(
              config.shownAs(),
              p.value(),
              p.name()
                  + " \""
                  + value.get()
                  + "\" is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63)"));
      return Optional.empty();
    }
    return value;
  }

  /**
   * Sidecars and init containers run images too: each must be pinned like the main one, or a
   * rollback restarts other code in them.
   */
  private boolean unpinnedContainerImages(Param p, ParameterSpec spec, TemplateSpec template) {
    if (unpinnedAllowed
        || !"io.k8s.api.core.v1.Container".equals(spec.kubernetesType())
        || !(p.value() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode list)) {
      return false;
    }
    boolean found = false;
    for (int i = 0; i < list.getValue().size(); i++) {
      if (!(list.getValue().get(i)
          instanceof org.snakeyaml.engine.v2.nodes.MappingNode container)) {
        continue;
      }
      for (org.snakeyaml.engine.v2.nodes.NodeTuple t : container.getValue()) {
        if (t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode key
            && key.getValue().equals("image")
            && t.getValueNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode image
            && dev.kubegenerate.template.ParameterType.IMAGE
                .coerce(image.getValue(), List.of(), false)
                .isEmpty()) {
          found = true;
          problems.add(
              YamlNodes.at(
                  config.shownAs(),
                  image,
                  p.name()
                      + "["
                      + i
                      + "].image of template "
                      + template.name()
                      + " "
                      + dev.kubegenerate.template.ParameterType.IMAGE.mismatch(
                          image.getValue(), List.of(), false)));
        }
      }
    }
    return found;
  }

  /** Reports each key of an object parameter that its declaration does not list, at the key. */
  private boolean unknownKeys(Param p, ParameterSpec spec, TemplateSpec template) {
    if (spec.allowed().isEmpty()
        || !(p.value() instanceof org.snakeyaml.engine.v2.nodes.MappingNode map)) {
      return false;
    }
    boolean found = false;
    for (org.snakeyaml.engine.v2.nodes.NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode key
          && !spec.allowed().contains(key.getValue())) {
        found = true;
        problems.add(
            YamlNodes.at(
                config.shownAs(),
                key,
                p.name()
                    + "."
                    + key.getValue()
                    + ": unknown key \""
                    + key.getValue()
                    + "\""
                    + Suggestions.didYouMean(key.getValue(), spec.allowed())
                    + "; "
                    + p.name()
                    + " of template "
                    + template.name()
                    + " takes "
                    + String.join(", ", spec.allowed())));
      }
    }
    return found;
  }

  /**
   * Maps merge key by key (so an override can add one variable, or set one to null to leave it
   * out); everything else replaces.
   */
  @SuppressWarnings("unchecked")
  static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
    for (Map.Entry<String, Object> e : source.entrySet()) {
      if (e.getValue() == EXPLICIT_NULL) {
        target.put(e.getKey(), null);
        continue;
      }
      Object old = target.get(e.getKey());
      if (old instanceof Map<?, ?> oldMap && e.getValue() instanceof Map<?, ?> newMap) {
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) oldMap);
        mergeInto(merged, (Map<String, Object>) newMap);
        target.put(e.getKey(), merged);
      } else {
        target.put(e.getKey(), e.getValue());
      }
    }
  }
}
