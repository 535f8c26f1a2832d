package dev.kubegenerate.objects;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ObjectImpact;
import java.util.ArrayList;
import java.util.List;
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
   * stays left out: the objects of each file that holds the same objects before and after, in file
   * order, then the others (created, deleted or moved between files), matched across files.
   *
   * @param files files with their committed text (empty when new) and their render (empty when no
   *     entry produces them any more). A committed text Kubernetes could not read counts as holding
   *     no object.
   */
  public static List<ObjectImpact> of(List<FileResult> files) {
    // a release rewrites thousands of files: each is read and, most often, compared on its own,
    // on every core, keeping no object once compared
    List<Read> read = files.parallelStream().map(Impacts::read).toList();
    List<ObjectImpact> out = new ArrayList<>();
    List<ManifestObject> before = new ArrayList<>();
    List<ManifestObject> after = new ArrayList<>();
    for (Read r : read) {
      out.addAll(r.impacts());
      before.addAll(r.before());
      after.addAll(r.after());
    }
    Comparison.compare(before, after, CompareOptions.exact()).stream()
        .map(Impact::of)
        .forEach(out::add);
    return out;
  }

  /**
   * One file: its impacts when it holds the same objects before and after, else its objects, to be
   * matched across files.
   */
  private record Read(
      List<ObjectImpact> impacts, List<ManifestObject> before, List<ManifestObject> after) {}

  private static Read read(FileResult f) {
    String cluster = f.cluster().orElse("");
    String file = f.path().value();
    List<ManifestObject> before = objects(f.committed(), cluster, file);
    List<ManifestObject> after = objects(f.rendered(), cluster, file);
    if (!before.isEmpty() && ids(before).equals(ids(after))) {
      List<ObjectImpact> impacts =
          Comparison.compare(before, after, CompareOptions.exact()).stream()
              .map(Impact::of)
              .toList();
      return new Read(impacts, List.of(), List.of());
    }
    return new Read(List.of(), before, after);
  }

  private static Set<ObjectId> ids(List<ManifestObject> objects) {
    return objects.stream().map(ManifestObject::id).collect(Collectors.toSet());
  }

  private static List<ManifestObject> objects(Optional<String> text, String cluster, String file) {
    return text.map(t -> Manifests.read(t, cluster, file).objects()).orElse(List.of());
  }
}
