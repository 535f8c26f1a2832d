package dev.kubegenerate.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where this machine keeps the journal of an {@code --update} of one folder: in the repository's
 * git directory (a {@code .git} folder, or the folder a {@code .git} file names, as a worktree or a
 * submodule has), else in the user's cache. Never in the working tree: a pull request can commit
 * any file there, and a journal it planted would move its files over the developer's.
 *
 * <p>Git refuses to track a path with a {@code .git} segment, so nothing below a git directory
 * comes from a pull request. One repository may hold several folders worked in with {@code -C} (a
 * monorepo), so the journal's name holds a hash of the folder's path from the folder that holds
 * {@code .git}; moving the whole checkout keeps it.
 *
 * @param file the journal file; its folder exists when it was found, not necessarily otherwise
 */
public record JournalLocation(Path file) {

  /** The journal's name in a git directory, before the hash of the folder worked in. */
  static final String PREFIX = "kube-generate-update-";

  /**
   * The journal of {@code root}.
   *
   * @param cacheDir the user's cache folder for kube-generate, used outside a git repository
   */
  public static Optional<JournalLocation> of(Path root, Optional<Path> cacheDir) {
    Path absolute = root.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      Optional<Path> gitDir = gitDirectory(dir);
      if (gitDir.isPresent()) {
        String relative = dir.relativize(absolute).toString().replace('\\', '/');
        return Optional.of(new JournalLocation(gitDir.get().resolve(PREFIX + hash(relative))));
      }
    }
    return cacheDir.map(
        cache -> new JournalLocation(cache.resolve("journals").resolve(hash(absolute.toString()))));
  }

  /**
   * The git directory {@code dir/.git} stands for: itself, or what a {@code gitdir:} file names.
   */
  private static Optional<Path> gitDirectory(Path dir) {
    Path dotGit = dir.resolve(".git");
    if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(dotGit);
    }
    if (!Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      if (Files.size(dotGit) > 4096) {
        return Optional.empty();
      }
      String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
      if (!text.startsWith("gitdir:")) {
        return Optional.empty();
      }
      Path named = dir.resolve(text.substring("gitdir:".length()).strip()).normalize();
      return Files.isDirectory(named, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(named)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
