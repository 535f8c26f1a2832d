package dev.kubegenerate.update;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies update plans so that a failure or a kill at any moment leaves the old tree, the new tree,
 * or an interrupted update that the next {@code --update} finishes:
 *
 * <ol>
 *   <li>everything detectable in a plan is checked before any of its files is staged (links, a
 *       folder where a file goes, a folder files cannot be deleted from): a failure here stops the
 *       update, and what other plans staged is removed;
 *   <li>every new file is staged as a temporary file beside its target ({@link Staging}), plan by
 *       plan, as each config's render finishes: a failure removes them;
 *   <li>the {@link UpdateJournal} of the planned renames and deletions is written;
 *   <li>the renames and deletions run, then the journal is removed.
 * </ol>
 *
 * Nothing is written through a symbolic link. Written files keep the mode of the file they replace;
 * new ones get {@link FileModes#forNewFile()}. What it creates gets the owner and group of the
 * folder worked in ({@link FolderOwner}).
 */
public final class AtomicWriter {

  private final Path root;
  private final UpdateJournal journal;
  private final Duration pauseBetweenSteps;
  private final java.util.Optional<FolderOwner> owner;

  /**
   * @param journal where the journal of {@code root}'s updates is kept (empty: nowhere)
   */
  public AtomicWriter(Path root, java.util.Optional<JournalLocation> journal) {
    this(root, journal, Duration.ZERO);
  }

  /**
   * @param pauseBetweenSteps a pause between renames, for tests that kill a run half-way
   */
  public AtomicWriter(
      Path root, java.util.Optional<JournalLocation> journal, Duration pauseBetweenSteps) {
    this.root = root.toAbsolutePath().normalize();
    this.journal = new UpdateJournal(this.root, journal);
    this.owner = FolderOwner.of(this.root);
    this.pauseBetweenSteps = pauseBetweenSteps;
  }

  /**
   * Finishes an update a kill interrupted, if any, and removes temporary files one left below
   * {@code outputDirs}; returns the number of steps that were left.
   */
  public int finishInterrupted(List<ManifestPath> outputDirs) throws InputException {
    int steps = journal.finish(outputDirs);
    try {
      journal.removeTemporaries(outputDirs);
    } catch (IOException e) {
      throw new InputException(
          Problem.of(relative(e), "cannot remove a temporary file: " + e.getMessage()));
    }
    return steps;
  }

  /**
   * Removes the temporary files an interrupted update left (killed before its journal), as the
   * listing of the output folders found them; only regular files named as ours.
   */
  public void removeLeftovers(List<ManifestPath> temporaries) throws InputException {
    try {
      for (ManifestPath t : temporaries) {
        Path file = t.resolveIn(root);
        if (StagedFiles.isStaged(t.fileName())
            && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new InputException(
          Problem.of(relative(e), "cannot remove a temporary file: " + e.getMessage()));
    }
  }

  /** Whether an update was interrupted: its journal is there, for {@link #finishInterrupted}. */
  public boolean interrupted() {
    return journal.exists();
  }

  /** A new update's staging: plans are checked and staged into it, then {@link #commit}ted. */
  public Staging staging() {
    return new Staging(root, owner);
  }

  /** Writes and deletes what the plans say; a failure before the first rename changes nothing. */
  public void apply(List<UpdatePlan> plans) throws InputException {
    Staging staging = staging();
    List<Problem> problems = new ArrayList<>();
    plans.forEach(plan -> problems.addAll(staging.check(plan)));
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    List<Changes> changes = new ArrayList<>();
    try {
      for (UpdatePlan plan : plans) {
        staging.stage(plan);
        changes.add(new Changes(List.copyOf(plan.writes().keySet()), plan.deletes()));
      }
    } catch (InputException e) {
      staging.discard();
      throw e;
    }
    commit(staging, changes);
  }

  /**
   * What one staged plan changes: its writes, staged, and its deletions.
   *
   * @param writes the targets of the staged files, in the order they are renamed
   * @param deletes the files deleted after the renames
   */
  public record Changes(List<ManifestPath> writes, List<ManifestPath> deletes) {}

  /**
   * Writes the journal of everything staged, then renames the staged files onto their targets and
   * deletes, plan by plan; a failure before the journal is written discards what is staged and
   * changes nothing, one after it leaves an update the next run finishes.
   */
  public void commit(Staging staging, List<Changes> changes) throws InputException {
    staging.seal();
    // the steps are made again from the paths as they are needed: an update of 150,000 files
    // holds no list of them
    Iterable<UpdateJournal.Step> steps = () -> steps(staging, changes).iterator();
    if (!steps.iterator().hasNext()) {
      return;
    }
    try {
      journal.write(steps);
      staging.journaled();
    } catch (IOException e) {
      staging.discard();
      deleteQuietly(journal.temporary());
      throw new InputException(
          Problem.of(relative(e), "cannot write: " + e.getMessage() + "; nothing was changed"));
    }
    try {
      for (UpdateJournal.Step step : steps) {
        pause();
        if (step.from() != null) {
          move(step.from().resolveIn(root), step.to().resolveIn(root));
        } else {
          Files.deleteIfExists(step.to().resolveIn(root));
        }
      }
      journal.remove();
    } catch (IOException e) {
      throw new InputException(
          Problem.of(
              relative(e),
              "update interrupted: "
                  + e.getMessage()
                  + "; run `kube-generate --update` again to finish it"));
    }
  }

  private static java.util.stream.Stream<UpdateJournal.Step> steps(
      Staging staging, List<Changes> changes) {
    return changes.stream()
        .flatMap(
            c ->
                java.util.stream.Stream.concat(
                    c.writes().stream().map(w -> new UpdateJournal.Step(staging.temporaryOf(w), w)),
                    c.deletes().stream().map(d -> new UpdateJournal.Step(null, d))));
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

  private String relative(Exception e) {
    return Staging.relative(root, e);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a temporary file left behind is named as ours, and check reports it
    }
  }
}
