package dev.kubegenerate.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a state file of ours can be trusted to be ours: a regular file (not a link), owned by the
 * user this process runs as, that no one else may write. Another user of the machine who can write
 * the folder could otherwise plant one.
 */
final class Trust {

  private Trust() {}

  /** Why {@code file} is not to be trusted, or empty when it is. */
  static Optional<String> problem(Path file) {
    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("not a regular file");
    }
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return Optional.empty(); // no POSIX owners (Windows): the folder's access rules decide
    } catch (IOException e) {
      return Optional.of("cannot be read");
    }
    if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      return Optional.of("writable by other users");
    }
    if (!ownedByThisUser(file, attributes)) {
      return Optional.of("owned by another user");
    }
    return Optional.empty();
  }

  private static boolean ownedByThisUser(Path file, PosixFileAttributes attributes) {
    OptionalInt uid = effectiveUid();
    if (uid.isPresent()) {
      try {
        Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        return owner instanceof Integer id && id == uid.getAsInt();
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        // no unix view: compare names below
      }
    }
    return attributes.owner().getName().equals(System.getProperty("user.name"));
  }

  /** The effective user id from {@code /proc/self/status} ("Uid:\treal\teffective\t..."). */
  static OptionalInt effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring("Uid:".length()).strip().split("\\s+");
          return OptionalInt.of(Integer.parseInt(ids.length > 1 ? ids[1] : ids[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return OptionalInt.empty();
  }
}
