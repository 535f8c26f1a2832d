package dev.kubegenerate.fixes;

import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.ObjectId;
import java.util.Optional;

/**
 * One field of one object that a hand edit changed: its value in the render and in the committed
 * file. A Secret's data is marked, and no renderer shows its values.
 *
 * @param committed the object as committed
 * @param rendered the object as today's render writes it
 * @param pointer the field's JSON pointer: into the committed object, or into the rendered one when
 *     the edit removed a list item
 * @param from the rendered value, empty when the edit added the field
 * @param to the committed value, empty when the edit removed the field
 * @param secret whether the field is a Secret's (any of its fields: see {@link FileEdits})
 */
record FieldEdit(
    ManifestObject committed,
    ManifestObject rendered,
    String pointer,
    Optional<Object> from,
    Optional<Object> to,
    boolean secret) {

  ObjectId id() {
    return committed.id();
  }

  /** The field as {@link FileEdits#differences} names it: {@code id pointer}. */
  String at() {
    return id() + " " + pointer;
  }

  /**
   * A value changed in place (a scalar, or a whole list or map): what a parameter can have
   * produced.
   */
  boolean inPlace() {
    return !secret && from.isPresent() && to.isPresent();
  }

  /** The edit as reports show it; a Secret's values left out. */
  EditFix.Field shown() {
    return secret
        ? new EditFix.Field(pointer, Optional.empty(), Optional.empty())
        : new EditFix.Field(pointer, from, to);
  }

  /** The same edit, compared across clusters: object, field and committed value. */
  String sameness() {
    ObjectId id = id();
    return id.group()
        + "/"
        + id.kind()
        + "/"
        + id.namespace()
        + "/"
        + id.name()
        + " "
        + pointer
        + " "
        + (secret ? "" : to.map(Values::canonical).orElse("-"));
  }
}
