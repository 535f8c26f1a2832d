package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The renames and deletions of one {@code --update}, written before the first of them and removed
 * after the last, so that a run killed half-way leaves a tree the next {@code --update} can finish
 * and that {@code check} refuses to pass. One line per step, paths relative to the repository and
 * URL-encoded (a file name may hold a line break):
 *
 * <pre>
 * move kubernetes/qa/.deployment.yaml.1234.kube-generate.tmp kubernetes/qa/deployment.yaml
 * delete kubernetes/qa/old.yaml
 * </pre>
 *
 * <p>The journal lives in the repository, so a pull request could commit one: every step is checked
 * before it runs (a temporary file of ours beside its target, holding a generated file; a deletion
 * only of a generated file), and nothing outside the repository is ever named.
 */
final class UpdateJournal {

  /** The journal's name, at the repository root. */
  static final String FILE = ".kube-generate-update";

  /** Suffix of the temporary files an update stages beside their targets. */
  static final String TEMP_SUFFIX = ".kube-generate.tmp";

  private static final Pattern TEMP_NAME =
      Pattern.compile("\\..+\\.[0-9]+" + Pattern.quote(TEMP_SUFFIX));

  /**
   * One step: a rename of a staged file onto its target, or a deletion when {@code from} is null.
   */
  record Step(ManifestPath from, ManifestPath to) {}

  private UpdateJournal() {}

  /** Whether {@code name} is the name of a temporary file an update stages. */
  static boolean isTemporary(String name) {
    return TEMP_NAME.matcher(name).matches();
  }

  /** Writes the journal in one atomic rename, so it is either complete or absent. */
  static void write(Path root, List<Step> steps) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      text.append(
              step.from() == null
                  ? "delete " + encode(step.to())
                  : "move " + encode(step.from()) + " " + encode(step.to()))
          .append('\n');
    }
    Path temp = root.resolve(FILE + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try {
      Files.move(
          temp,
          root.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, root.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void remove(Path root) throws IOException {
    Files.deleteIfExists(root.resolve(FILE));
  }

  static boolean exists(Path root) {
    return Files.exists(root.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Finishes an interrupted update: the renames not yet done, then the deletions, then removes the
   * journal. Returns how many steps were left; 0 when there was no journal.
   */
  static int finish(Path root) throws InputException {
    Path journal = root.resolve(FILE);
    if (!exists(root)) {
      return 0;
    }
    if (Files.isSymbolicLink(journal) || !Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          Problem.of(FILE, "not a regular file; delete it and run --update again"));
    }
    List<Step> steps = read(root, RepositoryFiles.read(root, journal, FILE));
    for (Step step : steps) {
      if ((step.from() != null && throughLink(root, step.from())) || throughLink(root, step.to())) {
        throw new InputException(
            Problem.of(
                FILE, "names a path through a symbolic link; delete it and run --update again"));
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
      remove(root);
    } catch (IOException e) {
      throw new InputException(
          Problem.of(FILE, "cannot finish the interrupted update: " + e.getMessage()));
    }
    return done;
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

  /** The steps of a journal, each checked to be a step an update of ours could have planned. */
  static List<Step> read(Path root, String text) throws InputException {
    List<Step> steps = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(" ");
      try {
        if (parts.length == 3 && parts[0].equals("move")) {
          ManifestPath from = ManifestPath.of(decode(parts[1]));
          ManifestPath to = ManifestPath.of(decode(parts[2]));
          Path fromPath = Path.of(from.value());
          Path toPath = Path.of(to.value());
          boolean beside =
              java.util.Objects.equals(fromPath.getParent(), toPath.getParent())
                  && fromPath.getFileName().toString().startsWith("." + toPath.getFileName() + ".")
                  && isTemporary(fromPath.getFileName().toString());
          if (!beside) {
            throw new IllegalArgumentException("not a staged file beside its target");
          }
          steps.add(new Step(from, to));
        } else if (parts.length == 2 && parts[0].equals("delete")) {
          steps.add(new Step(null, ManifestPath.of(decode(parts[1]))));
        } else {
          throw new IllegalArgumentException("unknown step");
        }
      } catch (IllegalArgumentException e) {
        throw new InputException(
            new Problem(
                FILE,
                lineNumber,
                1,
                "not a step kube-generate writes ("
                    + e.getMessage()
                    + "); delete the file and run --update again"));
      }
    }
    return steps;
  }

  /**
   * What {@code check} must not pass: an update that did not finish, and temporary files an update
   * left behind (killed while staging, before it wrote its journal).
   */
  static List<Problem> leftovers(Path root, List<ManifestPath> outputDirs) {
    List<Problem> problems = new ArrayList<>(interrupted(root));
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
                if (isTemporary(file.getFileName().toString())) {
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
   * As {@link #leftovers(Path, List)}, for temporary files already found by the listing of the
   * output folders.
   */
  static List<Problem> leftoversFound(Path root, List<ManifestPath> temporaries) {
    List<Problem> problems = new ArrayList<>(interrupted(root));
    temporaries.forEach(t -> problems.add(leftover(t.value())));
    return problems;
  }

  private static List<Problem> interrupted(Path root) {
    return exists(root)
        ? List.of(
            Problem.of(
                FILE, "an update was interrupted; run `kube-generate --update` to finish it"))
        : List.of();
  }

  private static Problem leftover(String temporary) {
    return Problem.of(
        temporary,
        "a temporary file left by an interrupted update; `kube-generate --update` removes it");
  }

  /** Deletes the temporary files an update left below {@code dirs}; only names of ours. */
  static void removeTemporaries(Path root, List<ManifestPath> dirs) throws IOException {
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
              if (attrs.isRegularFile() && isTemporary(file.getFileName().toString())) {
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
