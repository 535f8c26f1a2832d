package dev.kubegenerate.update;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The renames and deletions of one {@code --update}, written before the first of them and removed
 * after the last, so that a run killed half-way leaves a tree the next {@code --update} can finish
 * and that {@code check} refuses to pass. One line per step, paths relative to the folder worked in
 * and URL-encoded (a file name may hold a line break):
 *
 * <pre>
 * move kubernetes/qa/.deployment.yaml.1234.kube-generate.tmp kubernetes/qa/deployment.yaml
 * delete kubernetes/qa/old.yaml
 * </pre>
 *
 * <p>The journal lives where a pull request cannot commit it ({@link JournalLocation}), and is
 * trusted only when it is a regular file of this user's that no one else may write. Even then,
 * every step is checked before any runs: a move only of a staged file of ours, holding a generated
 * file, beside its target; a target only a manifest under an output folder that is absent or
 * generated; a deletion only of a generated file; nothing through a symbolic link. A journal an
 * earlier version left in the working tree is never read.
 */
public final class UpdateJournal {

  /** How the journal is named in messages: it is not in the folder worked in. */
  private static final String SHOWN = "the update journal";

  /**
   * One step: a rename of a staged file onto its target, or a deletion when {@code from} is null.
   */
  record Step(ManifestPath from, ManifestPath to) {}

  private final Path root;
  private final Optional<Path> file;

  /**
   * @param location where the journal of {@code root} is kept; empty when there is no such place
   *     (no git directory, no cache folder): updates then run without one, and a kill leaves a tree
   *     the next update rewrites from scratch
   */
  public UpdateJournal(Path root, Optional<JournalLocation> location) {
    this.root = root.toAbsolutePath().normalize();
    this.file = location.map(JournalLocation::file);
  }

  /**
   * Writes the journal in one atomic rename, so it is either complete or absent; the steps are
   * written as they come, not held as one text.
   */
  void write(Iterable<Step> steps) throws IOException {
    if (file.isEmpty()) {
      return;
    }
    Path journal = file.get();
    Files.createDirectories(journal.getParent());
    Path temp = temporary();
    Files.deleteIfExists(temp);
    Files.createFile(temp, ownerOnly());
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      for (Step step : steps) {
        out.write(
            step.from() == null
                ? "delete " + encode(step.to())
                : "move " + encode(step.from()) + " " + encode(step.to()));
        out.write('\n');
      }
    }
    try {
      Files.move(
          temp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, journal, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The file the journal is staged in before its rename. */
  Path temporary() {
    return file.map(f -> f.resolveSibling(f.getFileName() + ".tmp")).orElse(root.resolve(".none"));
  }

  void remove() throws IOException {
    if (file.isPresent()) {
      Files.deleteIfExists(file.get());
    }
  }

  boolean exists() {
    return file.isPresent() && Files.exists(file.get(), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Finishes an interrupted update: the renames not yet done, then the deletions, then removes the
   * journal. Returns how many steps were left; 0 when there was no journal.
   *
   * @param outputDirs the output folders of the run's configs: no step may reach outside them
   */
  int finish(List<ManifestPath> outputDirs) throws InputException {
    if (!exists()) {
      return 0;
    }
    Path journal = file.get();
    Optional<String> untrusted = Trust.problem(journal);
    if (untrusted.isPresent()) {
      throw new InputException(
          Problem.of(
              shownPath(),
              untrusted.get()
                  + ", so not a journal this user's kube-generate wrote; nothing was moved;"
                  + " delete it and run --update again"));
    }
    String text;
    try {
      text = Files.readString(journal, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          Problem.of(shownPath(), "cannot be read; delete it and run --update again"));
    }
    List<Step> steps = read(text, outputDirs);
    for (Step step : steps) {
      if ((step.from() != null && throughLink(root, step.from())) || throughLink(root, step.to())) {
        throw refused(0, "names a path through a symbolic link");
      }
      Path target = step.to().resolveIn(root);
      if (step.from() != null
          && Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
              && isGenerated(root, target))) {
        throw refused(0, "would replace " + step.to() + ", which is not a generated file");
      }
    }
    int done = 0;
    try {
      for (Step step : steps) {
        Path target = step.to().resolveIn(root);
        if (step.from() != null) {
          Path temp = step.from().resolveIn(root);
          if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS) && isGenerated(root, temp)) {
            AtomicWriter.move(temp, target);
            done++;
          }
        } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
            && isGenerated(root, target)) {
          Files.delete(target);
          done++;
        }
      }
      remove();
    } catch (IOException e) {
      throw new InputException(
          Problem.of(shownPath(), "cannot finish the interrupted update: " + e.getMessage()));
    }
    return done;
  }

