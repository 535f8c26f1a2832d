package dev.kubegenerate.config;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.RepositoryFiles;
import dev.kubegenerate.yaml.YamlNodes;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The folders a config names: {@code outputDir}, {@code templates:} and {@code schemas:}, each
 * relative to the config's folder and inside the repository. Problems are collected, as by {@link
 * ConfigLoader}.
 */
final class ConfigFolders {
  private final Path root;
  private final Path folder;
  private final String shownAs;
  private final List<Problem> problems;
  private final Nodes nodes;

  ConfigFolders(Path root, Path folder, String shownAs, List<Problem> problems, Nodes nodes) {
    this.root = root;
    this.folder = folder;
    this.shownAs = shownAs;
    this.problems = problems;
    this.nodes = nodes;
  }

  /** {@code outputDir}, as written ({@code tuple}, may be null) or the default. */
  ManifestPath outputDir(NodeTuple tuple, Optional<String> written, ManifestPath folderPath) {
    String dir = written.orElse(Config.DEFAULT_OUTPUT_DIR);
    // relative to the config's folder; `..` is fine while the result stays inside the repository
    Path resolved = folder.resolve(dir).normalize();
    boolean inside =
        !dir.isEmpty()
            && !Path.of(dir).isAbsolute()
            && resolved.startsWith(root)
            && !resolved.equals(root);
    // the default is always inside: a problem is about a written value
    if (!inside && tuple != null) {
      problems.add(
          YamlNodes.at(
              shownAs,
              tuple.getValueNode(),
              "outputDir \"" + dir + "\" must be a folder inside the repository, below its root"));
    }
    if (!inside) {
      return folderPath == null
          ? ManifestPath.of(Config.DEFAULT_OUTPUT_DIR)
          : folderPath.resolve(Config.DEFAULT_OUTPUT_DIR);
    }
    return ManifestPath.relative(root, resolved);
  }

  /**
   * Folders named by {@code templates:} or {@code schemas:}, relative to the config's folder and
   * inside the repository.
   */
  List<Path> folders(NodeTuple tuple, String what) {
    if (tuple == null) {
      return List.of();
    }
    List<Path> dirs = new ArrayList<>();
    Node value = tuple.getValueNode();
    List<String> names = nodes.stringList(value, what.equals("template") ? "templates" : what);
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    for (int i = 0; i < names.size(); i++) {
      Path dir = folder.resolve(names.get(i)).normalize();
      if (Path.of(names.get(i)).isAbsolute() || !dir.startsWith(root)) {
        problems.add(
            YamlNodes.at(
                shownAs,
                items.get(Math.min(i, items.size() - 1)),
                (what.equals("template") ? "template folder \"" : "schemas folder \"")
                    + names.get(i)
                    + "\" must be inside the repository"));
      } else if (readableFolder(
          dir, names.get(i), items.get(Math.min(i, items.size() - 1)), what)) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  /**
   * False, with an error on the config's line, for a folder that exists but is a link out of the
   * repository or no folder; a missing one is left to the template library, which says so.
   */
  private boolean readableFolder(Path dir, String name, Node at, String what) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      RepositoryFiles.folder(root, dir, name);
      return true;
    } catch (InputException e) {
      problems.add(
          YamlNodes.at(
              shownAs, at, what + " folder \"" + name + "\": " + e.problems().get(0).message()));
      return false;
    }
  }
}
