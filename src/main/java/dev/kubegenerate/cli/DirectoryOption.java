package dev.kubegenerate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -C DIR}, the folder a run works in. Mixed into every command that reads or writes the
 * repository; given before the subcommand ({@code kube-generate -C app check}) it is read from the
 * parent command, so both orders work.
 */
final class DirectoryOption {

  static final String NAME = "directory";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "-C",
      paramLabel = "DIR",
      description = "Work as if started in DIR (default: the current folder).")
  Path directory;

  /** The folder as the user typed it, on this command or its parent. */
  Optional<Path> given() {
    if (directory != null) {
      return Optional.of(directory);
    }
    return Mixins.ofParent(mixee, NAME, DirectoryOption.class).flatMap(DirectoryOption::given);
  }

  /**
   * The folder to work in, absolute; a usage error when it is not an existing folder, or when it is
   * reached through a symbolic link below the working folder: a repository can hold such a link,
   * and a run there would read (and show) whatever it points at.
   */
  Path root(Path workingDir) {
    Optional<Path> given = given();
    Path dir = given.map(workingDir::resolve).orElse(workingDir).toAbsolutePath().normalize();
    if (given.isEmpty() && !Files.isDirectory(dir)) {
      throw new UsageException(
          "the working folder " + dir + " no longer exists; start the run in an existing folder");
    }
    if (given.isPresent() && !Files.isDirectory(dir)) {
      throw new UsageException(
          "-C " + given.get() + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
    }
    Optional<Path> link =
        given.flatMap(
            g ->
                OutputFiles.firstLink(
                    workingDir.toAbsolutePath().normalize(),
                    workingDir.resolve(g).toAbsolutePath()));
    if (link.isPresent()) {
      throw new UsageException(
          "-C "
              + given.get()
              + ": leads through the symbolic link "
              + link.get()
              + "; kube-generate runs in no linked folder of the repository");
    }
    return dir;
  }
}
