package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.update.StagedFiles;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Lists and reads the manifest files ({@code *.yaml}, {@code *.yml}, {@code *.json}) under a
 * folder.
 */
public final class CommittedFiles {

  /**
   * An output folder's content.
   *
   * @param files its manifest files, sorted by path
   * @param temporaries files an interrupted {@code --update} left behind
   * @param problems files whose names kube-generate cannot use as a path (a backslash)
   */
  record Listing(
      List<CommittedFile> files, List<ManifestPath> temporaries, List<Problem> problems) {}

  private CommittedFiles() {}

  /** Every manifest file below {@code folder}, sorted; symbolic links are listed but never read. */
  public static List<CommittedFile> list(Path root, ManifestPath folder) throws InputException {
    return list(root, folder, ScannedTree.none()).files();
  }

  /**
   * Every manifest file below {@code folder}, sorted, and the temporary files there; taken from
   * {@code tree} when it saw the whole folder, else walked from disk.
   */
  static Listing list(Path root, ManifestPath folder, ScannedTree tree) throws InputException {
    Optional<SortedMap<String, ScannedTree.Kind>> scanned =
        tree.below(root.toAbsolutePath().normalize(), folder);
    return scanned.isPresent() ? fromTree(root, scanned.get()) : walk(root, folder);
  }

  private static Listing fromTree(Path root, SortedMap<String, ScannedTree.Kind> scanned) {
    List<CommittedFile> files = new ArrayList<>();
    List<ManifestPath> temporaries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, ScannedTree.Kind> e : scanned.entrySet()) {
      Optional<ManifestPath> named = nameable(e.getKey(), problems);
      if (named.isEmpty()) {
        continue;
      }
      ManifestPath path = named.get();
      String name = path.fileName();
      if (StagedFiles.isStaged(name)) {
        temporaries.add(path);
      }
      if (ManifestPath.isManifestName(name)) {
        files.add(committed(path.resolveIn(root), path, e.getValue()));
      }
    }
    return new Listing(files, temporaries, problems);
  }

  /**
   * The path of a file found on disk; a name no path of kube-generate can hold (a backslash, a
   * folder separator on Windows, is a plain character on Linux) is a problem on that file, not a
   * crash of the whole check.
   */
  private static Optional<ManifestPath> nameable(String relative, List<Problem> problems) {
    try {
      return Optional.of(ManifestPath.of(relative));
    } catch (IllegalArgumentException e) {
      problems.add(
          Problem.of(
              relative,
              "kube-generate cannot handle a file name with a backslash"
                  + " (a folder separator on Windows); rename the file"));
      return Optional.empty();
    }
  }

  private static Listing walk(Path root, ManifestPath folder) throws InputException {
    Path start = folder.resolveIn(root);
    List<CommittedFile> out = new ArrayList<>();
    List<ManifestPath> temporaries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
      return new Listing(out, temporaries, problems);
    }
    if (Files.isSymbolicLink(start)) {
      throw new InputException(
          Problem.of(
              folder.value(),
              "the output folder is a symbolic link; kube-generate does not follow links"));
    }
    if (!RepositoryFiles.existsInside(root, start)) {
      // a parent folder is a link out of the repository: its files are the runner's, not ours
      throw new InputException(
          Problem.of(
              folder.value(),
              "a parent folder is a symbolic link that leads out of the repository; kube-generate reads nothing outside it"));
    }
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              boolean manifest = ManifestPath.isManifestName(name);
              boolean temporary = StagedFiles.isStaged(name);
              if (attrs.isDirectory() || !(manifest || temporary)) {
                return FileVisitResult.CONTINUE;
              }
              Optional<ManifestPath> named =
                  file.equals(start)
                      ? Optional.of(folder)
                      : nameable(folder.value() + "/" + below(start, file), problems);
              if (named.isEmpty()) {
                return FileVisitResult.CONTINUE;
              }
              ManifestPath path = named.get();
              if (temporary) {
                temporaries.add(path);
              }
              if (manifest) {
                out.add(committed(file, path, kind(attrs)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InputException(
          Problem.of(folder.value(), "cannot list manifests: " + e.getMessage()));
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    temporaries.sort(null);
    problems.sort(Comparator.comparing(Problem::file));
    return new Listing(out, temporaries, problems);
  }

  private static ScannedTree.Kind kind(BasicFileAttributes attrs) {
    return attrs.isSymbolicLink()
        ? ScannedTree.Kind.LINK
        : attrs.isRegularFile() ? ScannedTree.Kind.REGULAR : ScannedTree.Kind.OTHER;
  }

  /** The part of {@code file}'s path below {@code start}, with {@code /} separators. */
  private static String below(Path start, Path file) {
    // the walk builds every path by appending to start: a string cut, not a path computation
    String rest = file.toString().substring(start.toString().length() + 1);
    return File.separatorChar == '/' ? rest : rest.replace(File.separatorChar, '/');
  }

  /**
   * A file as the walk saw it: a link is listed, never followed; a FIFO would block the check and a
   * device never end, so only a regular file is opened.
   */
  private static CommittedFile committed(Path file, ManifestPath path, ScannedTree.Kind kind) {
    return switch (kind) {
      case LINK ->
          new CommittedFile(
              path,
              Optional.empty(),
              Optional.of("a symbolic link, which kube-generate never follows"),
              true);
      case OTHER ->
          new CommittedFile(
              path,
              Optional.empty(),
              Optional.of("not a regular file (a FIFO, socket or device)"),
              false);
      case REGULAR -> read(file, path);
    };
  }

  /**
   * Reads a file the walk saw as a regular file: the walk follows no link and starts at a folder
   * proven to be inside the repository, so its real path need not be resolved.
   */
  private static CommittedFile read(Path file, ManifestPath path) {
    try {
      return new CommittedFile(
          path,
          Optional.of(RepositoryFiles.readFound(file, path.value())),
          Optional.empty(),
          false);
    } catch (InputException e) {
      String message = e.problems().get(0).message();
      return new CommittedFile(path, Optional.empty(), Optional.of(message), false);
    }
  }
}
