package dev.kubegenerate.fixes;

import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.model.ObjectImpact.Change;
import dev.kubegenerate.objects.ApiMergeKeys;
import dev.kubegenerate.objects.CompareOptions;
import dev.kubegenerate.objects.Comparison;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.Manifests;
import dev.kubegenerate.objects.ObjectChange;
import dev.kubegenerate.objects.ObjectId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a hand edit changed in one generated file, object by object, as the API server stores the
 * objects (quantities and int-or-string by value, merge-keyed lists by key): the fields of each
 * object both sides hold, and the objects only one side holds.
 *
 * @param fields every changed field of an object both sides hold
 * @param added objects only the committed file holds
 * @param removed objects only the render holds
 */
record FileEdits(List<FieldEdit> fields, List<ObjectId> added, List<ManifestObject> removed) {

  /**
   * The edits between a render and the committed text, empty when either is not Kubernetes objects.
   */
  static Optional<FileEdits> of(String rendered, String committed, String cluster, String file) {
    Manifests.Parsed was = Manifests.read(rendered, cluster, file);
    Manifests.Parsed now = Manifests.read(committed, cluster, file);
    if (!was.problems().isEmpty() || !now.problems().isEmpty()) {
      return Optional.empty();
    }
    List<FieldEdit> fields = new ArrayList<>();
    List<ObjectId> added = new ArrayList<>();
    List<ManifestObject> removed = new ArrayList<>();
    for (ObjectChange c : Comparison.compare(was.objects(), now.objects(), OPTIONS)) {
      if (c.change() == Change.CREATED) {
        added.add(c.id());
      } else if (c.change() == Change.DELETED) {
        removed.add(c.before().orElseThrow());
      } else {
        for (String pointer : c.fields()) {
          fields.add(field(c.after().orElseThrow(), c.before().orElseThrow(), pointer));
        }
      }
    }
    return Optional.of(new FileEdits(fields, added, removed));
  }

  /** How objects are compared: as the API server stores them. */
  static final CompareOptions OPTIONS = CompareOptions.byValues();

  /**
   * Where a render differs from the committed objects: {@code id pointer} per changed field, {@code
   * id} per object on one side only. A render whose text is no objects differs everywhere.
   */
  static Set<String> differences(String rendered, List<ManifestObject> committed, String cluster) {
    Manifests.Parsed was = Manifests.read(rendered, cluster, "");
    Set<String> out = new HashSet<>();
    if (!was.problems().isEmpty()) {
      out.add("*");
      return out;
    }
    for (ObjectChange c : Comparison.compare(was.objects(), committed, OPTIONS)) {
      if (c.change() != Change.UPDATED) {
        out.add(c.id().toString());
      } else {
        c.fields().forEach(p -> out.add(c.id() + " " + p));
      }
    }
    return out;
  }

  /** The committed objects of a text, empty when it is not Kubernetes objects. */
  static List<ManifestObject> objects(String text, String cluster) {
    Manifests.Parsed parsed = Manifests.read(text, cluster, "");
    return parsed.problems().isEmpty() ? parsed.objects() : List.of();
  }

  /** The values one changed field has on each side, walking both objects in step. */
  private static FieldEdit field(
      ManifestObject committed, ManifestObject rendered, String pointer) {
    Object c = committed.body();
    Object r = rendered.body();
    StringBuilder pattern = new StringBuilder();
    List<String> tokens = JsonPointer.tokens(pointer);
    for (int i = 0; i < tokens.size() && (c != null || r != null); i++) {
      String token = tokens.get(i);
      boolean last = i == tokens.size() - 1;
      boolean inList = c instanceof List<?> || r instanceof List<?>;
      List<String> keys =
          inList
              ? ApiMergeKeys.NEWEST.of(
                  committed.apiVersion(), committed.id().kind(), pattern.toString())
              : List.of();
      if (keys.isEmpty()) {
        c = Values.step(c, token);
        r = Values.step(r, token);
      } else {
        // an index names the committed item, or, for an item the edit removed, the rendered one
        Object item = Values.step(c, token);
        Object match = item == null ? null : byKey(r, item, keys);
        Object renderedItem = Values.step(r, token);
        Object renderedMatch = renderedItem == null ? null : byKey(c, renderedItem, keys);
        if (last && item != null && match == null) {
          c = item; // added
          r = null;
        } else if (last && renderedItem != null && renderedMatch == null) {
          c = null; // removed
          r = renderedItem;
        } else if (item != null && match != null) {
          c = item;
          r = match;
        } else {
          c = renderedMatch;
          r = renderedItem;
        }
      }
      pattern.append(inList ? "/*" : JsonPointer.append("", token));
    }
    // every field of a Secret, not only data and stringData: where Kubernetes' reader and ours
    // disagree (a byte-order mark or U+2028 inside the file) a value Kubernetes files under
    // stringData may sit under another key for us, and must not be shown there either
    boolean secret = committed.id().kind().equals("Secret") && committed.id().group().isEmpty();
    return new FieldEdit(
        committed, rendered, pointer, Optional.ofNullable(r), Optional.ofNullable(c), secret);
  }

  /** The item of {@code list} whose merge keys equal {@code like}'s, or null. */
  static Object byKey(Object list, Object like, List<String> keys) {
    if (!(list instanceof List<?> items) || !(like instanceof Map<?, ?> wanted)) {
      return null;
    }
    for (Object item : items) {
      if (item instanceof Map<?, ?> m
          && keys.stream().allMatch(k -> sameKey(m.get(k), wanted.get(k)))) {
        return item;
      }
    }
    return null;
  }

  private static boolean sameKey(Object a, Object b) {
    return a != null && b != null && Values.same(a, b);
  }
}
