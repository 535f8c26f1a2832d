package dev.kubegenerate.objects;

import dev.kubegenerate.model.ObjectImpact.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two sets of Kubernetes objects, matched by {@link ObjectId}: which are created, which
 * deleted, and which fields of the others change. An object in both sets with equal content is no
 * change, wherever its file, its key order or its comments.
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Every object that differs: created and updated ones in the order of {@code after}, then deleted
   * ones in the order of {@code before}. Of an object given twice, the last counts (as {@code
   * kubectl apply} leaves it).
   */
  public static List<ObjectChange> compare(
      List<ManifestObject> before, List<ManifestObject> after, CompareOptions options) {
    Map<ObjectId, ManifestObject> was = byId(before);
    Map<ObjectId, ManifestObject> now = byId(after);
    List<ObjectChange> out = new ArrayList<>();
    for (ManifestObject n : now.values()) {
      ManifestObject w = was.get(n.id());
      if (w == null) {
        out.add(
            new ObjectChange(n.id(), Change.CREATED, List.of(), Optional.empty(), Optional.of(n)));
        continue;
      }
      List<String> fields = fields(w, n, options);
      if (!fields.isEmpty()) {
        out.add(new ObjectChange(n.id(), Change.UPDATED, fields, Optional.of(w), Optional.of(n)));
      }
    }
    for (ManifestObject w : was.values()) {
      if (!now.containsKey(w.id())) {
        out.add(
            new ObjectChange(w.id(), Change.DELETED, List.of(), Optional.of(w), Optional.empty()));
      }
    }
    return out;
  }

  /** The changed fields of one object, as JSON pointers; empty when the two are equal. */
  public static List<String> fields(
      ManifestObject before, ManifestObject after, CompareOptions options) {
    return FieldDiff.of(before, after, options);
  }

  private static Map<ObjectId, ManifestObject> byId(List<ManifestObject> objects) {
    Map<ObjectId, ManifestObject> out = new LinkedHashMap<>();
    objects.forEach(o -> out.put(o.id(), o));
    return out;
  }
}
