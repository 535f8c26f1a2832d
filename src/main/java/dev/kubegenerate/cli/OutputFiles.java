package dev.kubegenerate.cli;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes the files a run is asked for ({@code --patch}, {@code --summary}) where a pull request's
 * files lie: a symbolic link the repository holds on the way to the file, or as the file, would
 * have the run write (or replace) whatever the link names, so it is refused with a one-line error.
 */
final class OutputFiles {

  private OutputFiles() {}

  /** Writes {@code text} to {@code file} (resolved in {@code root}) as UTF-8. */
  static void write(Path root, Path file, String text, String option) throws InputException {
    Path target = root.resolve(file).toAbsolutePath();
    String shown = file.toString();
    refuseLinks(root.toAbsolutePath().normalize(), target, shown, option);
    try (OutputStream out =
        Files.newOutputStream(
            target,
            LinkOption.NOFOLLOW_LINKS,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InputException(
          Problem.of(shown, option + " cannot write: " + why.replaceAll("\\s*\\R\\s*", " ")));
    }
  }

  /** Refuses a link at any step of {@code target} below {@code root}, and a file not regular. */
  static void refuseLinks(Path root, Path target, String shown, String option)
      throws InputException {
    Optional<Path> link = firstLink(root, target);
    if (link.isPresent()) {
      throw new InputException(
          Problem.of(
              shown,
              option
                  + " would write through the symbolic link "
                  + link.get()
                  + "; kube-generate writes through no link in the repository"));
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(Problem.of(shown, option + " names something not a regular file"));
    }
  }

  /**
   * The first symbolic link on the way to {@code target} (absolute, as typed, {@code ..} kept) that
   * lies below {@code root}, relative to it; the steps above {@code root} are the user's.
   */
  static Optional<Path> firstLink(Path root, Path target) {
    Path step = target.getRoot();
    for (Path name : target) {
      step = step.resolve(name);
      Path normal = step.normalize();
      if (normal.startsWith(root) && !normal.equals(root) && Files.isSymbolicLink(step)) {
        return Optional.of(root.relativize(normal));
      }
    }
    return Optional.empty();
  }
}
