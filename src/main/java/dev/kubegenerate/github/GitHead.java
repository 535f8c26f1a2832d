package dev.kubegenerate.github;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit the working tree has checked out, read from {@code .git/HEAD} without git (the image
 * has none): a detached HEAD holds the sha, a branch's is resolved through {@code refs/} or {@code
 * packed-refs}. This is the one thing autofix reads from {@code .git}, and every read is bounded:
 * sizes, link depth, the walk up to the repository root.
 *
 * @param repositoryRoot the folder holding {@code .git}, when one was found
 * @param checkout the checked-out commit, or why it could not be read
 */
public record GitHead(Optional<Path> repositoryRoot, AutofixDecision.Checkout checkout) {

  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
  private static final int SMALL_FILE = 4096;
  private static final long MAX_PACKED_REFS = 512L << 20;
  private static final int MAX_LINE = 4096;
  private static final int MAX_SYMBOLIC = 5;
  private static final int MAX_LEVELS = 64;

  /**
   * The repository holding {@code folder} and its checked-out commit: the nearest folder with a
   * {@code .git}, looking no higher than {@code top} (the workspace) when {@code folder} is in it.
   */
  public static GitHead of(Path folder, Optional<Path> top) {
    Path start;
    Path stop;
    try {
      start = folder.toRealPath();
      stop = top.isPresent() && Files.isDirectory(top.get()) ? top.get().toRealPath() : null;
    } catch (IOException e) {
      return none("the checked folder cannot be read: " + e.getClass().getSimpleName());
    }
    if (stop != null && !start.startsWith(stop)) {
      stop = null;
    }
    Path dir = start;
    for (int level = 0; dir != null && level < MAX_LEVELS; level++, dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        return new GitHead(Optional.of(dir), read(dir, dotGit));
      }
      if (dir.equals(stop)) {
        break;
      }
    }
    return none(
        "no .git folder holds the checked folder; check the repository out with actions/checkout");
  }

  private static GitHead none(String problem) {
    return new GitHead(Optional.empty(), new AutofixDecision.Checkout(Optional.empty(), problem));
  }

  private static AutofixDecision.Checkout read(Path dir, Path dotGit) {
    try {
      Optional<Path> gitDir = gitDirectory(dir, dotGit);
      if (gitDir.isEmpty()) {
        return unread(".git is neither a folder nor a 'gitdir:' file");
      }
      // a linked worktree keeps HEAD in its own folder and the branches in the common one
      Path common = gitDir.get();
      Optional<String> commonDir = small(gitDir.get().resolve("commondir"));
      if (commonDir.isPresent()) {
        common = gitDir.get().resolve(commonDir.get().strip()).normalize();
      }
      Optional<String> head = small(gitDir.get().resolve("HEAD"));
      if (head.isEmpty()) {
        return unread(".git/HEAD cannot be read");
      }
      return resolve(head.get().strip(), gitDir.get(), common, 0);
    } catch (IOException e) {
      return unread(".git cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static AutofixDecision.Checkout resolve(String value, Path gitDir, Path common, int depth)
      throws IOException {
    if (SHA.matcher(value).matches()) {
      return new AutofixDecision.Checkout(
          Optional.of(value.toLowerCase(java.util.Locale.ROOT)), "");
    }
    if (!value.startsWith("ref:") || depth == MAX_SYMBOLIC) {
      return unread(".git/HEAD names no commit");
    }
    String ref = value.substring("ref:".length()).strip();
    if (!safeRef(ref)) {
      return unread(".git/HEAD names a ref autofix does not follow");
    }
    for (Path base : new Path[] {gitDir, common}) {
      Optional<String> loose = small(base.resolve(ref));
      if (loose.isPresent()) {
        return resolve(loose.get().strip(), gitDir, common, depth + 1);
      }
    }
    Optional<String> packed = packed(common.resolve("packed-refs"), ref);
    return packed.isPresent()
        ? resolve(packed.get(), gitDir, common, depth + 1)
        : unread("the branch .git/HEAD names has no commit (" + ref.length() + "-character ref)");
  }

  /** The sha {@code packed-refs} gives {@code ref}, reading no more than it must. */
  private static Optional<String> packed(Path file, String ref) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || Files.size(file) > MAX_PACKED_REFS) {
      return Optional.empty();
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] line = new char[MAX_LINE];
      String l;
      while ((l = bounded(in, line)) != null) {
        int space = l.indexOf(' ');
        if (space > 0 && l.substring(space + 1).equals(ref)) {
          return Optional.of(l.substring(0, space));
        }
      }
    }
    return Optional.empty();
  }

  // one line of at most MAX_LINE characters; a longer one is skipped whole
  private static String bounded(BufferedReader in, char[] buffer) throws IOException {
    int n = 0;
    boolean tooLong = false;
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (n < buffer.length) {
        buffer[n++] = (char) c;
      } else {
        tooLong = true;
      }
    }
    if (c == -1 && n == 0 && !tooLong) {
      return null;
    }
    return tooLong ? "" : new String(buffer, 0, n);
  }

  /** A ref git would write: {@code refs/...}, plain parts, nothing that climbs out. */
  static boolean safeRef(String ref) {
    if (!ref.startsWith("refs/") || ref.length() > 1024 || ref.endsWith("/")) {
      return false;
    }
    for (String part : ref.split("/")) {
      if (part.isEmpty() || part.startsWith(".") || part.endsWith(".lock")) {
        return false;
      }
    }
    return ref.chars().noneMatch(c -> c < 0x20 || c == 0x7f || "\\ ~^:?*[".indexOf(c) >= 0)
        && !ref.contains("..")
        && !ref.contains("@{");
  }

  /** The text of a small regular file (never a link), or empty. */
  private static Optional<String> small(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(SMALL_FILE + 1);
      return bytes.length > SMALL_FILE
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static Optional<Path> gitDirectory(Path dir, Path dotGit) throws IOException {
    if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(dotGit);
    }
    Optional<String> text = small(dotGit);
    if (text.isEmpty() || !text.get().startsWith("gitdir:")) {
      return Optional.empty();
    }
    Path named = dir.resolve(text.get().substring("gitdir:".length()).strip()).normalize();
    return Files.isDirectory(named) ? Optional.of(named) : Optional.empty();
  }

  private static AutofixDecision.Checkout unread(String problem) {
    return new AutofixDecision.Checkout(Optional.empty(), problem);
  }
}
