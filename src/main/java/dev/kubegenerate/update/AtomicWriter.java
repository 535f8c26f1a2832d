package dev.kubegenerate.update;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies update plans so that a failure or a kill at any moment leaves the old tree, the new tree,
 * or an interrupted update that the next {@code --update} finishes:
 *
 * <ol>
 *   <li>everything detectable is checked first (links, a folder where a file goes, a folder files
 *       cannot be deleted from): a failure here changes nothing;
 *   <li>every new file is staged as a temporary file beside its target: a failure removes them;
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

  /** Writes and deletes what the plans say; a failure before the first rename changes nothing. */
  public void apply(List<UpdatePlan> plans) throws InputException {
    // folders seen to be real folders (not links, not files): each is checked once per update,
    // not once per file below it (about 15 file-system calls a file at 1,000 apps before)
    Set<Path> folders = new HashSet<>();
    List<UpdateJournal.Step> steps = check(plans, folders);
    if (steps.isEmpty()) {
      return;
    }
    List<Path> createdDirs = new ArrayList<>();
    List<Path> staged = new ArrayList<>();
    List<UpdateJournal.Step> journalSteps = new ArrayList<>();
    // one random number names every staged file of this update (".NAME.NUMBER" + TEMP_SUFFIX)
    long stagingId = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    try {
      for (UpdatePlan plan : plans) {
        for (Map.Entry<ManifestPath, String> write : plan.writes().entrySet()) {
          Path target = write.getKey().resolveIn(root);
          createParents(target.getParent(), createdDirs, folders);
          Path temp = stage(target, write.getValue(), stagingId);
          staged.add(temp);
          FileModes.copyOrDefault(target, temp);
          if (owner.isPresent()) {
            owner.get().give(temp);
          }
          journalSteps.add(
              new UpdateJournal.Step(ManifestPath.relative(root, temp), write.getKey()));
        }
        plan.deletes().forEach(d -> journalSteps.add(new UpdateJournal.Step(null, d)));
      }
      journal.write(journalSteps);
    } catch (IOException e) {
      staged.forEach(AtomicWriter::deleteQuietly);
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        deleteQuietly(createdDirs.get(i));
      }
      deleteQuietly(journal.temporary());
      throw new InputException(
          Problem.of(relative(e), "cannot write: " + e.getMessage() + "; nothing was changed"));
    }
    try {
      for (UpdateJournal.Step step : journalSteps) {
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

  /** Every problem that would stop the update half-way, found before anything changes. */
  private List<UpdateJournal.Step> check(List<UpdatePlan> plans, Set<Path> folders)
      throws InputException {
    List<Problem> problems = new ArrayList<>();
    List<UpdateJournal.Step> steps = new ArrayList<>();
    for (UpdatePlan plan : plans) {
      for (ManifestPath write : plan.writes().keySet()) {
        linkFree(write, problems, folders);
        Path target = write.resolveIn(root);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(
              Problem.of(
                  write.value(),
                  "a folder is where this file goes; remove or rename it; nothing was changed"));
        }
        // a known folder's parents are folders too
        for (Path p = target.getParent();
            p != null && !p.equals(root) && !folders.contains(p);
            p = p.getParent()) {
          if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
              && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(
                Problem.of(
                    write.value(),
                    "the file "
                        + root.relativize(p)
                        + " is where a folder must go; nothing was changed"));
            break;
          }
        }
        steps.add(new UpdateJournal.Step(null, write));
      }
      for (ManifestPath delete : plan.deletes()) {
        linkFree(delete, problems, folders);
        Path folder = delete.resolveIn(root).getParent();
        if (!Files.isWritable(folder)) {
          problems.add(
              Problem.of(
                  delete.value(),
                  "cannot be deleted: its folder is read-only; nothing was changed"));
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

  /**
   * Adds a problem when an existing part of {@code path} is a symbolic link; remembers the real
   * folders it passes in {@code folders}.
   */
  private void linkFree(ManifestPath path, List<Problem> problems, Set<Path> folders) {
    Path current = root;
    String[] segments = path.value().split("/");
    for (int i = 0; i < segments.length; i++) {
      current = current.resolve(segments[i]);
      boolean folder = i < segments.length - 1;
      if (folder && folders.contains(current)) {
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return; // missing (or unreadable): nothing below it exists to be a link
      }
      if (attributes.isSymbolicLink()) {
        problems.add(
            Problem.of(
                path.value(),
                "refusing to write through the symbolic link "
                    + root.relativize(current)
                    + "; nothing was changed"));
        return;
      }
      if (folder && attributes.isDirectory()) {
        folders.add(current);
      }
    }
  }

  private void createParents(Path dir, List<Path> created, Set<Path> folders) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir;
        p != null
            && !p.equals(root)
            && !folders.contains(p)
            && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      if (owner.isPresent()) {
        owner.get().give(p);
      }
      created.add(p);
    }
    // it exists now, and check() has seen that no part of it is a link or a file
    folders.add(dir);
  }

  /**
   * Writes {@code text} to a new temporary file beside {@code target}, named as UpdateJournal
   * recognises its own: one open, where a temporary file from Files.createTempFile took two.
   */
  private static Path stage(Path target, String text, long stagingId) throws IOException {
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + stagingId + StagedFiles.SUFFIX);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out =
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(bytes);
    } catch (FileAlreadyExistsException e) {
      // left by an update that was killed and drew the same number: take another name
      temp =
          Files.createTempFile(
              target.getParent(), "." + target.getFileName() + ".", StagedFiles.SUFFIX);
      Files.write(temp, bytes);
    }
    return temp;
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
