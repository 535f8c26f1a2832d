package dev.kubegenerate.importing;

import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.render.CanonicalYaml;
import dev.kubegenerate.update.UpdatePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code import} writes, as one update plan applied all at once: the config, every rendered
 * file, each original file that also held hand-written objects rewritten with only those, and every
 * other original file whose objects are all rendered deleted. A hand-written remainder that would
 * land on a rendered file's path moves beside it ({@code <name>.handwritten.yaml}).
 */
final class ImportWrite {

  private ImportWrite() {}

  /**
   * @param handwrittenPaths receives where each hand-written remainder ends up, for the config's
   *     {@code handwritten:} list
   */
  static UpdatePlan plan(
      Path root,
      ManifestPath config,
      Importer.Result result,
      Map<ManifestPath, ManifestPath> handwrittenPaths) {
    Map<ManifestPath, String> writes = new LinkedHashMap<>();
    Set<ManifestPath> rendered = new LinkedHashSet<>();
    for (RenderedFile f : result.rendered()) {
      writes.put(f.path(), f.content());
      rendered.add(f.path());
    }
    // the objects each original file keeps: the hand-written ones
    Map<ManifestPath, List<Original>> kept = new LinkedHashMap<>();
    Map<ManifestPath, Integer> total = new LinkedHashMap<>();
    for (Original o : result.originals().objects()) {
      total.merge(o.file(), 1, Integer::sum);
    }
    for (ImportResidual.Item item : result.residual()) {
      if (item.status() == ImportResidual.Status.HANDWRITTEN) {
        kept.computeIfAbsent(item.original().file(), f -> new ArrayList<>()).add(item.original());
      }
    }
    List<ManifestPath> deletes = new ArrayList<>();
    for (Map.Entry<ManifestPath, Integer> file : total.entrySet()) {
      ManifestPath path = file.getKey();
      List<Original> own = kept.getOrDefault(path, List.of());
      if (own.size() == file.getValue()) {
        // nothing of it is rendered: it stays exactly as it is, unless a render takes its path
        if (rendered.contains(path)) {
          ManifestPath moved = beside(path);
          writes.put(moved, result.originals().texts().get(path));
          handwrittenPaths.put(path, moved);
        } else {
          handwrittenPaths.put(path, path);
        }
        continue;
      }
      if (own.isEmpty()) {
        if (!rendered.contains(path)) {
          deletes.add(path);
        }
        continue;
      }
      // a file of both kinds keeps only its hand-written objects (their comments go)
      List<Object> documents = new ArrayList<>();
      own.stream()
          .sorted(java.util.Comparator.comparingInt(Original::index))
          .forEach(o -> documents.add(o.body()));
      ManifestPath target = rendered.contains(path) ? beside(path) : path;
      writes.put(target, CanonicalYaml.write(documents));
      handwrittenPaths.put(path, target);
      if (!target.equals(path) && !rendered.contains(path)) {
        deletes.add(path);
      }
    }
    // unreadable files stay as they are
    result.originals().unreadable().keySet().forEach(f -> handwrittenPaths.put(f, f));
    Path folder = config.resolveIn(root).getParent();
    List<String> globs = new ArrayList<>();
    for (ManifestPath p : new java.util.TreeSet<>(handwrittenPaths.values())) {
      globs.add(folder.relativize(p.resolveIn(root)).toString().replace('\\', '/'));
    }
    Map<ManifestPath, String> all = new LinkedHashMap<>();
    all.put(config, result.config(globs));
    all.putAll(writes);
    return new UpdatePlan(all, deletes, Map.of(), List.of());
  }

  /** {@code deployment-web.yaml} becomes {@code deployment-web.handwritten.yaml}. */
  static ManifestPath beside(ManifestPath path) {
    String value = path.value();
    int dot = value.lastIndexOf('.');
    return ManifestPath.of(value.substring(0, dot) + ".handwritten" + value.substring(dot));
  }
}
