package dev.kubegenerate.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The mode of the files {@code --update} writes. A replaced file keeps its mode; a new one gets
 * 0644 minus the process's umask, as {@code git checkout} or an editor would create it.
 *
 * <p>Java cannot ask for the umask, and a file created by Java gets 0666 minus the umask only
 * through {@code Files.newOutputStream}, not through the temporary files an atomic update needs
 * (always 0600). So the umask is read from {@code /proc/self/status} on Linux; elsewhere, or when
 * that fails, 022 (the usual default) is assumed.
 */
final class FileModes {

  private static final int DEFAULT_UMASK = 0022;
  private static final List<PosixFilePermission> BITS =
      List.of(
          PosixFilePermission.OTHERS_EXECUTE,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ);

  private FileModes() {}

  /**
   * Gives {@code staged} the mode of {@code target} when it exists, else the mode of a new file.
   */
  static void copyOrDefault(Path target, Path staged) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(staged, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return; // not a POSIX file system: nothing to give
    }
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      view.setPermissions(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
    } else {
      view.setPermissions(forNewFile());
    }
  }

  /** 0644 minus the umask. */
  static Set<PosixFilePermission> forNewFile() {
    return NewFile.PERMISSIONS;
  }

  /**
   * Read once per process, when the first new file is written: reading /proc/self/status for every
   * file cost an open, a read and a close each, a tenth of a from-scratch --update's system time at
   * 1,000 apps (28,868 files). The umask of a process does not change under it.
   */
  private static final class NewFile {
    static final Set<PosixFilePermission> PERMISSIONS = Set.copyOf(permissions(0644 & ~umask()));
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.size(); bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(BITS.get(bit));
      }
    }
    return out;
  }

  /** The process's umask from {@code /proc/self/status} ("Umask:\t0022"), or 022. */
  static int umask() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Umask:")) {
          return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or an older kernel without the line
    }
    return DEFAULT_UMASK;
  }
}
