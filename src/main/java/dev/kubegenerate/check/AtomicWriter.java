package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies update plans so that a failure or a kill at any moment leaves the old tree, the new
 * tree, or an interrupted update that the next {@code --update} finishes:
 *
 * <ol>
 *   <li>everything detectable is checked first (links, a folder where a file goes, a folder
 *       files cannot be deleted from): a failure here changes nothing;
 *   <li>every new file is staged as a temporary file beside its target: a failure removes them;
 *   <li>the {@link UpdateJournal} of the planned renames and deletions is written;
 *   <li>the renames and deletions run, then the journal is removed.
 * </ol>
 *
 * Nothing is written through a symbolic link. Written files keep the mode of the file they
 * replace; new ones get {@link FileModes#forNewFile()}. What it creates gets the owner and group
 * of the folder worked in ({@link FolderOwner}).
 */
public final class AtomicWriter {

  private final Path root;
  private final Duration pauseBetweenSteps;
  private final java.util.Optional<FolderOwner> owner;

  public AtomicWriter(Path root) {
    this(root, Duration.ZERO);
  }

  /**
   * @param pauseBetweenSteps a pause between renames, for tests that kill a run half-way
   */
  public AtomicWriter(Path root, Duration pauseBetweenSteps) {
    this.root = root.toAbsolutePath().normalize();
    this.owner = FolderOwner.of(this.root);
    this.pauseBetweenSteps = pauseBetweenSteps;
  }

  /**
   * Finishes an update a kill interrupted, if any, and removes temporary files one left below
   * {@code outputDirs}; returns the number of steps that were left.
   */
  public int finishInterrupted(List<ManifestPath> outputDirs) throws InputException {
    int steps = UpdateJournal.finish(root);
    try {
      UpdateJournal.removeTemporaries(root, outputDirs);
    } catch (IOException e) {
      throw new InputException(Problem.of(relative(e), "cannot remove a temporary file: " + e.getMessage()));
    }
    return steps;
  }

  /** Writes and deletes what the plans say; a failure before the first rename changes nothing. */
  public void apply(List<UpdatePlan> plans) throws InputException {
    List<UpdateJournal.Step> steps = check(plans);
    if (steps.isEmpty()) {
      return;
    }
    List<Path> createdDirs = new ArrayList<>();
    List<Path> staged = new ArrayList<>();
    List<UpdateJournal.Step> journal = new ArrayList<>();
    try {
      for (UpdatePlan plan : plans) {
        for (Map.Entry<ManifestPath, String> write : plan.writes().entrySet()) {
          Path target = write.getKey().resolveIn(root);
          createParents(target.getParent(), createdDirs);
          Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", UpdateJournal.TEMP_SUFFIX);
          staged.add(temp);
          Files.writeString(temp, write.getValue(), StandardCharsets.UTF_8);
          FileModes.copyOrDefault(target, temp);
          if (owner.isPresent()) {
            owner.get().give(temp);
          }
          journal.add(new UpdateJournal.Step(ManifestPath.relative(root, temp), write.getKey()));
        }
        plan.deletes().forEach(d -> journal.add(new UpdateJournal.Step(null, d)));
      }
      UpdateJournal.write(root, journal);
    } catch (IOException e) {
      staged.forEach(AtomicWriter::deleteQuietly);
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        deleteQuietly(createdDirs.get(i));
      }
      deleteQuietly(root.resolve(UpdateJournal.FILE + ".tmp"));
      throw new InputException(Problem.of(relative(e), "cannot write: " + e.getMessage() + "; nothing was changed"));
    }
    try {
      for (UpdateJournal.Step step : journal) {
        pause();
        if (step.from() != null) {
          move(step.from().resolveIn(root), step.to().resolveIn(root));
        } else {
          Files.deleteIfExists(step.to().resolveIn(root));
        }
      }
      UpdateJournal.remove(root);
    } catch (IOException e) {
      throw new InputException(Problem.of(relative(e), "update interrupted: " + e.getMessage()
          + "; run `kube-generate --update` again to finish it"));
    }
  }

  /** Every problem that would stop the update half-way, found before anything changes. */
  private List<UpdateJournal.Step> check(List<UpdatePlan> plans) throws InputException {
    List<Problem> problems = new ArrayList<>();
    List<UpdateJournal.Step> steps = new ArrayList<>();
    for (UpdatePlan plan : plans) {
      for (ManifestPath write : plan.writes().keySet()) {
        linkFree(write, problems);
        Path target = write.resolveIn(root);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(Problem.of(write.value(), "a folder is where this file goes; remove or rename it; nothing was changed"));
        }
        for (Path p = target.getParent(); p != null && !p.equals(root); p = p.getParent()) {
          if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Problem.of(write.value(), "the file " + root.relativize(p) + " is where a folder must go; nothing was changed"));
            break;
          }
        }
        steps.add(new UpdateJournal.Step(null, write));
      }
      for (ManifestPath delete : plan.deletes()) {
        linkFree(delete, problems);
        Path folder = delete.resolveIn(root).getParent();
        if (!Files.isWritable(folder)) {
          problems.add(Problem.of(delete.value(), "cannot be deleted: its folder is read-only; nothing was changed"));
        }
        steps.add(new UpdateJournal.Step(null, delete));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return steps;
  }

  private void pause() {
    if (pauseBetweenSteps.isZero()) {
      return;
    }
    try {
      Thread.sleep(pauseBetweenSteps.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Adds a problem when an existing part of {@code path} is a symbolic link. */
  private void linkFree(ManifestPath path, List<Problem> problems) {
    Path current = root;
    for (String segment : path.value().split("/")) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        problems.add(Problem.of(path.value(), "refusing to write through the symbolic link "
            + root.relativize(current) + "; nothing was changed"));
        return;
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
    }
  }

  private void createParents(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !p.equals(root) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      if (owner.isPresent()) {
        owner.get().give(p);
      }
      created.add(p);
    }
  }

  private String relative(Exception e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
        ? root.relativize(Path.of(fse.getFile()).toAbsolutePath().normalize()).toString()
        : ".";
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a temporary file left behind is named as ours, and check reports it
    }
  }
}
