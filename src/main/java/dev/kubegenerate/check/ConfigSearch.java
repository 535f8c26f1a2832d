package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The search for every config of a repository ({@code --all}): one walk that follows no link. */
final class ConfigSearch {

  /** Folders never searched for configs: tool caches and build output, not application code. */
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "vendor");

  private ConfigSearch() {}

  /**
   * Every config named {@code name} below the root, sorted, each also told to {@code onFound} as
   * the walk finds it; what the walk sees goes into {@code tree}, so the check need not walk the
   * output folders again.
   */
  static List<Path> find(Path root, String name, ScannedTree tree, Consumer<Path> onFound)
      throws InputException {
    List<Path> found = new ArrayList<>();
    String rootText = root.toString();
    // paths below the root are the root's text, a separator, then the relative path
    int cut = rootText.endsWith(File.separator) ? rootText.length() : rootText.length() + 1;
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String n = dir.getFileName().toString();
              if (n.startsWith(".") || SKIPPED.contains(n)) {
                tree.skipped(relative(dir));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              tree.walked(dir.equals(root) ? "" : relative(dir));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String n = file.getFileName().toString();
              if (attrs.isRegularFile() && n.equals(name)) {
                found.add(file);
                onFound.accept(file);
              }
              tree.file(relative(file), n, attrs);
              return FileVisitResult.CONTINUE;
            }

            private String relative(Path path) {
              String text = path.toString().substring(cut);
              return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
            }
          });
    } catch (IOException e) {
      throw new InputException(Problem.of(".", "cannot search for configs: " + e.getMessage()));
    }
    found.sort(null);
    return found;
  }
}
