package dev.kubegenerate.importing;

import dev.kubegenerate.check.CommittedFile;
import dev.kubegenerate.check.CommittedFiles;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An app's existing manifests: every object under {@code <outputDir>/<cluster>/}, read as
 * Kubernetes reads it and as the API server stores it (no {@code status}, no fields the server
 * sets, no null or empty value), and every file that holds none kube-generate can take over.
 *
 * @param clusters the cluster folders, sorted
 * @param objects every object, by file and document order
 * @param unreadable files that could not be read as objects, with the reason
 * @param texts each file's text
 */
public record Originals(
    List<String> clusters,
    List<Original> objects,
    Map<ManifestPath, String> unreadable,
    Map<ManifestPath, String> texts) {

  /** Metadata the API server sets, which an object as written never has. */
  private static final List<String> SERVER_METADATA =
      List.of(
          "creationTimestamp", "resourceVersion", "uid", "generation", "managedFields", "selfLink");

  static Originals read(Path root, ManifestPath outputDir) throws InputException {
    TreeSet<String> clusters = new TreeSet<>();
    List<Original> objects = new ArrayList<>();
    Map<ManifestPath, String> unreadable = new LinkedHashMap<>();
    Map<ManifestPath, String> texts = new LinkedHashMap<>();
    for (CommittedFile file : CommittedFiles.list(root, outputDir)) {
      String rest = file.path().value().substring(outputDir.value().length() + 1);
      int slash = rest.indexOf('/');
      if (slash < 0) {
        unreadable.put(file.path(), "not in a cluster folder");
        continue;
      }
      String cluster = rest.substring(0, slash);
      clusters.add(cluster);
      if (file.text().isEmpty()) {
        unreadable.put(file.path(), file.unreadable().orElse("it cannot be read"));
        continue;
      }
      texts.put(file.path(), file.text().get());
      Manifests.Parsed parsed = Manifests.read(file.text().get(), cluster, file.path().value());
      if (!parsed.problems().isEmpty() || parsed.objects().isEmpty()) {
        unreadable.put(
            file.path(),
            parsed.problems().isEmpty()
                ? "it holds no Kubernetes object"
                : parsed.problems().get(0).message());
        continue;
      }
      int index = 0;
      for (ManifestObject o : parsed.objects()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) stored(o.body());
        objects.add(new Original(cluster, file.path(), index++, body));
      }
    }
    return new Originals(List.copyOf(clusters), objects, unreadable, texts);
  }

  /** The object as the API server stores it: what it sets itself, nulls and empties left out. */
  private static Object stored(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    copy.remove("status");
    Map<String, Object> meta = new LinkedHashMap<>(Maps.map(copy.get("metadata")));
    SERVER_METADATA.forEach(meta::remove);
    Map<String, Object> annotations = new LinkedHashMap<>(Maps.map(meta.get("annotations")));
    annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
    if (annotations.isEmpty()) {
      meta.remove("annotations");
    } else {
      meta.put("annotations", annotations);
    }
    copy.put("metadata", meta);
    return withoutEmpty(copy);
  }

  /**
   * Nulls and empty lists left out, recursively: the server stores them as absent. An empty map
   * stays: {@code emptyDir: {}} is a volume source; one that means nothing is a value the API
   * stores anyway ({@link ApiDefaults}).
   */
  static Object withoutEmpty(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = withoutEmpty(e.getValue());
        if (v != null) {
          out.put(String.valueOf(e.getKey()), v);
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        Object v = withoutEmpty(item);
        if (v != null) {
          out.add(v);
        }
      }
      return out.isEmpty() ? null : out;
    }
    return value;
  }
}
