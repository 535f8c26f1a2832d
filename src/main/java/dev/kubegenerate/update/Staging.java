package dev.kubegenerate.update;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The staged files of one update before its journal: each plan checked, then its new files written
 * as temporary files beside their targets, from any thread as each config's render finishes, so
 * that an update holds paths, not texts. Staged files are not writes: {@link #discard()} removes
 * them and the folders made for them, and a kill leaves files that {@code check} reports and the
 * next update removes.
 */
public final class Staging {

  private final Path root;
  private final Optional<FolderOwner> owner;
  // one random number names every staged file of this update (".NAME.NUMBER" + SUFFIX)
  private final long id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
  // folders seen to be real folders (not links, not files): each is checked once per update, not
  // once per file below it (about 15 file-system calls a file at 1,000 apps before)
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  // the targets of what is staged, whose staged files are named after them (paths, not Path
  // objects: about 150 bytes a file fewer at 150,000 files)
  private final Queue<List<ManifestPath>> staged = new ConcurrentLinkedQueue<>();
  private final Queue<Path> createdDirs = new ConcurrentLinkedQueue<>();
  // the few staged files that could not take their usual name, by target
  private final Map<ManifestPath, ManifestPath> renamed = new ConcurrentHashMap<>();
  // staging holds it shared, the changes of state exclusively: nothing is staged once sealed
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private State state = State.OPEN;

  /** Where an update's staging is. */
  private enum State {
    /** Files are being staged. */
    OPEN,
    /** Nothing more is staged: the journal is being written, or the update stopped. */
    SEALED,
    /** The journal names the staged files: they are the next run's to rename. */
    JOURNALED,
    /** The staged files are removed. */
    DISCARDED
  }

  Staging(Path root, Optional<FolderOwner> owner) {
    this.root = root;
    this.owner = owner;
  }

  /**
   * Every problem that would stop the update half-way in {@code plan}'s files, found before any of
   * them is staged: a symbolic link on the way, a folder where a file goes, a file where a folder
   * goes, a folder files cannot be deleted from.
   */
  public List<Problem> check(UpdatePlan plan) {
    List<Problem> problems = new ArrayList<>();
    for (ManifestPath write : plan.writes().keySet()) {
      linkFree(write, problems);
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
    }
    for (ManifestPath delete : plan.deletes()) {
      linkFree(delete, problems);
      Path folder = delete.resolveIn(root).getParent();
      if (!Files.isWritable(folder)) {
        problems.add(
            Problem.of(
                delete.value(), "cannot be deleted: its folder is read-only; nothing was changed"));
      }
    }
    return problems;
  }

  /**
   * Writes every new file of {@code plan} (checked by {@link #check}) as a temporary file beside
   * its target, with the target's mode, or a new file's.
   *
   * @throws InputException when a file cannot be written, or the update stopped meanwhile
   */
  public void stage(UpdatePlan plan) throws InputException {
    lock.readLock().lock();
    try {
      if (state != State.OPEN) {
        throw new InputException(
            Problem.of(".", "the update stopped before these files were staged"));
      }
      staged.add(List.copyOf(plan.writes().keySet()));
      for (Map.Entry<ManifestPath, String> write : plan.writes().entrySet()) {
        Path target = write.getKey().resolveIn(root);
        createParents(target.getParent());
        Path temp = stage(write.getKey(), target, write.getValue());
        FileModes.copyOrDefault(target, temp);
        if (owner.isPresent()) {
          owner.get().give(temp);
        }
      }
    } catch (IOException e) {
      throw new InputException(
          Problem.of(
              relative(root, e), "cannot write: " + e.getMessage() + "; nothing was changed"));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The file an I/O error names, relative to {@code root}; {@code .} when it names none. */
  static String relative(Path root, Exception e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
        ? root.relativize(Path.of(fse.getFile()).toAbsolutePath().normalize()).toString()
        : ".";
  }

  /** The staged file of {@code target}, as {@link #stage} wrote it. */
  public ManifestPath temporaryOf(ManifestPath target) {
    ManifestPath other = renamed.get(target);
    if (other != null) {
      return other;
    }
    String value = target.value();
    int slash = value.lastIndexOf('/');
    return ManifestPath.of(
        value.substring(0, slash + 1)
            + "."
            + value.substring(slash + 1)
            + "."
            + id
            + StagedFiles.SUFFIX);
  }

  /**
   * Removes every staged file and every folder made for one, deepest first, and stages nothing
   * more; waits for files being staged. Nothing once the journal is written: its renames need them.
   */
  public void discard() {
    lock.writeLock().lock();
    try {
      if (state == State.JOURNALED || state == State.DISCARDED) {
        return;
      }
      state = State.DISCARDED;
      staged.forEach(
          targets -> targets.forEach(t -> deleteQuietly(temporaryOf(t).resolveIn(root))));
      List<Path> dirs = new ArrayList<>(createdDirs);
      dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      dirs.forEach(Staging::deleteQuietly);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Stages nothing more; waits for files being staged. */
  void seal() {
    to(State.SEALED);
  }

  /** The journal names every staged file: a discard leaves them to the journal's renames. */
  void journaled() {
    to(State.JOURNALED);
  }

  private void to(State next) {
    lock.writeLock().lock();
    try {
      if (state != State.DISCARDED) {
        state = next;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds a problem when an existing part of {@code path} is a symbolic link; remembers the real
   * folders it passes.
   */
  private void linkFree(ManifestPath path, List<Problem> problems) {
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

  private void createParents(Path dir) throws IOException {
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
      try {
        Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        // made meanwhile for another config's files: a folder is what is needed
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        throw e;
      }
      createdDirs.add(p);
      if (owner.isPresent()) {
        owner.get().give(p);
      }
    }
    // it exists now, and check() has seen that no part of it is a link or a file
    folders.add(dir);
  }

  /**
   * Writes {@code text} to a new temporary file beside {@code target}, named as UpdateJournal
   * recognises its own: one open, where a temporary file from Files.createTempFile took two.
   */
  private Path stage(ManifestPath path, Path target, String text) throws IOException {
    Path temp = temporaryOf(path).resolveIn(root);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out =
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(bytes);
    } catch (FileAlreadyExistsException e) {
      // left by an update that was killed and drew the same number: take another name
      temp =
          Files.createTempFile(
              target.getParent(), "." + target.getFileName() + ".", StagedFiles.SUFFIX);
      renamed.put(path, ManifestPath.relative(root, temp));
      Files.write(temp, bytes);
    }
    return temp;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a temporary file left behind is named as ours, and check reports it
    }
  }
}
