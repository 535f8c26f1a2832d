package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies update plans all or nothing: every new file is first written to a temporary file
 * beside its target, and only when all of them are written are they renamed into place.
 * Nothing is written through a symbolic link.
 */
public final class AtomicWriter {

  private final Path root;

  public AtomicWriter(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes and deletes what the plans say; on any failure, nothing has changed. */
  public void apply(List<UpdatePlan> plans) throws InputException {
    List<Path> createdDirs = new ArrayList<>();
    List<Path[]> staged = new ArrayList<>();
    try {
      for (UpdatePlan plan : plans) {
        for (Map.Entry<ManifestPath, String> write : plan.writes().entrySet()) {
          Path target = safeTarget(write.getKey());
          createParents(target.getParent(), createdDirs);
          Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
          staged.add(new Path[] {temp, target});
          Files.writeString(temp, write.getValue(), StandardCharsets.UTF_8);
        }
        for (ManifestPath delete : plan.deletes()) {
          safeTarget(delete);
        }
      }
    } catch (IOException | InputException e) {
      staged.forEach(pair -> deleteQuietly(pair[0]));
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        deleteQuietly(createdDirs.get(i));
      }
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(Problem.of(relative(e), "cannot write: " + e.getMessage() + "; nothing was changed"));
    }
    try {
      for (Path[] pair : staged) {
        move(pair[0], pair[1]);
      }
      for (UpdatePlan plan : plans) {
        for (ManifestPath delete : plan.deletes()) {
          Files.deleteIfExists(delete.resolveIn(root));
        }
      }
    } catch (IOException e) {
      // renames within one folder do not fail in practice; if one does, say exactly that
      throw new InputException(Problem.of(relative(e), "update interrupted: " + e.getMessage()));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The target's absolute path, after checking no existing part of it is a symbolic link. */
  private Path safeTarget(ManifestPath path) throws InputException {
    Path current = root;
    String[] segments = path.value().split("/");
    for (String segment : segments) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        throw new InputException(Problem.of(path.value(), "refusing to write through the symbolic link "
            + root.relativize(current) + "; nothing was changed"));
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
    }
    return path.resolveIn(root);
  }

  private void createParents(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !p.equals(root) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.add(p);
    }
  }

  private String relative(Exception e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
        ? root.relativize(Path.of(fse.getFile()).toAbsolutePath().normalize()).toString()
        : ".";
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a temporary file left behind is harmless and named as such
    }
  }
}
