package dev.kubegenerate.yaml;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens the files of a repository the way every input must be opened, because a pull request
 * controls them: a symbolic link may point anywhere inside the root but never out of it (a link to
 * the runner's files would have them read and shown in an error or a diff), and only regular files
 * are read (a FIFO would block the check forever, a device would never end). Each refusal is a
 * one-line {@link InputException} naming the file. Nothing in a {@code .git} folder is an input
 * either: its config can hold the checkout's token.
 *
 * <p>The checks run on the real path (every link resolved) just before it is opened, and the file
 * is opened without following links, so what was checked is what is read.
 */
public final class RepositoryFiles {

  private RepositoryFiles() {}

  /**
   * Reads {@code file} under {@code root} as UTF-8 text with the limits of {@link InputText}.
   *
   * @param shownAs the name used in error messages (root-relative)
   */
  public static String read(Path root, Path file, String shownAs) throws InputException {
    Path real = regularFile(root, file, shownAs);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(real, noFollow(real))) {
      // one byte past the limit, so an oversized file is recognised without reading all of it
      bytes = in.readNBytes(InputText.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InputException(Problem.of(shownAs, "cannot read: " + InputText.describe(e)));
    }
    return InputText.decode(bytes, shownAs);
  }

  /**
   * Reads a file that a walk found as a regular file, as UTF-8 text with the limits of {@link
   * InputText}, without resolving its real path: the walk followed no link and started from a
   * folder already proven to be inside the repository, so no link lies on the file's path below
   * that folder. Resolving the path again would cost one system call per folder of the path, for
   * every file. The file is opened without following a link, so a file replaced by a link since the
   * walk is refused, never followed.
   *
   * @param shownAs the name used in error messages (root-relative)
   */
  public static String readFound(Path file, String shownAs) throws InputException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(InputText.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InputException(Problem.of(shownAs, "cannot read: " + InputText.describe(e)));
    }
    return InputText.decode(bytes, shownAs);
  }

  /**
   * The real path of a regular file under {@code root}; refuses links out of it and anything else.
   */
  public static Path regularFile(Path root, Path file, String shownAs) throws InputException {
    Path real = inside(root, file, shownAs);
    if (!attributes(real, shownAs).isRegularFile()) {
      throw new InputException(
          Problem.of(
              shownAs,
              "not a regular file (a folder, FIFO, socket or device); kube-generate reads only regular files"));
    }
    return real;
  }

  /** The real path of a folder under {@code root}; refuses links out of it and anything else. */
  public static Path folder(Path root, Path dir, String shownAs) throws InputException {
    Path real = inside(root, dir, shownAs);
    if (!attributes(real, shownAs).isDirectory()) {
      throw new InputException(Problem.of(shownAs, "not a folder"));
    }
    return real;
  }

  /** Whether {@code path} exists and, every link resolved, stays under {@code root}. */
  public static boolean existsInside(Path root, Path path) {
    try {
      return path.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** The real path of {@code path}, which must exist and stay under {@code root}. */
  private static Path inside(Path root, Path path, String shownAs) throws InputException {
    Path real;
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new InputException(
          Problem.of(shownAs, "cannot read: the folder " + root + " " + InputText.describe(e)));
    }
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw new InputException(Problem.of(shownAs, "cannot read: " + InputText.describe(e)));
    }
    if (!real.startsWith(realRoot)) {
      boolean named =
          path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
      throw new InputException(
          Problem.of(
              shownAs,
              (named ? "a symbolic link leads" : "this is")
                  + " out of the repository; kube-generate reads nothing outside it"));
    }
    if (inGitDirectory(realRoot.relativize(real))) {
      boolean named =
          !inGitDirectory(
              root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()));
      throw new InputException(
          Problem.of(
              shownAs,
              (named ? "a symbolic link leads into" : "this is in")
                  + " the repository's .git folder, which can hold the checkout's token;"
                  + " kube-generate reads no input from it"));
    }
    return real;
  }

  /**
   * Whether a root-relative path lies in a {@code .git} folder (in any case: some file systems
   * ignore it): git's config there can hold the token the checkout was made with.
   */
  static boolean inGitDirectory(Path relative) {
    for (Path name : relative) {
      if (name.toString().equalsIgnoreCase(".git")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Not following links where the file system has them; the built-in templates are read from the
   * jar's file system, which has none and refuses the option.
   */
  private static LinkOption[] noFollow(Path path) {
    return path.getFileSystem() == FileSystems.getDefault()
        ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS}
        : new LinkOption[0];
  }

  private static BasicFileAttributes attributes(Path real, String shownAs) throws InputException {
    try {
      return Files.readAttributes(real, BasicFileAttributes.class, noFollow(real));
    } catch (IOException e) {
      throw new InputException(Problem.of(shownAs, "cannot read: " + InputText.describe(e)));
    }
  }
}
