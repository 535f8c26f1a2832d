package dev.kubegenerate.generate;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content hash of every ConfigMap a config renders, so a pod template that reads one (through
 * {@code envFromConfigMaps}, {@code envFrom} or a volume) carries its hash and rolls when the data
 * changes: Kubernetes does not restart pods for a changed ConfigMap.
 */
final class ConfigMapHashes {

  private final Map<String, Source> byKey = new HashMap<>();

  /**
   * A rendered ConfigMap's hash and where it came from: a pod that carries the hash depends on what
   * the ConfigMap's render read (SPEC §8.6).
   *
   * @param hash the content hash of its data
   * @param entry the entry that renders it
   * @param reads the config keys its render read
   */
  record Source(String hash, dev.kubegenerate.config.Entry entry, List<String> reads) {}

  /**
   * The ConfigMaps of each body read so far: a ConfigMap usually renders the same for every
   * cluster, and is then read and hashed once.
   */
  private final Map<String, List<Found>> byBody = new HashMap<>();

  /** A ConfigMap's namespace and name as its file states them, and its content hash. */
  private record Found(String namespace, String name, String hash) {}

  /**
   * Records the ConfigMaps in {@code file} (other kinds are skipped without parsing).
   *
   * @param body the file's content after its marker lines, which are comments
   * @param entry the entry that renders it
   */
  void add(RenderedFile file, String body, dev.kubegenerate.config.Entry entry) {
    if (!body.contains("kind: ConfigMap")) {
      return;
    }
    for (Found found : byBody.computeIfAbsent(body, b -> read(file))) {
      byKey.put(
          key(file.cluster(), found.namespace(), found.name()),
          new Source(found.hash(), entry, file.inputs().reads()));
    }
  }

  /** The ConfigMap of this config called {@code name} in a cluster and namespace, if any. */
  Optional<Source> source(String cluster, String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(cluster, namespace, name)));
  }

  /**
   * The config keys a pod's ConfigMap hash depends on: the parameters that name ConfigMaps and the
   * namespace, {@code configMap/<name>} for each ConfigMap named, and {@code
   * configMap/<name>/<key>} for each key the render of one this config renders read.
   */
  java.util.Set<String> reads(String cluster, String namespace, Map<String, Object> params) {
    java.util.Set<String> out =
        new java.util.TreeSet<>(
            List.of("app", "envFrom", "envFromConfigMaps", "namespace", "volumes"));
    for (String name : referencedNames(params)) {
      String prefix = InputsFingerprint.CONFIG_MAP + name;
      out.add(prefix);
      Source source = byKey.get(key(cluster, namespace, name));
      if (source != null) {
        source.reads().forEach(read -> out.add(prefix + "/" + read));
      }
    }
    return out;
  }

  private static List<Found> read(RenderedFile file) {
    List<Found> out = new ArrayList<>();
    for (Object doc :
        // the tool's own canonical text, read with the same depth limit as every other text
        YamlNodes.loader(YamlNodes.safeSettings(file.path().toString()))
            .loadAllFromString(file.content())) {
      if (doc instanceof Map<?, ?> object
          && "ConfigMap".equals(object.get("kind"))
          && object.get("metadata") instanceof Map<?, ?> metadata) {
        Map<String, Object> content = new TreeMap<>();
        content.put("data", object.get("data"));
        content.put("binaryData", object.get("binaryData"));
        out.add(
            new Found(
                String.valueOf(metadata.get("namespace")),
                String.valueOf(metadata.get("name")),
                ContentHash.of(content)));
      }
    }
    return out;
  }

  /**
   * One hash of the rendered ConfigMaps a pod's parameters name, or null when they name none of
   * this config's. Names are sorted so reordering {@code envFrom} does not roll the pods.
   */
  String forPod(String cluster, String namespace, Map<String, Object> params) {
    TreeMap<String, String> used = new TreeMap<>();
    for (String name : referencedNames(params)) {
      Source source = byKey.get(key(cluster, namespace, name));
      if (source != null) {
        used.put(name, source.hash());
      }
    }
    return used.isEmpty()
        ? null
        : used.size() == 1 ? used.firstEntry().getValue() : ContentHash.of(used);
  }

  /** ConfigMap names in the shared pod parameters: envFromConfigMaps, envFrom, volumes. */
  static List<String> referencedNames(Map<String, Object> params) {
    List<String> names = new ArrayList<>();
    if (params.get("envFromConfigMaps") instanceof List<?> list) {
      list.forEach(n -> names.add(String.valueOf(n)));
    }
    if (params.get("envFrom") instanceof List<?> list) {
      list.forEach(source -> addRef(source, "configMapRef", names));
    }
    if (params.get("volumes") instanceof List<?> volumes) {
      for (Object volume : volumes) {
        addRef(volume, "configMap", names);
        if (volume instanceof Map<?, ?> v
            && v.get("projected") instanceof Map<?, ?> projected
            && projected.get("sources") instanceof List<?> sources) {
          sources.forEach(source -> addRef(source, "configMap", names));
        }
      }
    }
    return names;
  }

  private static void addRef(Object holder, String field, List<String> names) {
    if (holder instanceof Map<?, ?> m
        && m.get(field) instanceof Map<?, ?> ref
        && ref.get("name") instanceof String name) {
      names.add(name);
    }
  }

  private static String key(String cluster, String namespace, String name) {
    return cluster + "\n" + namespace + "\n" + name;
  }
}
