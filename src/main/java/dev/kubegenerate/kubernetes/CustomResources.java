package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.InputText;
import dev.kubegenerate.yaml.NodeValues;
import dev.kubegenerate.yaml.YamlNodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The schemas of custom resources, from the CustomResourceDefinition manifests of a config's {@code
 * schemas:} folders: for each served version, its {@code openAPIV3Schema}.
 *
 * <p>The folders are the repository's input: links are never followed (a link could lead out of the
 * repository), every file is read with the bounds of {@link InputText}.
 */
public final class CustomResources {

  /** No custom resource schemas. */
  public static final CustomResources NONE = new CustomResources(Map.of());

  private final Map<String, Schema> byKind;

  private CustomResources(Map<String, Schema> byKind) {
    this.byKind = Map.copyOf(byKind);
  }

  /** The schema of {@code apiVersion}/{@code kind}, when a definition declares it. */
  Optional<Schema> schema(String apiVersion, String kind) {
    return Optional.ofNullable(byKind.get(apiVersion + " " + kind));
  }

  /** How many apiVersion/kind pairs have a schema. */
  public int size() {
    return byKind.size();
  }

  /**
   * Reads every {@code *.yaml}, {@code *.yml} and {@code *.json} file below the folders.
   *
   * @param root the repository root: folders must be inside it, and paths in problems are relative
   *     to it
   * @param folders absolute folders inside {@code root}
   */
  public static CustomResources load(Path root, List<Path> folders) throws InputException {
    if (folders.isEmpty()) {
      return NONE;
    }
    Map<String, Schema> byKind = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Path folder : folders) {
      String shown = shown(root, folder);
      try {
        // a link is fine while it stays in the repository: only the real folder is listed
        Path real = folder.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
          problems.add(
              Problem.of(
                  shown,
                  "the schemas folder leads out of the repository through a symbolic link;"
                      + " kube-generate reads nothing outside it"));
          continue;
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(Problem.of(shown, "the schemas folder is not a folder"));
          continue;
        }
        for (Path file : files(real)) {
          read(file, shown + "/" + shown(real, file), byKind, problems);
        }
      } catch (java.nio.file.NoSuchFileException e) {
        problems.add(Problem.of(shown, "no such schemas folder"));
      } catch (IOException e) {
        problems.add(Problem.of(shown, "cannot read the schemas folder: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new CustomResources(byKind);
  }

  private static String shown(Path root, Path file) {
    return root.toAbsolutePath()
        .normalize()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  /** Regular files only: a link, to a file or a folder, is skipped, never followed. */
  private static List<Path> files(Path folder) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (attrs.isRegularFile()
                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  private static void read(
      Path file, String shown, Map<String, Schema> byKind, List<Problem> problems) {
    try {
      String text = readRegularFile(file, shown);
      LoadSettings settings = YamlNodes.safeSettings(shown);
      Composer composer = new Composer(settings, YamlNodes.parser(settings, text));
      while (composer.hasNext()) {
        definition(composer.next(), shown, byKind, problems);
      }
    } catch (InputException e) {
      problems.addAll(e.problems());
    } catch (org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException e) {
      problems.add(YamlNodes.problemAt(shown, e));
    } catch (YamlEngineException e) {
      problems.add(
          Problem.of(
              shown,
              "malformed YAML: "
                  + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ")));
    }
  }

  /**
   * A regular file found by {@link #files} (never a link), opened without following links, read
   * with the bounds of every input: a file swapped for a link after the listing is not read.
   */
  private static String readRegularFile(Path file, String shown) throws InputException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(InputText.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InputException(Problem.of(shown, "cannot read: " + e.getMessage()));
    }
    return InputText.decode(bytes, shown);
  }

  /** Takes a CustomResourceDefinition document's served versions; other documents are ignored. */
  private static void definition(
      Node doc, String shown, Map<String, Schema> byKind, List<Problem> problems) {
    if (!"CustomResourceDefinition".equals(text(doc, "kind"))
        || !"apiextensions.k8s.io/v1".equals(text(doc, "apiVersion"))) {
      return;
    }
    Node spec = field(doc, "spec");
    String group = text(spec, "group");
    String kind = text(field(spec, "names"), "kind");
    if (group == null
        || kind == null
        || !(field(spec, "versions") instanceof SequenceNode versions)) {
      problems.add(
          YamlNodes.at(
              shown,
              doc,
              "a CustomResourceDefinition needs spec.group, spec.names.kind and spec.versions"));
      return;
    }
    for (Node version : versions.getValue()) {
      String name = text(version, "name");
      Node schema = field(field(version, "schema"), "openAPIV3Schema");
      if (name == null
          || "false".equals(text(version, "served"))
          || !(schema instanceof MappingNode)) {
        continue;
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) NodeValues.toJava(schema);
        byKind.put(group + "/" + name + " " + kind, Schema.from(raw, true));
      } catch (NodeValues.ValueException e) {
        problems.add(YamlNodes.at(shown, e.node(), "openAPIV3Schema: " + e.getMessage()));
      }
    }
  }

  static Node field(Node node, String name) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  static String text(Node node, String name) {
    return field(node, name) instanceof ScalarNode s ? s.getValue() : null;
  }
}
