package dev.kubegenerate.objects;

import dev.kubegenerate.model.ObjectImpact.Change;
import java.util.List;
import java.util.Optional;

/**
 * How one object differs between two sets of objects.
 *
 * @param id the object
 * @param change created (only after), deleted (only before) or updated
 * @param fields JSON pointers of the changed fields of an updated object, in the new object's order
 *     (removed fields and items after); empty otherwise
 * @param before the object before, empty when created
 * @param after the object after, empty when deleted
 */
public record ObjectChange(
    ObjectId id,
    Change change,
    List<String> fields,
    Optional<ManifestObject> before,
    Optional<ManifestObject> after) {

  public ObjectChange {
    fields = List.copyOf(fields);
  }
}
