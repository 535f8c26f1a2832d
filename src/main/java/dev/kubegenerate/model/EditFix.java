package dev.kubegenerate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What in the config would produce a hand edit of a generated file: a parameter of the entry (at
 * the entry, or for one cluster under its override), or a patch, each found by rendering the config
 * with it. A Secret's data is never carried: its fields name no value.
 *
 * @param object the edited object, e.g. {@code Deployment shop-web}
 * @param cluster the cluster of the edited file
 * @param fields the edited fields this fix produces, in the object's order
 * @param kind what the fix is
 * @param everyCluster whether the same edit is in the entry's files of all its clusters, so the fix
 *     goes on the entry itself, not under one cluster's override
 * @param entry the entry as messages name it: its {@code name}, else its {@code objectName}, else
 *     its template
 * @param named whether the entry has a {@code name} or an {@code objectName}
 * @param key for {@link Kind#KEY}: the config key, e.g. {@code overrides.production.replicas}; for
 *     {@link Kind#PATCH}: the list it goes in, {@code patches} or {@code
 *     overrides.production.patches}; else empty
 * @param value for {@link Kind#KEY}: the value to set, as JSON-like values
 * @param patch for {@link Kind#PATCH}: one item of {@code patches:} as YAML, ready to paste
 * @param line where in the config the fix goes: the key's line when it is set, else its override's
 *     or entry's line; 0 when nothing is suggested
 * @param alsoChanges other generated files the fix changes too (which {@code --update} rewrites)
 */
public record EditFix(
    String object,
    String cluster,
    List<Field> fields,
    Kind kind,
    boolean everyCluster,
    String entry,
    boolean named,
    String key,
    Optional<Object> value,
    String patch,
    int line,
    List<String> alsoChanges) {

  public EditFix {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
    alsoChanges = List.copyOf(alsoChanges);
  }

  /** What kind of fix it is. */
  public enum Kind {
    /** Set a parameter. */
    KEY,
    /** Add a patch. */
    PATCH,
    /** A Secret's data changed: nothing is suggested, and no value is shown. */
    SECRET,
    /** Neither a parameter nor a patch reproduces the edit. */
    NONE
  }

  /**
   * One edited field.
   *
   * @param pointer its JSON pointer in the committed object (in the rendered one when removed)
   * @param from the rendered value, empty when the edit added the field (or it is a Secret's)
   * @param to the committed value, empty when the edit removed the field (or it is a Secret's)
   */
  public record Field(String pointer, Optional<Object> from, Optional<Object> to) {}
}
