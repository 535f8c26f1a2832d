package dev.kubegenerate.update;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.render.Marker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code --update} tells the user beside the paths it writes: the hand edits it overwrites or
 * deletes (they belong in the config), what it leaves in the folder of a removed cluster, and what
 * the render risks when it runs.
 */
final class UpdateWarnings {

  private UpdateWarnings() {}

  /** One line each, {@code path: warning: ...}. */
  static List<String> of(Config config, List<Classified> files, List<ManifestPath> deletes) {
    List<String> out = new ArrayList<>();
    String fix = "make the change in " + config.fileName() + " instead";
    for (Classified file : files) {
      if (file.ownership() != Classified.Ownership.MARKED_EDITED) {
        continue;
      }
      Status status = file.result().status();
      if (status == Status.HAND_EDITED && !keepsTheEdit(file.result())) {
        out.add(
            file.result().path().value()
                + ": warning: this generated file was edited by hand and --update overwrote it; "
                + fix);
      } else if (status == Status.ORPHANED) {
        out.add(
            file.result().path().value()
                + ": warning: this generated file was edited by hand and --update deleted it, as no entry produces it any more; "
                + fix);
      }
    }
    out.addAll(leftInRemovedClusters(config, files, deletes));
    out.addAll(outages(files));
    return out;
  }

  /**
   * Whether today's render is the hand-edited body itself: the edit was made in the config since
   * (the fix the check named), so the update writes only the marker lines again and loses nothing.
   */
  private static boolean keepsTheEdit(FileResult r) {
    return r.committed().isPresent()
        && r.rendered().isPresent()
        && Marker.body(r.committed().get()).equals(Marker.body(r.rendered().get()));
  }

  /**
   * What today's render risks when it runs (SPEC §8.6): a preStop sleep that leaves no time to shut
   * down, a budget that blocks node drains. Told on every update, until the config changes, each
   * with the line of the config that fixes it.
   */
  private static List<String> outages(List<Classified> files) {
    List<String> out = new ArrayList<>();
    for (Classified file : files) {
      FileResult r = file.result();
      if (r.status() == Status.UNMANAGED || r.status() == Status.HANDWRITTEN) {
        continue;
      }
      for (dev.kubegenerate.model.Violation v : r.violations()) {
        if (v.rule().warnsAtUpdate()) {
          out.add(
              r.path().value()
                  + ":"
                  + v.line()
                  + ": warning: "
                  + v.message()
                  + " ("
                  + v.rule().id()
                  + ")");
        }
      }
    }
    return out;
  }

  /**
   * Removing a cluster deletes its generated files; whatever else stays in its folder is named with
   * the reason, so the user knows the folder is not gone. Only folders this plan deletes from are
   * looked at, so an unrelated folder under {@code outputDir} is not nagged about.
   */
  private static List<String> leftInRemovedClusters(
      Config config, List<Classified> files, List<ManifestPath> deletes) {
    Set<String> targeted = new HashSet<>(config.clusters());
    config.entries().forEach(e -> e.clusters().ifPresent(targeted::addAll));
    for (Classified file : files) {
      if (file.result().rendered().isPresent() || file.result().status() == Status.OK) {
        file.result().cluster().ifPresent(targeted::add);
      }
    }
    Set<String> emptied = new TreeSet<>();
    deletes.forEach(
        p -> config.clusterOf(p).filter(c -> !targeted.contains(c)).ifPresent(emptied::add));
    List<String> out = new ArrayList<>();
    for (Classified file : files) {
      FileResult r = file.result();
      Optional<String> cluster = config.clusterOf(r.path()).filter(emptied::contains);
      if (cluster.isEmpty() || r.status() == Status.ORPHANED || r.status() == Status.MISSING) {
        continue;
      }
      String why =
          file.unreadable().isPresent()
              ? file.unreadable().get()
              : r.status() == Status.UNMANAGED
                  ? "it has no kube-generate marker"
                  : "it is hand-managed";
      out.add(
          r.path().value()
              + ": warning: left in place although no entry targets cluster "
              + cluster.get()
              + " any more: "
              + why
              + "; delete it if the cluster is gone");
    }
    return out;
  }
}
