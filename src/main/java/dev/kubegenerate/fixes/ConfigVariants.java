package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.config.Position;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.render.ConfigWriter;
import dev.kubegenerate.yaml.NodeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A config with one thing more in one entry, rendering only what it can change ({@link Focus}): a
 * parameter set (on the entry, or under one cluster's override), or a patch added; the experiment
 * that tells whether a suggestion produces a hand edit. The new values are written as YAML and read
 * back as the config's own are, so a parameter is typed as the user's text would be.
 */
final class ConfigVariants {

  private ConfigVariants() {}

  /**
   * The config with {@code entry}'s parameter {@code name} set to {@code value}.
   *
   * @param cluster the override it goes under, empty for the entry itself
   */
  static Config withParameter(
      Config config, Focus focus, Optional<String> cluster, String name, Object value)
      throws InputException {
    Entry entry = focus.entry();
    Param param = new Param(name, node(name, config), node(value, config));
    Map<String, Param> params = new LinkedHashMap<>(entry.params());
    Map<String, Map<String, Param>> overrides = new LinkedHashMap<>(entry.overrides());
    Map<String, Node> overrideKeys = new LinkedHashMap<>(entry.overrideKeys());
    if (cluster.isEmpty()) {
      params.put(name, param);
    } else {
      Map<String, Param> own = new LinkedHashMap<>(overrides.getOrDefault(cluster.get(), Map.of()));
      own.put(name, param);
      overrides.put(cluster.get(), own);
      if (!overrideKeys.containsKey(cluster.get())) {
        overrideKeys.put(cluster.get(), node(cluster.get(), config));
      }
    }
    return focus.config(
        config,
        new Entry(
            entry.template(),
            entry.templateNode(),
            params,
            entry.clusters(),
            overrides,
            overrideKeys,
            entry.subdir(),
            entry.patches(),
            entry.overridePatches()));
  }

  /**
   * The config with a strategic merge patch of one object added to {@code entry}'s patches, after
   * the ones it has.
   *
   * @param cluster the override it goes under, empty for the entry itself
   */
  static Config withPatch(
      Config config,
      Focus focus,
      Optional<String> cluster,
      String kind,
      String name,
      Map<String, Object> merge) {
    Patch patch =
        new Patch(
            kind,
            Optional.of(name),
            Optional.of(merge),
            Optional.empty(),
            new Position(0, 0),
            List.of(),
            cluster);
    Entry entry = focus.entry();
    List<Patch> patches = new ArrayList<>(entry.patches());
    Map<String, List<Patch>> overridePatches = new LinkedHashMap<>(entry.overridePatches());
    if (cluster.isEmpty()) {
      patches.add(patch);
    } else {
      List<Patch> own = new ArrayList<>(overridePatches.getOrDefault(cluster.get(), List.of()));
      own.add(patch);
      overridePatches.put(cluster.get(), own);
    }
    return focus.config(
        config,
        new Entry(
            entry.template(),
            entry.templateNode(),
            entry.params(),
            entry.clusters(),
            entry.overrides(),
            entry.overrideKeys(),
            entry.subdir(),
            patches,
            overridePatches));
  }

  /** The value of a parameter as the config writes it at one level, empty when it sets none. */
  static Optional<Object> written(Entry entry, Optional<String> cluster, String name) {
    Param p =
        cluster.isEmpty()
            ? entry.params().get(name)
            : entry.overrides().getOrDefault(cluster.get(), Map.of()).get(name);
    if (p == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(NodeValues.toJava(p.value()));
    } catch (NodeValues.ValueException e) {
      return Optional.empty();
    }
  }

  private static Node node(Object value, Config config) throws InputException {
    return dev.kubegenerate.yaml.YamlNodes.compose(ConfigWriter.oneLine(value), config.shownAs())
        .orElseThrow(() -> new InputException(List.of()));
  }
}
