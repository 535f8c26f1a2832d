package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.Marker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code --update} would change: files to write and generated files to delete. Files
 * without the marker and hand-managed files are never in it.
 *
 * @param writes new contents by path, in render order
 * @param deletes generated files that no entry produces any more
 * @param before the current text of every path in the plan (absent for new files)
 * @param warnings one line each, {@code path: warning: ...}: hand edits the plan overwrites or
 *     deletes, and files it leaves in the folder of a cluster no entry targets any more
 */
public record UpdatePlan(
    Map<ManifestPath, String> writes, List<ManifestPath> deletes, Map<ManifestPath, String> before, List<String> warnings) {

  public UpdatePlan {
    writes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(writes));
    deletes = List.copyOf(deletes);
    before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
    warnings = List.copyOf(warnings);
  }

  /** A plan with nothing to warn about. */
  public UpdatePlan(Map<ManifestPath, String> writes, List<ManifestPath> deletes, Map<ManifestPath, String> before) {
    this(writes, deletes, before, List.of());
  }

  /** True when the committed files already match. */
  public boolean isEmpty() {
    return writes.isEmpty() && deletes.isEmpty();
  }

  /**
   * The plans of every config, in config order. Configs own disjoint folders, so their files are
   * read on every core; every conflict of every config is reported.
   */
  public static List<UpdatePlan> all(Path root, Project project) throws InputException {
    EachConfig.Outcomes<UpdatePlan> plans = EachConfig.run(project.configs().size(),
        i -> of(root, project.configs().get(i), project.rendered().get(i)), () -> {});
    if (!plans.problems().isEmpty()) {
      throw new InputException(plans.problems());
    }
    return plans.results();
  }

  /** The plan for one config. */
  public static UpdatePlan of(Path root, Config config, List<RenderedFile> rendered) throws InputException {
    HandManaged handManaged = new HandManaged(config);
    Map<ManifestPath, CommittedFile> committed = new LinkedHashMap<>();
    for (CommittedFile f : CommittedFiles.list(root, config.outputDir())) {
      committed.put(f.path(), f);
    }
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    Map<ManifestPath, String> before = new LinkedHashMap<>();
    List<Problem> conflicts = new ArrayList<>();
    for (RenderedFile file : rendered) {
      if (handManaged.matchesGlob(file.path())) {
        continue;
      }
      CommittedFile existing = committed.remove(file.path());
      Optional<String> text = existing == null ? Optional.empty() : existing.text();
      if (existing != null && text.isEmpty()) {
        conflicts.add(Problem.of(file.path().value(), "not overwritten: " + existing.unreadable().orElse("unreadable")
            + "; remove it and run again"));
        continue;
      }
      if (text.isPresent() && !Marker.looksGenerated(stripBom(text.get()))) {
        if (handManaged.annotatedManual(text.get())) {
          continue;
        }
        conflicts.add(Problem.of(file.path().value(), "not overwritten: the file has no kube-generate marker, so it may be"
            + " hand-written; delete it to generate it, or list it under `handwritten:` to keep it"));
        continue;
      }
      if (text.isEmpty() || !text.get().equals(file.content())) {
        writes.put(file.path(), file.content());
        text.ifPresent(t -> before.put(file.path(), t));
      }
    }
    List<ManifestPath> deletes = new ArrayList<>();
    for (CommittedFile left : committed.values()) {
      if (left.text().isPresent() && Marker.looksGenerated(stripBom(left.text().get()))
          && !handManaged.matchesGlob(left.path())) {
        deletes.add(left.path());
        before.put(left.path(), left.text().get());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new InputException(conflicts);
    }
    List<String> warnings = new ArrayList<>();
    String fix = "make the change in " + config.fileName() + " instead";
    writes.keySet().stream().filter(p -> handEdited(before.get(p))).forEach(p -> warnings.add(p.value()
        + ": warning: this generated file was edited by hand and --update overwrote it; " + fix));
    deletes.stream().filter(p -> handEdited(before.get(p))).forEach(p -> warnings.add(p.value()
        + ": warning: this generated file was edited by hand and --update deleted it, as no entry produces it any more; " + fix));
    warnings.addAll(leftInRemovedClusters(config, rendered, deletes, committed.values(), handManaged));
    return new UpdatePlan(writes, deletes, before, warnings);
  }

  private static boolean handEdited(String text) {
    return text != null && Marker.parse(stripBom(text)).map(m -> !m.checksumIntact()).orElse(false);
  }

  /**
   * Removing a cluster deletes its generated files; whatever else stays in its folder is named
   * with the reason, so the user knows the folder is not gone. Only folders this plan deletes
   * from are looked at, so an unrelated folder under {@code outputDir} is not nagged about.
   */
  private static List<String> leftInRemovedClusters(
      Config config, List<RenderedFile> rendered, List<ManifestPath> deletes, java.util.Collection<CommittedFile> left,
      HandManaged handManaged) {
    java.util.Set<String> targeted = new java.util.HashSet<>(config.clusters());
    config.entries().forEach(e -> e.clusters().ifPresent(targeted::addAll));
    rendered.forEach(f -> targeted.add(f.cluster()));
    java.util.Set<String> emptied = new java.util.TreeSet<>();
    deletes.forEach(p -> clusterOf(config, p).filter(c -> !targeted.contains(c)).ifPresent(emptied::add));
    List<String> out = new ArrayList<>();
    for (CommittedFile f : left) {
      Optional<String> cluster = clusterOf(config, f.path()).filter(emptied::contains);
      if (cluster.isEmpty() || deletes.contains(f.path())) {
        continue;
      }
      String why = f.text().isEmpty() ? f.unreadable().orElse("it cannot be read")
          : handManaged.matchesGlob(f.path()) || handManaged.annotatedManual(f.text().get()) ? "it is hand-managed"
          : !Marker.looksGenerated(stripBom(f.text().get())) ? "it has no kube-generate marker"
          : "it is generated but not by this config";
      out.add(f.path().value() + ": warning: left in place although no entry targets cluster " + cluster.get()
          + " any more: " + why + "; delete it if the cluster is gone");
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

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
