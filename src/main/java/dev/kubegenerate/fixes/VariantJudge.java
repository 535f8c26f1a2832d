package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.render.Marker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a variant's render against the committed files: whether it produces an edit without moving
 * anything else away from what is committed, and which other files it changes.
 */
final class VariantJudge {

  /** Other files a fix changes, named at most. */
  private static final int MAX_ALSO = 5;

  private final Config config;
  private final Map<ManifestPath, RenderedFile> rendered;
  private final List<HandEditFixes.EditedFile> all;

  VariantJudge(
      Config config, Map<ManifestPath, RenderedFile> rendered, List<HandEditFixes.EditedFile> all) {
    this.config = config;
    this.rendered = rendered;
    this.all = all;
  }

  /**
   * Whether a variant's render produces {@code fields} of the file (and, for a fix on the entry,
   * the same fields of its files in the other clusters) and changes nothing else of them but toward
   * what is committed; the edited fields it produces ({@code id pointer}), or empty.
   */
  Optional<Set<String>> produces(
      HandEditFixes.EditedFile e,
      Optional<String> level,
      List<FieldEdit> fields,
      Map<ManifestPath, String> variant) {
    Optional<Set<String>> covered = produced(e, variant);
    if (covered.isEmpty() || !fields.stream().allMatch(f -> covered.get().contains(f.at()))) {
      return Optional.empty();
    }
    if (level.isEmpty()) {
      for (HandEditFixes.EditedFile other :
          HandEditFixes.EditedFile.siblings(e, all, config).values()) {
        if (produced(other, variant).isEmpty()) {
          return Optional.empty();
        }
      }
    }
    return covered;
  }

  /**
   * The committed file's differences a variant's render no longer has, when it has no new one and
   * every field it changed is now as committed; empty otherwise.
   */
  private Optional<Set<String>> produced(
      HandEditFixes.EditedFile e, Map<ManifestPath, String> variant) {
    String text = variant.get(e.render().path());
    if (text == null) {
      return Optional.empty();
    }
    Set<String> left = FileEdits.differences(text, e.committed(), e.cluster());
    if (!e.differences().containsAll(left)) {
      return Optional.empty();
    }
    Set<String> changed =
        FileEdits.differences(
            text, FileEdits.objects(e.render().content(), e.cluster()), e.cluster());
    if (changed.isEmpty() || changed.stream().anyMatch(left::contains)) {
      return Optional.empty();
    }
    Set<String> covered = new HashSet<>(e.differences());
    covered.removeAll(left);
    return Optional.of(covered);
  }

  /**
   * Files other than the edited ones whose body the variant changes, creates or drops.
   *
   * @param lines the lines of the entries the variant renders ({@link Focus#lines})
   */
  List<String> also(
      HandEditFixes.EditedFile e,
      Optional<String> level,
      Map<ManifestPath, String> variant,
      Set<Integer> lines) {
    Set<ManifestPath> edited = new HashSet<>();
    edited.add(e.render().path());
    if (level.isEmpty()) {
      HandEditFixes.EditedFile.siblings(e, all, config)
          .values()
          .forEach(o -> edited.add(o.render().path()));
    }
    Set<ManifestPath> paths = new java.util.TreeSet<>(variant.keySet());
    rendered.values().stream()
        .filter(f -> lines.contains(f.entryLine()))
        .forEach(f -> paths.add(f.path()));
    List<String> out = new ArrayList<>();
    for (ManifestPath p : paths) {
      String now = variant.get(p);
      RenderedFile was = rendered.get(p);
      boolean differs =
          now == null || was == null || !Marker.body(now).equals(Marker.body(was.content()));
      if (!edited.contains(p) && differs && out.size() < MAX_ALSO) {
        out.add(p.value());
      }
    }
    return out;
  }
}
