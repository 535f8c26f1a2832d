package dev.kubegenerate.render;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates a config can use: the repository's template folders first, then the tool's: the
 * folders of {@code KUBE_GENERATE_TEMPLATES} (an organisation's own library, SPEC §3), then the
 * built-in library bundled under {@code kube-generate/templates/} on the class path.
 */
public final class TemplateLibrary {

  private static final String BUILT_IN = "kube-generate/templates";

  private final Map<String, TemplateSpec> templates;

  private TemplateLibrary(Map<String, TemplateSpec> templates) {
    this.templates = templates;
  }

  /** The built-in library alone. */
  public static TemplateLibrary builtIn() throws InputException {
    return new TemplateLibrary(new TreeMap<>(builtInTemplates()));
  }

  /**
   * The library seen by a config with the given extra folders, which are searched first, so a
   * folder's template replaces a built-in one of the same name.
   *
   * @param root the repository root, for the names shown in messages
   */
  public static TemplateLibrary with(List<Path> folders, Path root) throws InputException {
    return with(folders, List.of(), root);
  }

  /**
   * The library seen by a config: {@code repositoryFolders} first, then {@code toolFolders}, then
   * the built-in library; an earlier folder's template replaces a later one of the same name.
   *
   * @param repositoryFolders folders inside the repository: their files are the repository's input
   * @param toolFolders the tool's folders ({@code KUBE_GENERATE_TEMPLATES}), absolute, anywhere
   * @param root the repository root, for the names shown in messages
   */
  public static TemplateLibrary with(
      List<Path> repositoryFolders, List<Path> toolFolders, Path root) throws InputException {
    Map<String, TemplateSpec> all = new TreeMap<>(builtInTemplates());
    List<Path> tool = new ArrayList<>(toolFolders);
    java.util.Collections.reverse(tool);
    for (Path folder : tool) {
      all.putAll(fromToolFolder(folder));
    }
    List<Path> reversed = new ArrayList<>(repositoryFolders);
    java.util.Collections.reverse(reversed);
    for (Path folder : reversed) {
      all.putAll(fromFolder(folder, root));
    }
    return new TemplateLibrary(all);
  }

  /** The template called {@code name}. */
  public Optional<TemplateSpec> get(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  /** Every template, by name. */
  public Map<String, TemplateSpec> all() {
    return java.util.Collections.unmodifiableMap(templates);
  }

  private static Map<String, TemplateSpec> builtInTemplates() throws InputException {
    if (!BuiltIn.LOADED.problems().isEmpty()) {
      throw new InputException(BuiltIn.LOADED.problems());
    }
    return BuiltIn.LOADED.templates();
  }

  /**
   * The built-in library, read once per process on first use (the JVM makes that lazy and
   * thread-safe): it is part of the build and cannot change while the tool runs.
   */
  private static final class BuiltIn {
    static final Loaded LOADED = read();

    /** The templates, or why they could not be read. */
    record Loaded(Map<String, TemplateSpec> templates, List<Problem> problems) {
      Loaded {
        templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        problems = List.copyOf(problems);
      }
    }

    private static Loaded read() {
      try {
        Path dir = builtInFolder();
        return new Loaded(
            load(dir, dir, name -> "built-in template " + name, "built-in", false), List.of());
      } catch (InputException e) {
        return new Loaded(Map.of(), e.problems());
      }
    }
  }

  private static Map<String, TemplateSpec> fromFolder(Path folder, Path root)
      throws InputException {
    String shown =
        root.toAbsolutePath()
            .normalize()
            .relativize(folder.toAbsolutePath().normalize())
            .toString();
    if (!Files.isDirectory(folder)) {
      throw new InputException(Problem.of(shown, "template folder does not exist"));
    }
    RepositoryFiles.folder(root, folder, shown);
    return load(folder, root, name -> shown + "/" + name, shown, true);
  }

  private static Map<String, TemplateSpec> fromToolFolder(Path folder) throws InputException {
    String shown = folder.toString();
    if (!Files.isDirectory(folder)) {
      throw new InputException(
          Problem.of(shown, "template folder of KUBE_GENERATE_TEMPLATES does not exist"));
    }
    // the tool's own folder, named by the workflow: its files may not lead out of it either
    return load(folder, folder, name -> shown + "/" + name, shown, false);
  }

  private static Map<String, TemplateSpec> load(
      Path dir,
      Path root,
      java.util.function.Function<String, String> shownAs,
      String origin,
      boolean repository)
      throws InputException {
    Map<String, TemplateSpec> out = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.sorted().toList()) {
        if (Files.isRegularFile(child.resolve(TemplateReader.SPEC_FILE))) {
          String name = child.getFileName().toString();
          try {
            out.put(
                name,
                TemplateReader.read(
                    name,
                    child,
                    shownAs.apply(name),
                    origin,
                    repository,
                    builtInFolder().resolve(TemplateReader.SHARED_FOLDER),
                    root));
          } catch (InputException e) {
            problems.addAll(e.problems());
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(Problem.of(origin, "cannot list templates: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return out;
  }

  private static Path builtInFolder() throws InputException {
    URL url = TemplateLibrary.class.getClassLoader().getResource(BUILT_IN + "/README.md");
    if (url == null) {
      throw new InputException(
          Problem.of("", "the built-in template library is missing from this build"));
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath(BUILT_IN);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new InputException(
          Problem.of("", "cannot open the built-in template library: " + e.getMessage()));
    }
  }
}
