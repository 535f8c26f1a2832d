package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
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
import java.util.List;
import java.util.Optional;

/**
 * Lists and reads the manifest files ({@code *.yaml}, {@code *.yml}, {@code *.json}) under a
 * folder.
 */
public final class CommittedFiles {

  private CommittedFiles() {}

  /** True for the file names the check classifies; others (README.md, .gitkeep) are ignored. */
  public static boolean isManifest(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
  }

  /** Every manifest file below {@code folder}, sorted; symbolic links are listed but never read. */
  public static List<CommittedFile> list(Path root, ManifestPath folder) throws InputException {
    Path start = folder.resolveIn(root);
    List<CommittedFile> out = new ArrayList<>();
    if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
      return out;
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
              if (!isManifest(file.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
              }
              ManifestPath path = file.equals(start) ? folder : folder.resolve(below(start, file));
              if (attrs.isSymbolicLink()) {
                out.add(
                    new CommittedFile(
                        path,
                        Optional.empty(),
                        Optional.of("a symbolic link, which kube-generate never follows")));
              } else if (attrs.isRegularFile()) {
                out.add(read(file, path));
              } else if (!attrs.isDirectory()) {
                // a FIFO would block the check and a device never end: listed, never opened
                out.add(
                    new CommittedFile(
                        path,
                        Optional.empty(),
                        Optional.of("not a regular file (a FIFO, socket or device)")));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InputException(
          Problem.of(folder.value(), "cannot list manifests: " + e.getMessage()));
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  /** The part of {@code file}'s path below {@code start}, with {@code /} separators. */
  private static String below(Path start, Path file) {
    // the walk builds every path by appending to start: a string cut, not a path computation
    String rest = file.toString().substring(start.toString().length() + 1);
    return File.separatorChar == '/' ? rest : rest.replace(File.separatorChar, '/');
  }

  /**
   * Reads a file the walk saw as a regular file: the walk follows no link and starts at the output
   * folder, which was proven to be inside the repository, so its real path need not be resolved.
   */
  private static CommittedFile read(Path file, ManifestPath path) {
    try {
      return new CommittedFile(
          path, Optional.of(RepositoryFiles.readFound(file, path.value())), Optional.empty());
    } catch (InputException e) {
      String message = e.problems().get(0).message();
      return new CommittedFile(path, Optional.empty(), Optional.of(message));
    }
  }
}
