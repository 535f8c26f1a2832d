package dev.kubegenerate.objects;

import dev.kubegenerate.fast.RenderedYaml;
import dev.kubegenerate.kubernetes.KubectlYaml;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.GoScalars;
import dev.kubegenerate.yaml.InputText;
import dev.kubegenerate.yaml.KubernetesYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the objects of manifest text (one or more YAML documents, or JSON) as Kubernetes reads them
 * ({@link KubernetesYaml}, {@link KubectlYaml}): comments, the marker lines among them, key order
 * and quoting do not matter; a {@code List} kind stands for its items.
 */
public final class Manifests {

  private Manifests() {}

  /**
   * What a text holds.
   *
   * @param objects every object, in document order
   * @param problems why a document is no object (no {@code kind}, no {@code metadata.name}), or why
   *     the text could not be read at all: then {@code objects} is empty
   */
  public record Parsed(List<ManifestObject> objects, List<Problem> problems) {
    public Parsed {
      objects = List.copyOf(objects);
      problems = List.copyOf(problems);
    }
  }

  /**
   * The objects of {@code text}.
   *
   * @param cluster the cluster the objects are applied to, empty when none
   * @param file the file's repository path, for the objects and for problems
   */
  public static Parsed read(String text, String cluster, String file) {
    List<Object> documents;
    // what kube-generate writes, one document of plain block YAML, has a reader many times faster
    // than a general one; its plain scalars typed as go-yaml types them, it gives the same values
    Optional<Object> plain =
        text.length() > InputText.MAX_BYTES
            ? Optional.empty()
            : RenderedYaml.plainBlock(text, GoScalars::plain).flatMap(KubernetesYaml::asJson);
    if (plain.isPresent()) {
      documents = plain.get() == null ? List.of() : List.of(plain.get());
    } else {
      try {
        // kubectl's double-quoted escapes YAML 1.2 lacks (\', \L, \P) mean what kubectl reads
        documents = KubernetesYaml.documents(KubectlYaml.asYaml12(text), file);
      } catch (InputException e) {
        return new Parsed(List.of(), e.problems());
      }
    }
    List<ManifestObject> objects = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      add(documents.get(i), cluster, file, "document " + (i + 1), objects, problems);
    }
    return new Parsed(objects, problems);
  }

  private static void add(
      Object document,
      String cluster,
      String file,
      String where,
      List<ManifestObject> objects,
      List<Problem> problems) {
    if (!(document instanceof Map<?, ?> raw)) {
      problems.add(Problem.of(file, where + " is not a Kubernetes object (a map)"));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) raw;
    String apiVersion = text(map.get("apiVersion"));
    String kind = text(map.get("kind"));
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      problems.add(Problem.of(file, where + " has no apiVersion or kind"));
      return;
    }
    if (kind.endsWith("List") && map.get("items") instanceof List<?> items) {
      // kubectl applies each item of a list kind (v1 List, DeploymentList, ...) as an object
      for (int i = 0; i < items.size(); i++) {
        add(items.get(i), cluster, file, where + " item " + (i + 1), objects, problems);
      }
      return;
    }
    Map<?, ?> metadata = map.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = text(metadata.get("name"));
    if (name.isEmpty()) {
      problems.add(Problem.of(file, where + " (" + kind + ") has no metadata.name"));
      return;
    }
    ObjectId id =
        new ObjectId(
            cluster, ObjectId.groupOf(apiVersion), kind, text(metadata.get("namespace")), name);
    objects.add(new ManifestObject(id, apiVersion, map, file));
  }

  private static String text(Object value) {
    return value instanceof String s ? s : "";
  }
}
