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
 * What {@code --update} would change: files to write and generated files to delete. Files without
 * the marker and hand-managed files are never in it.
 *
 * @param writes new contents by path, in render order
 * @param deletes generated files that no entry produces any more
 * @param before the current text of every path in the plan (absent for new files)
 * @param warnings one line each, {@code path: warning: ...}: hand edits the plan overwrites or
 *     deletes, and files it leaves in the folder of a cluster no entry targets any more
 */
public record UpdatePlan(
    Map<ManifestPath, String> writes,
    List<ManifestPath> deletes,
    Map<ManifestPath, String> before,
    List<String> warnings) {

  public UpdatePlan {
    writes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(writes));
    deletes = List.copyOf(deletes);
    before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
    warnings = List.copyOf(warnings);
  }

  /** A plan with nothing to warn about. */
  public UpdatePlan(
      Map<ManifestPath, String> writes,
      List<ManifestPath> deletes,
      Map<ManifestPath, String> before) {
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
    EachConfig.Outcomes<UpdatePlan> plans =
        EachConfig.run(
            project.configs().size(),
            i -> of(root, project.configs().get(i), project.rendered().get(i), project.tree()),
            () -> {});
    if (!plans.problems().isEmpty()) {
      throw new InputException(plans.problems());
    }
    return plans.results();
  }

  /**
   * Problems that mean the tree is between two updates: a journal of an interrupted {@code
   * --update}, or temporary files one left. {@code --update} clears both.
   */
  public static List<Problem> interruptedUpdate(
      Path root, Optional<JournalLocation> journal, List<ManifestPath> outputDirs) {
    return new UpdateJournal(root, journal).leftovers(outputDirs);
  }

  /** The plan for one config. */
  public static UpdatePlan of(Path root, Config config, List<RenderedFile> rendered)
      throws InputException {
    return of(root, config, rendered, ScannedTree.none());
  }

  /** The plan for one config, listing its output folder from {@code tree} where it can. */
  static UpdatePlan of(Path root, Config config, List<RenderedFile> rendered, ScannedTree tree)
      throws InputException {
    HandManaged handManaged = new HandManaged(config);
    Map<ManifestPath, CommittedFile> committed = new LinkedHashMap<>();
    CommittedFiles.Listing listing = CommittedFiles.list(root, config.outputDir(), tree);
    if (!listing.problems().isEmpty()) {
      throw new InputException(listing.problems());
    }
    for (CommittedFile f : listing.files()) {
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
        conflicts.add(
            Problem.of(
                file.path().value(),
                "not overwritten: "
                    + existing.unreadable().orElse("unreadable")
                    + "; remove it and run again"));
        continue;
      }
      if (text.isPresent() && !Marker.looksGenerated(stripBom(text.get()))) {
        if (handManaged.annotatedManual(text.get())) {
          continue;
        }
        conflicts.add(
            Problem.of(
                file.path().value(),
                "not overwritten: the file has no kube-generate marker, so it may be"
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
      if (left.text().isPresent()
          && Marker.looksGenerated(stripBom(left.text().get()))
          && !handManaged.matchesGlob(left.path())) {
        deletes.add(left.path());
        before.put(left.path(), left.text().get());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new InputException(conflicts);
    }
    List<String> warnings =
        UpdateWarnings.of(
            config, rendered, writes.keySet(), deletes, before, committed.values(), handManaged);
    return new UpdatePlan(writes, deletes, before, warnings);
  }

  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
