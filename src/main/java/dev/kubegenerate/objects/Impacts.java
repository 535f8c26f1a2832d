package dev.kubegenerate.objects;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ObjectImpact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The impact of replacing committed files by their render, object by object: the objects of every
 * committed text against those of every rendered one, so an object that moves to another file is
 * compared, not deleted and created.
 */
public final class Impacts {

  private Impacts() {}

  /**
   * Every object the change of {@code files} creates, updates or deletes; objects whose content
   * stays are not listed.
   *
   * @param files files with their committed text (empty when new) and their render (empty when no
   *     entry produces them any more). A committed text Kubernetes could not read counts as holding
   *     no object.
   */
  public static List<ObjectImpact> of(List<FileResult> files) {
    List<ManifestObject> before = new ArrayList<>();
    List<ManifestObject> after = new ArrayList<>();
    for (FileResult f : files) {
      String cluster = f.cluster().orElse("");
      String file = f.path().value();
      read(f.committed(), cluster, file, before);
      read(f.rendered(), cluster, file, after);
    }
    return Comparison.compare(before, after, CompareOptions.exact()).stream()
        .map(Impact::of)
        .toList();
  }

  private static void read(
      Optional<String> text, String cluster, String file, List<ManifestObject> into) {
    text.ifPresent(t -> into.addAll(Manifests.read(t, cluster, file).objects()));
  }
}
