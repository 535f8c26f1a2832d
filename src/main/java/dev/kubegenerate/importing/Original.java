package dev.kubegenerate.importing;

import dev.kubegenerate.model.ManifestPath;
import java.util.Map;
import java.util.Optional;

/**
 * One object of an app's existing manifests.
 *
 * @param cluster the cluster folder it is in
 * @param file the file that holds it
 * @param index its place among the file's documents, from 0
 * @param body the object, as Kubernetes reads it
 */
public record Original(String cluster, ManifestPath file, int index, Map<String, Object> body) {

  public String apiVersion() {
    return String.valueOf(body.get("apiVersion"));
  }

  public String kind() {
    return String.valueOf(body.get("kind"));
  }

  public String name() {
    return String.valueOf(Maps.at(body, "metadata", "name"));
  }

  /** {@code metadata.namespace}, empty when the object has none. */
  public Optional<String> namespace() {
    return Optional.ofNullable(Maps.at(body, "metadata", "namespace")).map(String::valueOf);
  }

  /** Who the object is in its cluster, whatever file holds it. */
  String key() {
    return kind() + "/" + namespace().orElse("") + "/" + name();
  }

  /** {@code Deployment shop/web}, as the residual shows it. */
  public String shown() {
    return kind() + " " + namespace().map(n -> n + "/").orElse("") + name();
  }
}
