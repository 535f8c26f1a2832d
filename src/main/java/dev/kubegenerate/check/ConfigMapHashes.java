package dev.kubegenerate.check;

import dev.kubegenerate.render.ContentHash;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;

/**
 * The content hash of every ConfigMap a config renders, so a pod template that reads one (through
 * {@code envFromConfigMaps}, {@code envFrom} or a volume) carries its hash and rolls when the data
 * changes: Kubernetes does not restart pods for a changed ConfigMap.
 */
final class ConfigMapHashes {

  private final Map<String, String> byKey = new HashMap<>();

  /** Records the ConfigMaps in {@code file} (other kinds are skipped without parsing). */
  void add(RenderedFile file) {
    if (!file.content().contains("kind: ConfigMap")) {
      return;
    }
    for (Object doc :
        new Load(YamlNodes.safeSettings(file.path().toString()))
            .loadAllFromString(file.content())) {
      if (doc instanceof Map<?, ?> object
          && "ConfigMap".equals(object.get("kind"))
          && object.get("metadata") instanceof Map<?, ?> metadata) {
        Map<String, Object> content = new TreeMap<>();
        content.put("data", object.get("data"));
        content.put("binaryData", object.get("binaryData"));
        byKey.put(
            key(
                file.cluster(),
                String.valueOf(metadata.get("namespace")),
                String.valueOf(metadata.get("name"))),
            ContentHash.of(content));
      }
    }
  }

  /**
   * One hash of the rendered ConfigMaps a pod's parameters name, or null when they name none of
   * this config's. Names are sorted so reordering {@code envFrom} does not roll the pods.
   */
  String forPod(String cluster, String namespace, Map<String, Object> params) {
    TreeMap<String, String> used = new TreeMap<>();
    for (String name : referencedNames(params)) {
      String hash = byKey.get(key(cluster, namespace, name));
      if (hash != null) {
        used.put(name, hash);
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
