package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.render.Marker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code --update} tells the user beside the paths it writes: the hand edits it overwrites or
 * deletes (they belong in the config), and what it leaves in the folder of a removed cluster.
 */
final class UpdateWarnings {

  private UpdateWarnings() {}

  /**
   * One line each, {@code path: warning: ...}.
   *
   * @param before the current text of each written or deleted path
   * @param left the committed files no entry produces, deleted or not
   */
  static List<String> of(
      Config config,
      List<RenderedFile> rendered,
      Collection<ManifestPath> writes,
      List<ManifestPath> deletes,
      Map<ManifestPath, String> before,
      Collection<CommittedFile> left,
      HandManaged handManaged) {
    List<String> out = new ArrayList<>();
    String fix = "make the change in " + config.fileName() + " instead";
    writes.stream()
        .filter(p -> handEdited(before.get(p)))
        .forEach(
            p ->
                out.add(
                    p.value()
                        + ": warning: this generated file was edited by hand and --update overwrote it; "
                        + fix));
    deletes.stream()
        .filter(p -> handEdited(before.get(p)))
        .forEach(
            p ->
                out.add(
                    p.value()
                        + ": warning: this generated file was edited by hand and --update deleted it, as no entry produces it any more; "
                        + fix));
    out.addAll(leftInRemovedClusters(config, rendered, deletes, left, handManaged));
    return out;
  }

  private static boolean handEdited(String text) {
    return text != null
        && Marker.parse(UpdatePlan.stripBom(text)).map(m -> !m.checksumIntact()).orElse(false);
  }

  /**
   * Removing a cluster deletes its generated files; whatever else stays in its folder is named with
   * the reason, so the user knows the folder is not gone. Only folders this plan deletes from are
   * looked at, so an unrelated folder under {@code outputDir} is not nagged about.
   */
  private static List<String> leftInRemovedClusters(
      Config config,
      List<RenderedFile> rendered,
      List<ManifestPath> deletes,
      Collection<CommittedFile> left,
      HandManaged handManaged) {
    Set<String> targeted = new HashSet<>(config.clusters());
    config.entries().forEach(e -> e.clusters().ifPresent(targeted::addAll));
    rendered.forEach(f -> targeted.add(f.cluster()));
    Set<String> emptied = new TreeSet<>();
    deletes.forEach(
        p -> clusterOf(config, p).filter(c -> !targeted.contains(c)).ifPresent(emptied::add));
    List<String> out = new ArrayList<>();
    for (CommittedFile f : left) {
      Optional<String> cluster = clusterOf(config, f.path()).filter(emptied::contains);
      if (cluster.isEmpty() || deletes.contains(f.path())) {
        continue;
      }
      String why =
          f.text().isEmpty()
              ? f.unreadable().orElse("it cannot be read")
              : !Marker.looksGenerated(UpdatePlan.stripBom(f.text().get()))
                      && !handManaged.annotatedManual(f.text().get())
                      && !handManaged.matchesGlob(f.path())
                  ? "it has no kube-generate marker"
                  : "it is hand-managed";
      out.add(
          f.path().value()
              + ": warning: left in place although no entry targets cluster "
              + cluster.get()
              + " any more: "
              + why
              + "; delete it if the cluster is gone");
    }
    return out;
  }

  /** The cluster folder a path under {@code outputDir} is in. */
  private static Optional<String> clusterOf(Config config, ManifestPath path) {
    String prefix = config.outputDir().value() + "/";
    if (!path.value().startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = path.value().substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }
}