  private InputException refused(int line, String why) {
    return new InputException(
        new Problem(
            shownPath(),
            line,
            line == 0 ? 0 : 1,
            "not a step kube-generate writes ("
                + why
                + "); nothing was moved; delete the journal and run --update again"));
  }

  /**
   * The journal's path for messages: from the folder worked in when it is in the repository's git
   * directory, else absolute (it is in the user's own cache).
   */
  String shownPath() {
    if (file.isEmpty()) {
      return SHOWN;
    }
    Path journal = file.get().toAbsolutePath().normalize();
    Path top = root;
    while (top != null && !journal.startsWith(top)) {
      top = top.getParent();
    }
    return top != null && journal.startsWith(top.resolve(".git"))
        ? root.relativize(journal).toString().replace('\\', '/')
        : journal.toString();
  }

  private static boolean throughLink(Path root, ManifestPath path) {
    Path current = root;
    for (String segment : path.value().split("/")) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGenerated(Path root, Path file) {
    try {
      return Marker.looksGenerated(RepositoryFiles.read(root, file, file.getFileName().toString()));
    } catch (InputException e) {
      return false;
    }
  }

  /**
   * The steps of a journal, each checked to be a step an update of ours could have planned: a
   * manifest under one of {@code outputDirs}, and for a move, a staged file beside it.
   */
  List<Step> read(String text, List<ManifestPath> outputDirs) throws InputException {
    List<Step> steps = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(" ");
      try {
        Step step;
        if (parts.length == 3 && parts[0].equals("move")) {
          ManifestPath from = ManifestPath.of(decode(parts[1]));
          ManifestPath to = ManifestPath.of(decode(parts[2]));
          Path fromPath = Path.of(from.value());
          Path toPath = Path.of(to.value());
          boolean beside =
              Objects.equals(fromPath.getParent(), toPath.getParent())
                  && fromPath.getFileName().toString().startsWith("." + toPath.getFileName() + ".")
                  && StagedFiles.isStaged(fromPath.getFileName().toString());
          if (!beside) {
            throw new IllegalArgumentException("not a staged file beside its target");
          }
          step = new Step(from, to);
        } else if (parts.length == 2 && parts[0].equals("delete")) {
          step = new Step(null, ManifestPath.of(decode(parts[1])));
        } else {
          throw new IllegalArgumentException("unknown step");
        }
        if (!ManifestPath.isManifestName(step.to().fileName())
            || outputDirs.stream()
                .noneMatch(dir -> step.to().startsWith(dir) && !step.to().equals(dir))) {
          throw new IllegalArgumentException(
              step.to() + " is not a manifest under an output folder");
        }
        steps.add(step);
      } catch (IllegalArgumentException e) {
        throw refused(lineNumber, e.getMessage());
      }
    }
    return steps;
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new java.nio.file.attribute.FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new java.nio.file.attribute.FileAttribute<?>[0];
  }

  /**
   * What {@code check} must not pass: an update that did not finish, and temporary files an update
   * left behind (killed while staging, before it wrote its journal).
   */
  public List<Problem> leftovers(List<ManifestPath> outputDirs) {
    List<Problem> problems = new ArrayList<>(interrupted());
    for (ManifestPath dir : outputDirs) {
      Path start = dir.resolveIn(root);
      if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        Files.walkFileTree(
            start,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (StagedFiles.isStaged(file.getFileName().toString())) {
                  // named as found: a name no ManifestPath holds (a backslash) is still told
                  String relative = root.relativize(file).toString();
                  problems.add(leftover(relative.replace(File.separatorChar, '/')));
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        // the check's own listing of the folder reports what cannot be read
      }
    }
    return problems;
  }

  /**
   * As {@link #leftovers(List)}, for temporary files already found by the listing of the output
   * folders.
   */
  public List<Problem> leftoversFound(List<ManifestPath> temporaries) {
    List<Problem> problems = new ArrayList<>(interrupted());
    temporaries.forEach(t -> problems.add(leftover(t.value())));
    return problems;
  }

  private List<Problem> interrupted() {
    return exists()
        ? List.of(
            Problem.of(
                shownPath(),
                "an update was interrupted; run `kube-generate --update` to finish it"))
        : List.of();
  }

  private static Problem leftover(String temporary) {
    return Problem.of(
        temporary,
        "a temporary file left by an interrupted update; `kube-generate --update` removes it");
  }

  /** Deletes the temporary files an update left below {@code dirs}; only names of ours. */
  void removeTemporaries(List<ManifestPath> dirs) throws IOException {
    for (ManifestPath dir : dirs) {
      Path start = dir.resolveIn(root);
      if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      List<Path> found = new ArrayList<>();
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && StagedFiles.isStaged(file.getFileName().toString())) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
      for (Path f : found) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static String encode(ManifestPath path) {
    return URLEncoder.encode(path.value(), StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
