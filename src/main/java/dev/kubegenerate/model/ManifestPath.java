package dev.kubegenerate.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A repository-relative path of a manifest, with {@code /} separators.
 *
 * <p>Parsed once at the boundary: {@link #of} rejects absolute paths, empty segments, {@code .} and
 * {@code ..}, so nothing built from one can leave the folder it is resolved against.
 */
public record ManifestPath(String value) implements Comparable<ManifestPath> {

  public ManifestPath {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()
        || value.startsWith("/")
        || value.contains("\\")
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a relative path: " + value);
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("not a plain relative path: " + value);
      }
    }
  }

  // Written out: see KubernetesVersion.equals.
  @Override
  public boolean equals(Object other) {
    return other instanceof ManifestPath p && p.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Parses a path given with {@code /} separators. */
  public static ManifestPath of(String value) {
    return new ManifestPath(value);
  }

  /** Joins plain segments; each must itself be a valid relative path. */
  public static ManifestPath of(String first, String... more) {
    StringBuilder b = new StringBuilder(first);
    for (String m : more) {
      b.append('/').append(m);
    }
    return new ManifestPath(b.toString());
  }

  /** The path of {@code file} relative to {@code root}, which must contain it. */
  public static ManifestPath relative(Path root, Path file) {
    Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return new ManifestPath(rel.toString().replace(java.io.File.separatorChar, '/'));
  }

  /** Resolves this path below {@code root}. */
  public Path resolveIn(Path root) {
    return root.resolve(value.replace('/', java.io.File.separatorChar));
  }

  /** Appends a relative path. */
  public ManifestPath resolve(String relative) {
    return new ManifestPath(value + "/" + relative);
  }

  /** True when {@code this} equals {@code folder} or lies below it. */
  public boolean startsWith(ManifestPath folder) {
    int n = folder.value.length();
    return value.startsWith(folder.value) && (value.length() == n || value.charAt(n) == '/');
  }

  /** True for the file names the check classifies; others (README.md, .gitkeep) are ignored. */
  public static boolean isManifestName(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
  }

  /** The last segment. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  @Override
  public int compareTo(ManifestPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
