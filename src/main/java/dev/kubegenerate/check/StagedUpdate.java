package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.objects.ImpactPart;
import dev.kubegenerate.update.AtomicWriter;
import dev.kubegenerate.update.ConfigChanges;
import dev.kubegenerate.update.Staging;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code kube-generate --update}, all or nothing in the memory of a check: each config's files are
 * staged beside their targets as soon as its pipeline is done, and only paths, warnings and impacts
 * are kept (holding every render until the writes took twice the check's memory at 5,000 apps);
 * once every config is staged, the journal is written and the renames run. Any config's problem
 * removes what was staged: nothing is written.
 */
final class StagedUpdate {

  private StagedUpdate() {}

  /**
   * Finishes an interrupted update, then stages, journals and renames every config's files.
   *
   * @return what was written, without the texts
   */
  static UpdateRun.Plans run(RunRequest request, Progress progress, AtomicWriter writer)
      throws InputException {
    int finished = 0;
    if (writer.interrupted()) {
      // the configs' output folders bound what the journal may touch: a first run stages nothing
      List<ManifestPath> outputDirs =
          EachConfig.run(request, false, progress, o -> o.config().map(Config::outputDir)).stream()
              .flatMap(Optional::stream)
              .toList();
      finished = writer.finishInterrupted(outputDirs);
      progress = Progress.NONE;
    }
    Staging staging = writer.staging();
    try {
      AtomicBoolean stopping = new AtomicBoolean();
      List<StagedConfig> configs =
          EachConfig.run(request, false, progress, o -> StagedConfig.of(o, staging, stopping));
      writer.removeLeftovers(configs.stream().flatMap(c -> c.temporaries().stream()).toList());
      stopIf(configs.stream().flatMap(c -> c.refused().stream()).toList());
      stopIf(configs.stream().flatMap(c -> c.blocked().stream()).toList());
      // as a sequential update stops at the first file it cannot write
      stopIf(configs.stream().flatMap(c -> c.unstaged().stream()).limit(1).toList());
      List<ConfigChanges> changes = configs.stream().map(c -> c.changes().orElseThrow()).toList();
      List<ObjectImpact> impact =
          ImpactPart.join(
              configs.stream().map(StagedConfig::impact).toList(),
              i -> reread(request.root(), changes.get(i), staging));
      writer.commit(staging, changes.stream().map(ConfigChanges::steps).toList());
      return new UpdateRun.Plans(changes, List.of(), List.of(), finished, impact);
    } finally {
      // nothing once the journal is written: its renames need the staged files
      staging.discard();
    }
  }

  private static void stopIf(List<Problem> problems) throws InputException {
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  /**
   * The files of one config's changes with their texts read again: the committed text from the
   * target, untouched until the renames, the render from its staged file.
   */
  private static List<FileResult> reread(Path root, ConfigChanges changes, Staging staging) {
    List<FileResult> files = new ArrayList<>();
    for (ManifestPath write : changes.writes()) {
      files.add(
          file(
              write,
              changes.outputDir(),
              read(root, write),
              read(root, staging.temporaryOf(write))));
    }
    for (ManifestPath delete : changes.deletes()) {
      files.add(file(delete, changes.outputDir(), read(root, delete), Optional.empty()));
    }
    return files;
  }

  private static FileResult file(
      ManifestPath path,
      ManifestPath outputDir,
      Optional<String> committed,
      Optional<String> rendered) {
    String rest = path.value().substring(outputDir.value().length() + 1);
    int slash = rest.indexOf('/');
    Optional<String> cluster = slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
    Status status =
        rendered.isEmpty() ? Status.ORPHANED : committed.isEmpty() ? Status.MISSING : Status.STALE;
    return new FileResult(
        path,
        status,
        "",
        Optional.empty(),
        cluster,
        committed,
        rendered,
        Optional.empty(),
        List.of(),
        new FileResult.Location(path.value(), 1, 1),
        List.of(),
        List.of());
  }

  private static Optional<String> read(Path root, ManifestPath path) {
    Path file = path.resolveIn(root);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RepositoryFiles.read(root, file, path.value()));
    } catch (InputException e) {
      // as Impacts reads a committed text Kubernetes cannot read: no object
      return Optional.empty();
    }
  }
}
