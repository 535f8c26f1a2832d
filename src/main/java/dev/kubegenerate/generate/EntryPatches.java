package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.kubernetes.FieldMerge;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.patch.JsonPatch;
import dev.kubegenerate.patch.Locks;
import dev.kubegenerate.patch.MergePatch;
import dev.kubegenerate.patch.PatchException;
import dev.kubegenerate.patch.StrategicMerge;
import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an entry's patches (SPEC §8.1) to the objects one body renders for one cluster, in order:
 * the entry's, then the cluster override's. A built-in kind takes a strategic merge patch, its
 * lists merged by the API's merge keys for the cluster's Kubernetes version; a custom resource an
 * RFC 7386 merge patch; either takes RFC 6902 operations. The template's locked paths are then
 * compared before and after every patch. Every problem is located at its patch in the config.
 */
final class EntryPatches {

  private final Config config;
  private final TemplateSpec template;
  private final Collection<Problem> problems;

  EntryPatches(Config config, TemplateSpec template, Collection<Problem> problems) {
    this.config = config;
    this.template = template;
    this.problems = problems;
  }

  /**
   * The documents with {@code patches} applied; a problem leaves the document as it was.
   *
   * @param matched receives each patch whose target matched an object
   */
  List<Object> apply(
      List<Object> documents, List<Patch> patches, KubernetesVersion version, Set<Patch> matched) {
    KubernetesApi api = KubernetesApi.of(version);
    List<Object> out = new ArrayList<>();
    for (Object document : documents) {
      if (!(document instanceof Map<?, ?> object)) {
        out.add(document);
        continue;
      }
      String kind = String.valueOf(object.get("kind"));
      String name =
          object.get("metadata") instanceof Map<?, ?> meta ? String.valueOf(meta.get("name")) : "";
      Object patched = object;
      for (int i = 0; i < patches.size() && patched != null; i++) {
        Patch patch = patches.get(i);
        if (!patch.targets(kind, name)) {
          continue;
        }
        matched.add(patch);
        try {
          Object next = applyOne(patched, patch, api);
          // locks compare with the render, after each patch: the first that changes one is named
          if (next != null && !locksHold(object, next, kind, name, patch, i)) {
            patched = object;
            break;
          }
          patched = next; // null: $patch: delete removed the object
        } catch (PatchException e) {
          problems.add(located(patch, i, e));
          patched = object;
          break;
        }
      }
      if (patched != null) {
        out.add(patched);
      }
    }
    return out;
  }

  private static Object applyOne(Object object, Patch patch, KubernetesApi api)
      throws PatchException {
    if (patch.json().isPresent()) {
      return JsonPatch.apply(object, patch.json().get());
    }
    Map<String, Object> merge = patch.merge().orElseThrow();
    Map<?, ?> map = (Map<?, ?>) object;
    String apiVersion = String.valueOf(map.get("apiVersion"));
    String kind = String.valueOf(map.get("kind"));
    if (api.definitionOf(apiVersion, kind).isEmpty()) {
      // a kind the bundled API data does not describe: a custom resource, merged as kubectl
      // patch --type merge does
      return MergePatch.apply(object, merge);
    }
    StrategicMerge strategic =
        new StrategicMerge(pointer -> api.merge(apiVersion, kind, pointer).orElse(FieldMerge.NONE));
    return strategic.apply(object, merge).orElse(null);
  }

  /** Whether no locked path changed; each change is a problem at the patch that made it. */
  private boolean locksHold(
      Object before, Object after, String kind, String name, Patch patch, int index) {
    boolean held = true;
    for (TemplateSpec.Lock lock : template.locked()) {
      if (!lock.appliesTo(kind)) {
        continue;
      }
      Optional<String> changed;
      try {
        changed = Locks.changed(before, after, lock.pointer());
      } catch (PatchException e) {
        continue; // a malformed lock is the template's error, reported when it is read
      }
      if (changed.isPresent()) {
        held = false;
        problems.add(
            patch
                .at()
                .problem(
                    config.shownAs(),
                    patch.shown(index)
                        + " changes "
                        + changed.get()
                        + " of "
                        + kind
                        + " "
                        + name
                        + ", which template "
                        + template.name()
                        + " locks ("
                        + lock.shown()
                        + "); the platform team that owns the template decides it"));
      }
    }
    return held;
  }

  private Problem located(Patch patch, int index, PatchException e) {
    if (e.operation() >= 0 && e.operation() < patch.operations().size()) {
      return patch
          .operations()
          .get(e.operation())
          .problem(config.shownAs(), "JSON patch operation: " + e.getMessage());
    }
    return patch.at().problem(config.shownAs(), patch.shown(index) + ": " + e.getMessage());
  }
}
