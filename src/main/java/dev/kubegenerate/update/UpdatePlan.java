package dev.kubegenerate.update;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --update} changes for one config, derived from the check's verdicts: every file that
 * differs from its render is written (one whose only difference is its marker lines too, though the
 * check finds it up to date), every orphaned one deleted. Files without the marker and hand-managed
 * files are never in it.
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
    writes = Collections.unmodifiableMap(new LinkedHashMap<>(writes));
    deletes = List.copyOf(deletes);
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    warnings = List.copyOf(warnings);
  }

  /**
   * The plan of one config from the verdict on each of its files. A file {@code --update} must not
   * replace (no marker, or not readable) at a path an entry produces is a problem: nothing of any
   * config is written then.
   */
  public static UpdatePlan of(Config config, List<Classified> files) throws InputException {
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    List<ManifestPath> deletes = new ArrayList<>();
    Map<ManifestPath, String> before = new LinkedHashMap<>();
    List<Problem> conflicts = new ArrayList<>();
    List<Classified> inRenderOrder = new ArrayList<>(files);
    inRenderOrder.sort(
        java.util.Comparator.comparingInt(
            (Classified c) -> c.renderOrder() < 0 ? Integer.MAX_VALUE : c.renderOrder()));
    for (Classified file : inRenderOrder) {
      FileResult r = file.result();
      switch (r.status()) {
        case STALE, OUTDATED, MISSING -> write(r, writes, before);
        case HAND_EDITED -> {
          if (file.ownership().generated()) {
            write(r, writes, before);
          } else {
            conflicts.add(refusal(r.path(), file));
          }
        }
        case ORPHANED -> {
          deletes.add(r.path());
          before.put(r.path(), r.committed().orElse(""));
        }
        case OK -> {
          // today's body under older marker lines (SPEC §8.6): written once with today's marker
          if (r.rendered().isPresent()) {
            write(r, writes, before);
          }
        }
        case UNMANAGED, HANDWRITTEN -> {
          // not kube-generate's to touch
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new InputException(conflicts);
    }
    return new UpdatePlan(writes, deletes, before, UpdateWarnings.of(config, files, deletes));
  }

  private static void write(
      FileResult r, Map<ManifestPath, String> writes, Map<ManifestPath, String> before) {
    writes.put(r.path(), r.rendered().orElseThrow());
    r.committed().ifPresent(text -> before.put(r.path(), text));
  }

  private static Problem refusal(ManifestPath path, Classified file) {
    return Problem.of(
        path.value(),
        file.unreadable().isPresent()
            ? "not overwritten: " + file.unreadable().get() + "; remove it and run again"
            : "not overwritten: the file has no kube-generate marker, so it may be"
                + " hand-written; delete it to generate it, or list it under `handwritten:` to keep it");
  }

  /** True when the committed files already match. */
  public boolean changesNothing() {
    return writes.isEmpty() && deletes.isEmpty();
  }
}
