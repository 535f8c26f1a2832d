package dev.kubegenerate.kubernetes;

import java.util.regex.Pattern;

/** Paths of fields as reviewers read them: {@code spec.containers[0].image}, {@code metadata.labels["app.kubernetes.io/name"]}. */
final class FieldPath {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$-]+");

  private FieldPath() {}

  /** The path of field {@code name} of the object at {@code parent}. */
  static String field(String parent, String name) {
    if (!PLAIN.matcher(name).matches()) {
      return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
