package dev.kubegenerate.objects;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kubernetes object of a manifest file, read as Kubernetes reads it.
 *
 * @param id who the object is
 * @param apiVersion as written, e.g. {@code apps/v1}
 * @param body the whole object as JSON-like values (maps, lists, String, Long, BigInteger, Double,
 *     Boolean, null), keys in the order written
 * @param file the repository path of the file that holds it
 */
public record ManifestObject(
    ObjectId id, String apiVersion, Map<String, Object> body, String file) {

  public ManifestObject {
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }
}
