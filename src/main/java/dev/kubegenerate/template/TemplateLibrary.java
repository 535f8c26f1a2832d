package dev.kubegenerate.template;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates a config can use: the repository's template folders first, then the tool's: the
 * folders of {@code KUBE_GENERATE_TEMPLATES} (an organisation's own library, SPEC §3), then the
 * built-in library bundled under {@code kube-generate/templates/} on the class path.
 */
public final class TemplateLibrary {

  /** The templates of the library's folders (repository and tool), by name; built-ins aside. */
  private final Map<String, TemplateSpec> fromFolders;

  private TemplateLibrary(Map<String, TemplateSpec> fromFolders) {
    this.fromFolders = fromFolders;
  }

  /** The built-in library alone. */
  public static TemplateLibrary builtIn() throws InputException {
    BuiltIn.files();
    return new TemplateLibrary(Map.of());
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
   * Folders are read whole, since each of their files is an input; a built-in template is read when
   * first used, as it is part of the build.
   *
   * @param repositoryFolders folders inside the repository: their files are the repository's input
   * @param toolFolders the tool's folders ({@code KUBE_GENERATE_TEMPLATES}), absolute, anywhere
   * @param root the repository root, for the names shown in messages
   */
  public static TemplateLibrary with(
      List<Path> repositoryFolders, List<Path> toolFolders, Path root) throws InputException {
    BuiltIn.files();
    Map<String, TemplateSpec> all = new TreeMap<>();
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

  /** The template called {@code name}; reading a built-in one may fail. */
  public Optional<TemplateSpec> get(String name) throws InputException {
    TemplateSpec own = fromFolders.get(name);
    return own != null ? Optional.of(own) : BuiltIn.get(name);
  }

  /** The name of every template, sorted, without reading any. */
  public java.util.SortedSet<String> names() throws InputException {
    java.util.SortedSet<String> out = new java.util.TreeSet<>(fromFolders.keySet());
    out.addAll(BuiltIn.names());
    return out;
  }

  /** Every template, by name. */
  public Map<String, TemplateSpec> all() throws InputException {
    Map<String, TemplateSpec> out = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    for (String name : names()) {
      try {
        get(name).ifPresent(t -> out.put(name, t));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The built-in library, indexed once per process on first use (the JVM makes that lazy and
   * thread-safe); each template is read once, when first asked for. A run reads only the templates
   * its configs use: reading all of them was a third of a one-app check's start-up.
   */
  private static final class BuiltIn {
    private static final Opened OPENED = open();

    /** Each template read, or why it could not be. */
    private static final Map<String, Read> READ = new ConcurrentHashMap<>();

    /** The library's files, or why they cannot be read. */
    private record Opened(TemplateFiles files, List<Problem> problems) {}

    /** One template, or the problems of reading it. */
    private record Read(TemplateSpec spec, List<Problem> problems) {}

    private static Opened open() {
      try {
        TemplateFiles files = TemplateFiles.builtIn();
        return new Opened(files, List.of());
      } catch (InputException e) {
        return new Opened(null, e.problems());
      }
    }

    static TemplateFiles files() throws InputException {
      if (!OPENED.problems().isEmpty()) {
        throw new InputException(OPENED.problems());
      }
      return OPENED.files();
    }

    static List<String> names() throws InputException {
      return files().folders();
    }

    static Optional<TemplateSpec> get(String name) throws InputException {
      // looked up by name: listing the library is for messages and `templates`
      if (!files().has(name, TemplateReader.SPEC_FILE)) {
        return Optional.empty();
      }
      Read read = READ.computeIfAbsent(name, BuiltIn::read);
      if (!read.problems().isEmpty()) {
        throw new InputException(read.problems());
      }
      return Optional.of(read.spec());
    }

    private static Read read(String name) {
      try {
        return new Read(
            TemplateReader.read(
                name,
                OPENED.files(),
                "built-in template " + name,
                "built-in",
                false,
                OPENED.files()),
            List.of());
      } catch (InputException e) {
        return new Read(null, e.problems());
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
    return load(TemplateFiles.onDisk(folder, root, shown), name -> shown + "/" + name, shown, true);
  }

  private static Map<String, TemplateSpec> fromToolFolder(Path folder) throws InputException {
    String shown = folder.toString();
    if (!Files.isDirectory(folder)) {
      throw new InputException(
          Problem.of(shown, "template folder of KUBE_GENERATE_TEMPLATES does not exist"));
    }
    // the tool's own folder, named by the workflow: its files may not lead out of it either
    return load(
        TemplateFiles.onDisk(folder, folder, shown), name -> shown + "/" + name, shown, false);
  }

  private static Map<String, TemplateSpec> load(
      TemplateFiles files,
      java.util.function.Function<String, String> shownAs,
      String origin,
      boolean repository)
      throws InputException {
    Map<String, TemplateSpec> out = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (String name : files.folders()) {
      try {
        out.put(
            name,
            TemplateReader.read(
                name, files, shownAs.apply(name), origin, repository, BuiltIn.files()));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return out;
  }
}
