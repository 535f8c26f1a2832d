package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.SandboxedEngine;
import dev.kubegenerate.render.TemplateLibrary;
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

/** Finds the configs of a run, loads them and renders them; every problem is collected. */
public final class ProjectLoader {

  /** Folders never searched for configs: tool caches and build output, not application code. */
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "vendor");

  private final Path root;
  private final Generator generator = new Generator(new SandboxedEngine());

  public ProjectLoader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Loads the configs of a run.
   *
   * @param configFile the config's file name ({@code -f}), relative to the root
   * @param all find every config of that name below the root
   * @param extraTemplates template folders given on the command line, searched after the config's
   *     own
   */
  public Project load(String configFile, boolean all, List<Path> extraTemplates)
      throws InputException {
    return load(configFile, all, TemplateFolders.repository(extraTemplates), Progress.NONE);
  }

  /**
   * As {@link #load(String, boolean, List)}, with the tool's template folders too, telling {@code
   * progress} as each config is rendered.
   */
  public Project load(
      String configFile, boolean all, TemplateFolders extraTemplates, Progress progress)
      throws InputException {
    ScannedTree tree = all ? new ScannedTree() : ScannedTree.none();
    List<Path> files =
        all
            ? find(Path.of(configFile).getFileName().toString(), tree)
            : List.of(root.resolve(configFile));
    if (files.isEmpty()) {
      throw new InputException(
          Problem.of(
              ".",
              "no "
                  + configFile
                  + " found below this folder; run `kube-generate init` to create one"));
    }
    boolean plainName = Path.of(configFile).getParent() == null;
    if (!all && plainName && !Files.exists(files.get(0), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      suggestAll(configFile);
    }
    ConfigLoader loader = new ConfigLoader(root, KubernetesApi.supported());
    // configs are independent: load and render them on every core (issue 6), then assemble the
    // outcomes in file order, so output and messages stay the same as a sequential run's
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Outcome> outcomes =
        files.parallelStream()
            .map(
                file -> {
                  Outcome outcome = loadOne(loader, file, extraTemplates);
                  progress.advance("rendering", done.incrementAndGet(), files.size());
                  return outcome;
                })
            .toList();
    List<Problem> problems = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    List<List<RenderedFile>> rendered = new ArrayList<>();
    List<ClusterValidators> validators = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      problems.addAll(outcome.problems());
      if (outcome.config() != null) {
        configs.add(outcome.config());
        rendered.add(outcome.rendered());
        validators.add(outcome.validators());
      }
    }
    problems.addAll(OutputOverlap.find(configs));
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Project(configs, rendered, validators, tree);
  }

  /** At a monorepo's root without a config of its own: name the configs below and {@code --all}. */
  private void suggestAll(String configFile) throws InputException {
    List<String> below =
        find(Path.of(configFile).getFileName().toString(), ScannedTree.none()).stream()
            .map(f -> root.relativize(f).toString().replace('\\', '/'))
            .toList();
    if (below.isEmpty()) {
      return;
    }
    String shown =
        below.size() <= 3
            ? String.join(", ", below)
            : String.join(", ", below.subList(0, 3)) + ", ...";
    throw new InputException(
        Problem.of(
            configFile,
            "no such config here, but "
                + below.size()
                + " below this folder ("
                + shown
                + "); run with --all to handle them all, or -C to one of them"));
  }

  /** One config's load and render: the config and its files when it rendered, and its problems. */
  private record Outcome(
      Config config,
      List<RenderedFile> rendered,
      ClusterValidators validators,
      List<Problem> problems) {}

  private Outcome loadOne(ConfigLoader loader, Path file, TemplateFolders extraTemplates) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root)
        || absolute.getParent() == null
        || !absolute.getParent().startsWith(root)) {
      // paths in reports and every write are relative to the -C folder, so the config must be in it
      return new Outcome(
          null,
          null,
          null,
          List.of(
              Problem.of(
                  root.relativize(absolute).toString(),
                  "the config is outside the folder being worked in; run with -C at the repository root")));
    }
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new Outcome(
          null,
          null,
          null,
          List.of(
              Problem.of(
                  root.relativize(file.toAbsolutePath().normalize()).toString(),
                  "no such config; run `kube-generate init` to create one, or name it with -f")));
    }
    List<Problem> problems = new ArrayList<>();
    try {
      ConfigLoader.Loaded loaded = loader.load(file);
      problems.addAll(loaded.problems());
      Config config = loaded.config();
      // SPEC §3: the config's own folders first, then --templates, then the tool's
      List<Path> dirs = new ArrayList<>(config.templateDirs());
      dirs.addAll(extraTemplates.repository());
      TemplateLibrary library = TemplateLibrary.with(dirs, extraTemplates.tool(), root);
      ClusterValidators validators =
          new ClusterValidators(config, CustomResources.load(root, config.schemaDirs()));
      return new Outcome(
          config, generator.render(config, library, validators), validators, problems);
    } catch (InputException e) {
      problems.addAll(e.problems());
      return new Outcome(null, null, null, problems);
    }
  }

  /**
   * Every config named {@code name} below the root, sorted; what the walk sees goes into {@code
   * tree}, so the check need not walk the output folders again.
   */
  private List<Path> find(String name, ScannedTree tree) throws InputException {
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
                tree.entered("");
                return FileVisitResult.CONTINUE;
              }
              String n = dir.getFileName().toString();
              boolean skip = n.startsWith(".") || SKIPPED.contains(n);
              String relative = relative(dir);
              if (skip) {
                tree.skipped(relative);
              } else {
                tree.entered(relative);
              }
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String n = file.getFileName().toString();
              if (attrs.isRegularFile() && n.equals(name)) {
                found.add(file);
              }
              tree.file(relative(file), n, attrs);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // a folder that cannot be listed is not known whole: the check walks it itself
              tree.skipped(relative(file));
              throw e;
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
