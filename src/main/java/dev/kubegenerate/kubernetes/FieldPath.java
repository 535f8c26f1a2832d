package dev.kubegenerate.kubernetes;

import java.util.regex.Pattern;

/**
 * The path of a field as reviewers read it: {@code spec.containers[0].image}, {@code
 * metadata.labels["app.kubernetes.io/name"]}. Built segment by segment while validating and turned
 * into text only for a violation, since almost every field is valid.
 */
final class FieldPath {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$-]+");

  private final FieldPath parent;
  private final String field;
  private final int index;

  private FieldPath(FieldPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /** A root with a path of its own ({@code resources}), or none. */
  static FieldPath root(String prefix) {
    return new FieldPath(null, prefix, -1);
  }

  /** The path of field {@code name} of the object at this path. */
  FieldPath field(String name) {
    return new FieldPath(this, name, -1);
  }

  /** The path of item {@code i} of the list at this path. */
  FieldPath index(int i) {
    return new FieldPath(this, null, i);
  }

  /** Appends field {@code name} to the text of a parent path. */
  static String field(String parent, String name) {
    StringBuilder b = new StringBuilder(parent);
    appendField(b, name);
    return b.toString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    append(b);
    return b.toString();
  }

  private void append(StringBuilder b) {
    if (parent == null) {
      b.append(field);
      return;
    }
    parent.append(b);
    if (field == null) {
      b.append('[').append(index).append(']');
    } else {
      appendField(b, field);
    }
  }

  private static void appendField(StringBuilder b, String name) {
    if (!PLAIN.matcher(name).matches()) {
      b.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
    } else {
      b.append(b.length() == 0 ? "" : ".").append(name);
    }
  }
}
