package dev.kubegenerate.template;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.InputText;
import dev.kubegenerate.yaml.RepositoryFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Where a library's template folders are read from: a folder on disk (the repository's, or the
 * tool's), or the built-in library on the class path. Folder and file names are single path
 * segments, as a library lists them.
 */
interface TemplateFiles {

  /** The template folders of the library, sorted. */
  List<String> folders() throws InputException;

  /** The file names in {@code folder}, sorted. */
  List<String> list(String folder) throws InputException;

  /**
   * Whether {@code folder} of the library holds {@code file}: a folder listed by {@link #folders}.
   */
  default boolean has(String folder, String file) throws InputException {
    return folders().contains(folder) && list(folder).contains(file);
  }

  /** Refuses a folder that may not be read (for disk: one that leads out of its root). */
  void checkFolder(String folder, String shownAs) throws InputException;

  /** The text of {@code file} in {@code folder}, with the limits of {@link InputText}. */
  String read(String folder, String file, String shownAs) throws InputException;

  /**
   * A folder on disk: every file is read with {@link RepositoryFiles}, so no link leads out of
   * {@code root}.
   */
  static TemplateFiles onDisk(Path dir, Path root, String origin) {
    return new OnDisk(dir, root, origin);
  }

  /** The library of template folders in {@code dir}. */
  record OnDisk(Path dir, Path root, String origin) implements TemplateFiles {

    @Override
    public List<String> folders() throws InputException {
      List<String> out = new ArrayList<>();
      try (Stream<Path> children = Files.list(dir)) {
        for (Path child : children.sorted().toList()) {
          if (Files.isRegularFile(child.resolve(TemplateReader.SPEC_FILE))) {
            out.add(child.getFileName().toString());
          }
        }
      } catch (IOException e) {
        throw new InputException(Problem.of(origin, "cannot list templates: " + e.getMessage()));
      }
      return out;
    }

    @Override
    public List<String> list(String folder) throws InputException {
      try (Stream<Path> s = Files.list(dir.resolve(folder))) {
        return s.map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        throw new InputException(Problem.of(folder, "cannot list bodies: " + e.getMessage()));
      }
    }

    @Override
    public void checkFolder(String folder, String shownAs) throws InputException {
      RepositoryFiles.folder(root, dir.resolve(folder), shownAs);
    }

    @Override
    public String read(String folder, String file, String shownAs) throws InputException {
      return RepositoryFiles.read(root, dir.resolve(folder).resolve(file), shownAs);
    }
  }

  /**
   * The built-in library, {@code kube-generate/templates/} on the class path: a folder of the
   * exploded class path (tests, the container image's layout) or entries of the jar. The jar is
   * read as the class loader reads it, not through a zip file system, which a run would otherwise
   * open and index only for these few files.
   */
  static TemplateFiles builtIn() throws InputException {
    String prefix = "kube-generate/templates/";
    URL url = TemplateFiles.class.getClassLoader().getResource(prefix + "README.md");
    if (url == null) {
      throw new InputException(
          Problem.of("", "the built-in template library is missing from this build"));
    }
    try {
      URI uri = url.toURI();
      if ("file".equals(uri.getScheme())) {
        Path dir = Path.of(uri).getParent();
        return new OnDisk(dir, dir, "built-in");
      }
      String spec = uri.getRawSchemeSpecificPart();
      int bang = spec.indexOf("!/");
      if (!"jar".equals(uri.getScheme()) || bang < 0) {
        throw new InputException(
            Problem.of("", "cannot open the built-in template library at " + uri));
      }
      return InJar.open(new File(new URI(spec.substring(0, bang))), prefix);
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      throw new InputException(
          Problem.of("", "cannot open the built-in template library: " + e.getMessage()));
    }
  }

  /**
   * The library's entries in the jar. A run reads a few of them by name; the index of every entry
   * under the prefix, which means going through all of the jar's 2,500 entries (5 ms of a one-app
   * check), is built only to list folders or files.
   */
  final class InJar implements TemplateFiles {

    private final JarFile jar;
    private final String prefix;
    private volatile Map<String, Map<String, ZipEntry>> byFolder;

    private InJar(JarFile jar, String prefix) {
      this.jar = jar;
      this.prefix = prefix;
    }

    /**
     * Opens the jar. It stays open for the process, as the class loader keeps it; the JVM shares
     * one index of its entries between both.
     */
    static InJar open(File file, String prefix) throws IOException {
      return new InJar(new JarFile(file, false), prefix);
    }

    private Map<String, Map<String, ZipEntry>> byFolder() {
      Map<String, Map<String, ZipEntry>> index = byFolder;
      if (index == null) {
        Map<String, Map<String, ZipEntry>> built = new TreeMap<>();
        jar.stream()
            .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
            .forEach(
                e -> {
                  String[] parts = e.getName().substring(prefix.length()).split("/", -1);
                  if (parts.length == 2) {
                    built.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], e);
                  }
                });
        index = built;
        byFolder = index;
      }
      return index;
    }

    /** The entry of {@code file} in {@code folder}, looked up by name; null if there is none. */
    private ZipEntry entry(String folder, String file) {
      if (!isSegment(folder) || !isSegment(file)) {
        return null;
      }
      ZipEntry entry = jar.getEntry(prefix + folder + "/" + file);
      return entry == null || entry.isDirectory() ? null : entry;
    }

    /** A name the index could list: one path segment, so a lookup cannot name another entry. */
    private static boolean isSegment(String name) {
      return !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".") && !name.equals("..");
    }

    @Override
    public List<String> folders() {
      return byFolder().entrySet().stream()
          .filter(e -> e.getValue().containsKey(TemplateReader.SPEC_FILE))
          .map(Map.Entry::getKey)
          .toList();
    }

    @Override
    public List<String> list(String folder) {
      return List.copyOf(byFolder().getOrDefault(folder, Map.of()).keySet());
    }

    @Override
    public boolean has(String folder, String file) {
      return entry(folder, file) != null && entry(folder, TemplateReader.SPEC_FILE) != null;
    }

    @Override
    public void checkFolder(String folder, String shownAs) throws InputException {
      // a template's folder holds its template.yaml; any other is looked up in the index
      if (entry(folder, TemplateReader.SPEC_FILE) == null && !byFolder().containsKey(folder)) {
        throw new InputException(Problem.of(shownAs, "not a folder"));
      }
    }

    @Override
    public String read(String folder, String file, String shownAs) throws InputException {
      ZipEntry entry = entry(folder, file);
      if (entry == null) {
        throw new InputException(Problem.of(shownAs, "cannot read: no such file"));
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return InputText.decode(in.readNBytes(InputText.MAX_BYTES + 1), shownAs);
      } catch (IOException e) {
        throw new InputException(Problem.of(shownAs, "cannot read: " + InputText.describe(e)));
      }
    }
  }
}
