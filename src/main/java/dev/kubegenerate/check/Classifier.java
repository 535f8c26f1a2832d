package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.diff.DiffResult;
import dev.kubegenerate.diff.SecretMask;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.generate.ClusterValidators;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.Classified.Ownership;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.yaml.InputText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides each file's status (SPEC §6): today's render of a config against the
 * files under its output folder. The check reports the verdicts; {@code --update} and the diff mode
 * derive what to write and delete from them ({@link UpdatePlan}).
 */
final class Classifier {

  private final Config config;
  private final HandManaged handManaged;
  private final Optional<ClusterValidators> validators;

  /**
   * @param validators validate every committed file that differs from its render (the check); empty
   *     when only the statuses matter (an update)
   */
  Classifier(Config config, Optional<ClusterValidators> validators) {
    this.config = config;
    this.handManaged = new HandManaged(config);
    this.validators = validators;
  }

  /** The verdict on every committed file and every rendered one, committed files first. */
  List<Classified> classify(List<CommittedFile> committed, List<RenderedFile> rendered) {
    Map<ManifestPath, RenderedFile> expected = new LinkedHashMap<>();
    Map<ManifestPath, Integer> order = new HashMap<>();
    for (RenderedFile f : rendered) {
      if (!handManaged.matchesGlob(f.path())) {
        expected.put(f.path(), f);
        order.put(f.path(), order.size());
      }
    }
    List<Classified> out = new ArrayList<>(committed.size() + expected.size());
    for (CommittedFile file : committed) {
      RenderedFile render = expected.remove(file.path());
      if (render != null && file.text().filter(render.text()::isFile).isPresent()) {
        // the common case, decided with one comparison: no marker parsed, no diff, no
        // fingerprint computed, and the render's violations serve for both sides
        out.add(
            new Classified(
                upToDate(render),
                Ownership.MARKED_INTACT,
                Optional.empty(),
                order.get(file.path())));
        continue;
      }
      out.add(classify(file, Optional.ofNullable(render), order.getOrDefault(file.path(), -1)));
    }
    for (RenderedFile missing : expected.values()) {
      FileResult.Location entry =
          new FileResult.Location(config.shownAs(), missing.entryLine(), missing.entryLine());
      FileResult result =
          result(missing.path(), Status.MISSING, Optional.of(missing), Optional.empty(), entry);
      out.add(
          new Classified(
              // an update tells what the render it writes warns about
              validators.isEmpty() ? result.withViolations(missing.violations()) : result,
              Ownership.ABSENT,
              Optional.empty(),
              order.get(missing.path())));
    }
    return out;
  }

  /**
   * A file equal to its render. The report keeps neither text: no renderer shows or patches an
   * up-to-date file, and a thousand apps' texts would be most of what a run holds to its end.
   */
  private FileResult upToDate(RenderedFile render) {
    return new FileResult(
        render.path(),
        Status.OK,
        config.shownAs(),
        Optional.ofNullable(render.template()),
        Optional.ofNullable(render.cluster()).or(() -> config.clusterOf(render.path())),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        new FileResult.Location(render.path().value(), 1, 1),
        render.violations(),
        List.of());
  }

  private Classified classify(
      CommittedFile committed, Optional<RenderedFile> render, int renderOrder) {
    ManifestPath path = committed.path();
    FileResult.Location top = new FileResult.Location(path.value(), 1, 1);
    if (handManaged.matchesGlob(path)) {
      FileResult handwritten =
          result(path, Status.HANDWRITTEN, Optional.empty(), Optional.empty(), top);
      return validated(handwritten, committed, null, Ownership.UNMARKED, -1);
    }
    if (committed.text().isEmpty()) {
      // a link or a binary file: never read, so never shown; it is a finding all the same
      Status status = render.isPresent() ? Status.HAND_EDITED : Status.UNMANAGED;
      return validated(
          result(path, status, render, Optional.empty(), top),
          committed,
          null,
          Ownership.UNREADABLE,
          renderOrder);
    }
    String text = committed.text().get();
    String body = InputText.withoutBom(text);
    boolean bom = body.length() != text.length();
    Optional<Marker.Parsed> marker = Marker.parse(body);
    // a merge's conflict in a generated file: ours to regenerate, wherever the marker went
    boolean conflicted =
        !(marker.isPresent() && marker.get().checksumIntact()) && Marker.inConflict(body);
    boolean marked = marker.isPresent() || Marker.looksGenerated(body) || conflicted;
    Ownership ownership =
        !marked
            ? Ownership.UNMARKED
            : conflicted
                ? Ownership.CONFLICTED
                : marker.isPresent() && marker.get().checksumIntact()
                    ? Ownership.MARKED_INTACT
                    : Ownership.MARKED_EDITED;
    Status status;
    if (!marked && handManaged.annotatedManual(text)) {
      status = Status.HANDWRITTEN;
    } else if (render.isEmpty()) {
      status = marked ? Status.ORPHANED : Status.UNMANAGED;
    } else if (ownership != Ownership.MARKED_INTACT || bom) {
      // an unmarked file at a rendered path is ours with its marker lines removed by hand
      status = Status.HAND_EDITED;
    } else if (Marker.body(body).equals(render.get().text().body())) {
      // today's body under other marker lines: up to date (SPEC §8.6)
      if (!resealed(marker.get(), body, render.get())) {
        return new Classified(upToDate(render.get()), ownership, Optional.empty(), renderOrder);
      }
      status = Status.OK;
    } else {
      // the repository contributes the same as when it was generated: only kube-generate changed
      status = sameInputs(marker.get(), render.get()) ? Status.OUTDATED : Status.STALE;
    }
    boolean shown = status != Status.HANDWRITTEN && status != Status.UNMANAGED;
    FileResult result =
        result(path, status, shown ? render : Optional.empty(), committed.text(), top);
    return validated(result, committed, render.orElse(null), ownership, renderOrder);
  }

