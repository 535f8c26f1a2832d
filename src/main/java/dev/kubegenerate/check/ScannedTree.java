package dev.kubegenerate.check;

import dev.kubegenerate.model.ManifestPath;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What the search for configs saw of the repository: every folder it walked whole, and every
 * manifest or temporary file in them with its kind. The check lists an output folder from it
 * instead of walking the folder again, so a run walks the tree once, not three times.
 *
 * <p>The search follows no link and starts at the root, so a folder it walked has no link on its
 * path below the root, and a file it saw as a regular file can be opened without resolving its real
 * path. An output folder it did not walk whole (missing, a link, a skipped folder below it, not
 * reached yet, or past the size it remembers) is walked from disk as before.
 *
 * <p>One thread walks and writes while others check configs already rendered: a folder is answered
 * for only once the walk has left it, when everything below it is in.
 */
public final class ScannedTree {

  /** What a file found by the walk is, seen without following links. */
  enum Kind {
    REGULAR,
    LINK,
    /** A FIFO, socket or device: listed, never opened. */
    OTHER
  }

  /**
   * Remembered folders and files at most, about 40 MB at worst (8,000 apps of 30 manifests fit):
   * beyond, folders not left yet are walked from disk, so a tree of millions of folders costs time,
   * not memory.
   */
  static final int MAX_ENTRIES = 300_000;

  private final NavigableMap<String, Kind> files = new ConcurrentSkipListMap<>();
  private final NavigableSet<String> skipped = new ConcurrentSkipListSet<>();
  private final Set<String> walked = ConcurrentHashMap.newKeySet();
  // read and written by the walking thread only
  private int entries;

  /**
   * The folder the walk starts from, absolute and normalised; null for a tree that knows nothing.
   */
  private final Path root;

  private ScannedTree(Path root) {
    this.root = root;
  }

  /** A tree for a search from {@code root} (absolute and normalised) to fill. */
  static ScannedTree empty(Path root) {
    return new ScannedTree(root);
  }

  /** A tree that knows nothing: every output folder is walked from disk. */
  public static ScannedTree none() {
    return new ScannedTree(null);
  }

  /**
   * The walk has left {@code dir} (root-relative, {@code ""} for the root): everything below it is
   * in the tree.
   */
  void walked(String dir) {
    if (remember()) {
      walked.add(dir);
    }
  }

  /** The walk did not enter {@code dir}: folders above it are not known whole. */
  void skipped(String dir) {
    // kept past the limit too: a folder walked before it must not be answered without it
    skipped.add(dir);
  }

  /** The walk saw the file {@code path} (root-relative); only names the check reads are kept. */
  void file(String path, String name, BasicFileAttributes attrs) {
    if (attrs.isDirectory()
        || !(ManifestPath.isManifestName(name)
            || dev.kubegenerate.update.StagedFiles.isStaged(name))
        || !remember()) {
      return;
    }
    files.put(
        path,
        attrs.isSymbolicLink() ? Kind.LINK : attrs.isRegularFile() ? Kind.REGULAR : Kind.OTHER);
  }

  /** Whether to record one more entry; past the limit, no folder is marked walked any more. */
  private boolean remember() {
    return root != null && entries++ < MAX_ENTRIES;
  }

  /**
   * The files below {@code folder} of {@code root}, keyed and sorted by root-relative path, when
   * the walk started there and has left all of the folder.
   */
  Optional<SortedMap<String, Kind>> below(Path root, ManifestPath folder) {
    // marked walked after every entry below it was added, by the same thread: all of them are seen
    if (!root.equals(this.root) || !walked.contains(folder.value())) {
      return Optional.empty();
    }
    String prefix = folder.value() + "/";
    String firstSkipped = skipped.ceiling(prefix);
    if (firstSkipped != null && firstSkipped.startsWith(prefix)) {
      return Optional.empty();
    }
    // every key below the folder sorts between "folder/" and "folder0" ('0' follows '/')
    return Optional.of(files.subMap(prefix, folder.value() + "0"));
  }
}
