package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.generate.ResolvedParameters;
import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.ObjectId;
import dev.kubegenerate.template.TemplateLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the fixes of one config's hand-edited files: for each edited value, a parameter whose
 * change renders it; for the rest of each object, a merge patch that renders it. The same edit in
 * the entry's files of every cluster it renders goes on the entry, else under the cluster's
 * override.
 */
final class FixFinder {

  private final Config config;
  private final Experiments experiments;
  private final VariantJudge judge;
  private final FixLevels levels;
  private final Map<String, Optional<Map<String, Object>>> params = new HashMap<>();
  private final Map<Integer, Focus> focus = new HashMap<>();
  private final TemplateLibrary library;

  FixFinder(
      Config config,
      TemplateLibrary library,
      Experiments experiments,
      Map<ManifestPath, RenderedFile> rendered,
      List<HandEditFixes.EditedFile> all) {
    this.config = config;
    this.library = library;
    this.experiments = experiments;
    this.judge = new VariantJudge(config, rendered, all);
    this.levels = new FixLevels(config, all);
  }

  private Focus focus(HandEditFixes.EditedFile e) {
    return focus.computeIfAbsent(e.entryIndex(), i -> Focus.of(config, library, e.entry()));
  }

  /** The fixes of one file, object by object. */
  List<EditFix> fixes(HandEditFixes.EditedFile e) {
    List<EditFix> out = new ArrayList<>();
    Map<ObjectId, List<FieldEdit>> byObject = new LinkedHashMap<>();
    e.edits()
        .fields()
        .forEach(f -> byObject.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));
    Set<String> covered = new HashSet<>();
    int looked = 0;
    for (List<FieldEdit> fields : byObject.values()) {
      List<FieldEdit> secrets = fields.stream().filter(FieldEdit::secret).toList();
      if (!secrets.isEmpty()) {
        out.add(NewFix.of(e, secrets, EditFix.Kind.SECRET, false, "", null, "", 0, List.of()));
      }
      for (FieldEdit f : fields) {
        if (f.inPlace() && !covered.contains(f.at()) && looked++ < HandEditFixes.MAX_FIELDS) {
          key(e, f)
              .ifPresent(
                  found -> {
                    out.add(found.fix());
                    covered.addAll(found.covered());
                  });
        }
      }
      List<FieldEdit> rest =
          fields.stream().filter(f -> !f.secret() && !covered.contains(f.at())).toList();
      if (!rest.isEmpty()) {
        out.add(patch(e, rest));
      }
    }
    for (ManifestObject removed : e.edits().removed()) {
      out.add(deleted(e, removed));
    }
    for (ObjectId added : e.edits().added()) {
      // no patch creates an object: it is written by hand, in a file of its own
      out.add(
          new EditFix(
              added.kind() + " " + added.name(),
              e.cluster(),
              List.of(new EditFix.Field("", Optional.empty(), Optional.empty())),
              EditFix.Kind.NONE,
              false,
              FixLines.entryName(e.entry()),
              FixLines.named(e.entry()),
              "",
              Optional.empty(),
              "",
              0,
              List.of()));
    }
    return out;
  }

  /** An object removed by hand: a patch that deletes it, when that renders the edit. */
  private EditFix deleted(HandEditFixes.EditedFile e, ManifestObject removed) {
    ObjectId id = removed.id();
    Map<String, Object> merge = Map.of("$patch", "delete");
    List<FieldEdit> whole =
        List.of(new FieldEdit(removed, removed, "", Optional.empty(), Optional.empty(), false));
    for (Optional<String> level : levels.of(e, List.of())) {
      Optional<Map<ManifestPath, String>> files =
          experiments.render(
              "delete " + e.entryIndex() + " " + level + " " + id,
              () -> ConfigVariants.withPatch(config, focus(e), level, id.kind(), id.name(), merge));
      Optional<Set<String>> covered = files.flatMap(r -> judge.produces(e, level, List.of(), r));
      if (covered.isPresent() && covered.get().contains(id.toString())) {
        return patchFix(e, whole, level, id, merge, files.get());
      }
    }
    return NewFix.of(e, whole, EditFix.Kind.NONE, false, "", null, "", 0, List.of());
  }

  /** A fix and the edited fields it produces ({@code id pointer}). */
  private record Found(EditFix fix, Set<String> covered) {}

  private Optional<Found> key(HandEditFixes.EditedFile e, FieldEdit f) {
    Optional<Map<String, Object>> resolved =
        params.computeIfAbsent(
            e.entryIndex() + " " + e.cluster(),
            k -> ResolvedParameters.of(config, e.template(), e.entry(), e.cluster()));
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> order = new HashMap<>();
    config.values().keySet().forEach(n -> order.put(n, 2));
    e.entry().params().keySet().forEach(n -> order.put(n, 1));
    e.entry()
        .overrides()
        .getOrDefault(e.cluster(), Map.of())
        .keySet()
        .forEach(n -> order.put(n, 0));
    List<KeyCandidates.Candidate> candidates =
        KeyCandidates.of(
            f.from().orElseThrow(),
            f.to().orElseThrow(),
            resolved.get(),
            e.render().inputs().reads(),
            order);
    for (Optional<String> level : levels.of(e, List.of(f))) {
      for (KeyCandidates.Candidate c : candidates) {
        KeyChange change =
            KeyChange.of(
                c,
                resolved.get().get(c.name()),
                ConfigVariants.written(e.entry(), level, c.name()));
        Optional<Map<ManifestPath, String>> files =
            experiments.render(
                "key "
                    + e.entryIndex()
                    + " "
                    + level
                    + " "
                    + c.name()
                    + " "
                    + Values.canonical(change.value()),
                () ->
                    ConfigVariants.withParameter(
                        config, focus(e), level, change.name(), change.value()));
        Optional<Set<String>> covered = files.flatMap(r -> judge.produces(e, level, List.of(f), r));
        if (covered.isPresent()) {
          List<FieldEdit> fields =
              e.edits().fields().stream().filter(x -> covered.get().contains(x.at())).toList();
          String key = level.map(cl -> "overrides." + cl + ".").orElse("") + change.shownKey();
          return Optional.of(
              new Found(
                  NewFix.of(
                      e,
                      fields,
                      EditFix.Kind.KEY,
                      level.isEmpty(),
                      key,
                      change.shownValue(),
                      "",
                      FixLines.ofKey(e.entry(), level, c.name()),
                      judge.also(e, level, files.get(), focus(e).lines())),
                  covered.get()));
        }
      }
    }
    return Optional.empty();
  }

  private EditFix patch(HandEditFixes.EditedFile e, List<FieldEdit> fields) {
    Map<String, Object> merge = MergePatches.of(fields);
    ObjectId id = fields.get(0).id();
    for (Optional<String> level : levels.of(e, fields)) {
      Optional<Map<ManifestPath, String>> files =
          experiments.render(
              "patch " + e.entryIndex() + " " + level + " " + id + " " + Values.canonical(merge),
              () -> ConfigVariants.withPatch(config, focus(e), level, id.kind(), id.name(), merge));
      Optional<Set<String>> covered = files.flatMap(r -> judge.produces(e, level, fields, r));
      if (covered.isPresent() && fields.stream().allMatch(f -> covered.get().contains(f.at()))) {
        return patchFix(e, fields, level, id, merge, files.get());
      }
    }
    return NewFix.of(e, fields, EditFix.Kind.NONE, false, "", null, "", 0, List.of());
  }

  /** The fix that adds {@code merge} as a patch of the object at {@code level}, as rendered. */
  private EditFix patchFix(
      HandEditFixes.EditedFile e,
      List<FieldEdit> fields,
      Optional<String> level,
      ObjectId id,
      Map<String, Object> merge,
      Map<ManifestPath, String> files) {
    return NewFix.of(
        e,
        fields,
        EditFix.Kind.PATCH,
        level.isEmpty(),
        level.map(cl -> "overrides." + cl + ".").orElse("") + "patches",
        null,
        PatchText.of(id.kind(), id.name(), merge),
        FixLines.ofPatch(e.entry(), level),
        judge.also(e, level, files, focus(e).lines()));
  }
}
