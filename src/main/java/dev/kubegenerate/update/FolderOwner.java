package dev.kubegenerate.update;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

/**
 * The owner and group of the folder being worked in, given to every file and folder {@code
 * --update} creates (SPEC §7). The action's container runs as root in a workspace that belongs to
 * the runner's user; without this, the scheduled update's files would belong to root and later
 * steps could not change them.
 *
 * @param owner the folder's owner
 * @param group the folder's group
 */
record FolderOwner(UserPrincipal owner, GroupPrincipal group) {

  /** The owner of {@code folder}, or empty on a file system without POSIX owners. */
  static Optional<FolderOwner> of(Path folder) {
    try {
      PosixFileAttributes attrs = Files.readAttributes(folder, PosixFileAttributes.class);
      return Optional.of(new FolderOwner(attrs.owner(), attrs.group()));
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
  }

  /** Gives {@code path} (never followed if a link) this owner and group, where they differ. */
  void give(Path path) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributes attrs = view.readAttributes();
    if (attrs.owner().equals(owner) && attrs.group().equals(group)) {
      return;
    }
    try {
      view.setOwner(owner);
      view.setGroup(group);
    } catch (FileSystemException e) {
      // only root may give a file away; anyone else already owns what they write, which is
      // the same outcome for the usual case of working in one's own folder
    }
  }
}
