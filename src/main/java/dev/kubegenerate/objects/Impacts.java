package dev.kubegenerate.objects;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import dev.kubegenerate.objects.ImpactPart.Placed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The impact of replacing committed files by their render, object by object: the objects of every
 * committed text against those of every rendered one, so an object that moves to another file is
 * compared, not deleted and created.
 */
public final class Impacts {

  private Impacts() {}

  /**
   * Every object the change of {@code files} creates, updates or deletes, objects whose content
   * stays left out: created and updated objects in the order they come after the change, then
   * deleted ones in the order they came before it. A file that holds the same objects before and
   * after is compared on its own; the others' objects (created, deleted or moved between files) are
   * matched across files.
   *
   * @param files files with their committed text (empty when new) and their render (empty when no
   *     entry produces them any more). A committed text Kubernetes could not read counts as holding
   *     no object.
   */
  public static List<ObjectImpact> of(List<FileResult> files) {
    // a release rewrites thousands of files: each is read and, most often, compared on its own,
    // on every core, keeping no object once compared
    List<Read> read = files.parallelStream().map(Impacts::read).toList();
    List<Placed> changed = new ArrayList<>();
    List<ManifestObject> before = new ArrayList<>();
    List<ManifestObject> after = new ArrayList<>();
    Map<ObjectId, Integer> firstBefore = new HashMap<>();
    Map<ObjectId, Integer> firstAfter = new HashMap<>();
    int placeBefore = 0;
    int placeAfter = 0;
    for (Read r : read) {
      for (Placed local : r.impacts()) {
        changed.add(new Placed(local.impact(), 0, placeAfter + local.place()));
      }
      placeBefore = firstPlaces(r.before(), placeBefore, before, firstBefore) + r.beforeHeld();
      placeAfter = firstPlaces(r.after(), placeAfter, after, firstAfter) + r.afterHeld();
    }
    List<Placed> deleted = new ArrayList<>();
    for (ObjectChange c : Comparison.compare(before, after, CompareOptions.exact())) {
      boolean gone = c.change() == Change.DELETED;
      (gone ? deleted : changed)
          .add(new Placed(Impact.of(c), 0, (gone ? firstBefore : firstAfter).get(c.id())));
    }
    return Placed.inOrder(changed, deleted);
  }

  /**
   * Adds a file's {@code objects}, which start at {@code from} among all, to {@code into},
   * remembering each one's first place; returns the place after them.
   */
  private static int firstPlaces(
      List<ManifestObject> objects,
      int from,
      List<ManifestObject> into,
      Map<ObjectId, Integer> first) {
    for (int i = 0; i < objects.size(); i++) {
      into.add(objects.get(i));
      first.putIfAbsent(objects.get(i).id(), from + i);
    }
    return from + objects.size();
  }

  /**
   * One file: its impacts (each with its object's place in the file) and how many objects it held
   * before and after, when it holds the same objects before and after; else its objects, to be
   * matched across files.
   */
  private record Read(
      List<Placed> impacts,
      int beforeHeld,
      int afterHeld,
      List<ManifestObject> before,
      List<ManifestObject> after) {}

  private static Read read(FileResult f) {
    String cluster = f.cluster().orElse("");
    String file = f.path().value();
    List<ManifestObject> before = objects(f.committed(), cluster, file);
    List<ManifestObject> after = objects(f.rendered(), cluster, file);
    if (!before.isEmpty() && ids(before).equals(ids(after))) {
      List<Placed> impacts = new ArrayList<>();
      for (ObjectChange c : Comparison.compare(before, after, CompareOptions.exact())) {
        impacts.add(new Placed(Impact.of(c), 0, placeOf(after, c.id())));
      }
      return new Read(impacts, before.size(), after.size(), List.of(), List.of());
    }
    return new Read(List.of(), 0, 0, before, after);
  }

  private static int placeOf(List<ManifestObject> objects, ObjectId id) {
    for (int i = 0; i < objects.size(); i++) {
      if (objects.get(i).id().equals(id)) {
        return i;
      }
    }
    return objects.size();
  }

  private static Set<ObjectId> ids(List<ManifestObject> objects) {
    return objects.stream().map(ManifestObject::id).collect(Collectors.toSet());
  }

  private static List<ManifestObject> objects(Optional<String> text, String cluster, String file) {
    return text.map(t -> Manifests.read(t, cluster, file).objects()).orElse(List.of());
  }
}
