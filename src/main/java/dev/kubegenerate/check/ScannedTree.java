package dev.kubegenerate.check;

import dev.kubegenerate.model.ManifestPath;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the search for configs saw of the repository: every folder it entered, and every manifest or
 * temporary file in them with its kind. The check lists an output folder from it instead of walking
 * the folder again, so a run walks the tree once, not three times (issue 13).
 *
 * <p>The search follows no link and starts at the root, so a folder it entered has no link on its
 * path below the root, and a file it saw as a regular file can be opened without resolving its real
 * path. An output folder it did not enter whole (missing, a link, a skipped folder below it, or a
 * tree too large to remember) is walked from disk as before.
 *
 * <p>Filled by one walk on one thread, then only read.
 */
public final class ScannedTree {

  /** What a file found by the walk is, seen without following links. */
  enum Kind {
    REGULAR,
    LINK,
    /** A FIFO, socket or device: listed, never opened. */
    OTHER
  }

  /** Remembered entries at most: beyond, the tree is forgotten and folders are walked from disk. */
  private static final int MAX_ENTRIES = 1_000_000;

  private final Set<String> entered = new HashSet<>();
  private final TreeSet<String> skipped = new TreeSet<>();
  private final TreeMap<String, Kind> files = new TreeMap<>();
  private boolean forgotten;

  /** A tree that knows nothing: every output folder is walked from disk. */
  public static ScannedTree none() {
    ScannedTree tree = new ScannedTree();
    tree.forgotten = true;
    return tree;
  }

  ScannedTree() {}

  /** The walk entered {@code dir} (root-relative, {@code ""} for the root) and lists all of it. */
  void entered(String dir) {
    if (remember()) {
      entered.add(dir);
    }
  }

  /** The walk did not enter {@code dir}: folders above it are not known whole. */
  void skipped(String dir) {
    if (remember()) {
      skipped.add(dir);
    }
  }

  /** The walk saw the file {@code path} (root-relative); only names the check reads are kept. */
  void file(String path, String name, BasicFileAttributes attrs) {
    if (attrs.isDirectory()
        || !(CommittedFiles.isManifest(name) || UpdateJournal.isTemporary(name))
        || !remember()) {
      return;
    }
    files.put(
        path,
        attrs.isSymbolicLink() ? Kind.LINK : attrs.isRegularFile() ? Kind.REGULAR : Kind.OTHER);
  }

  private boolean remember() {
    if (!forgotten && entered.size() + skipped.size() + files.size() >= MAX_ENTRIES) {
      forgotten = true;
      entered.clear();
      skipped.clear();
      files.clear();
    }
    return !forgotten;
  }

  /**
   * The files below {@code folder}, keyed and sorted by root-relative path, when the walk entered
   * all of it.
   */
  Optional<SortedMap<String, Kind>> below(ManifestPath folder) {
    String prefix = folder.value() + "/";
    if (forgotten || !entered.contains(folder.value())) {
      return Optional.empty();
    }
    String firstSkipped = skipped.ceiling(prefix);
    if (firstSkipped != null && firstSkipped.startsWith(prefix)) {
      return Optional.empty();
    }
    // every key below the folder sorts between "folder/" and "folder0" ('0' follows '/')
    return Optional.of(files.subMap(prefix, folder.value() + "0"));
  }
}