  /**
   * Whether {@code --update} writes today's marker over a file whose body is today's: once for a
   * marker written before per-file inputs, and when the marker names another template or config, or
   * other config keys than today's render reads (a release that reads other keys), so that later
   * verdicts are made over today's keys. A config change that changes nothing in the file leaves it
   * byte-identical: only a file whose content changes is rewritten (SPEC §8.3).
   */
  private static boolean resealed(Marker.Parsed marker, String committed, RenderedFile render) {
    return marker.reads().isEmpty()
        || !marker.template().equals(render.template())
        || !committed.startsWith(render.text().firstLine())
        || !marker.reads().get().equals(render.inputs().reads());
  }

  /**
   * Whether the repository gives the same as when the file was generated: the marker's fingerprint
   * recomputed today over the config keys it records (so a release that reads other keys changes
   * nothing here), or, for a marker written before per-file inputs, the whole config's fingerprint
   * as that release wrote it. A marker without a fingerprint never matches.
   */
  private static boolean sameInputs(Marker.Parsed marker, RenderedFile render) {
    if (marker.inputs().isEmpty()) {
      return false;
    }
    String marked = marker.inputs().get();
    return marker
        .reads()
        .map(names -> marked.equals(render.inputs().over(names)))
        .orElseGet(() -> render.inputs().matchesWholeConfig(marked));
  }

  private Classified validated(
      FileResult result,
      CommittedFile committed,
      RenderedFile render,
      Ownership ownership,
      int renderOrder) {
    List<Violation> violations =
        validators.isEmpty()
            // an update validates nothing committed; it tells what today's render warns about
            ? render == null ? List.of() : render.violations()
            : result.status() == Status.OK && render != null
                ? render.violations() // the same body: the marker lines are comments
                : CommittedViolations.of(
                    committed,
                    render,
                    validators.get().forCluster(config.clusterOf(committed.path())));
    return new Classified(
        violations.isEmpty() ? result : result.withViolations(violations),
        ownership,
        committed.unreadable(),
        renderOrder);
  }

  private FileResult result(
      ManifestPath path,
      Status status,
      Optional<RenderedFile> render,
      Optional<String> committed,
      FileResult.Location fallback) {
    Optional<String> rendered = render.map(RenderedFile::content);
    Optional<String> diff = Optional.empty();
    List<LineRange> lines = List.of();
    FileResult.Location location = fallback;
    boolean shown =
        status == Status.STALE
            || status == Status.OUTDATED
            || status == Status.HAND_EDITED
            || status == Status.MISSING
            || status == Status.ORPHANED;
    if (shown) {
      DiffResult d = TextDiff.compute(path, committed, rendered, SecretMask::mask);
      if (d.differs()) {
        diff = Optional.of(d.unified());
        lines = d.lines();
      }
      boolean changedInPlace = status != Status.MISSING && status != Status.ORPHANED;
      if (changedInPlace && !lines.isEmpty()) {
        // a stale file's checksum line always changes; the annotation belongs on the body's change
        LineRange first =
            lines.stream().filter(r -> r.start() > 2).findFirst().orElse(lines.get(0));
        location = new FileResult.Location(path.value(), first.start(), first.end());
      }
    }
    return new FileResult(
        path,
        status,
        config.shownAs(),
        render.map(RenderedFile::template).or(() -> committed.flatMap(Classifier::templateOf)),
        render.map(RenderedFile::cluster).or(() -> config.clusterOf(path)),
        committed,
        rendered,
        diff,
        lines,
        location,
        List.of(),
        List.of());
  }

  private static Optional<String> templateOf(String committed) {
    return Marker.parse(InputText.withoutBom(committed)).map(Marker.Parsed::template);
  }
}
